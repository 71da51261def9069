/** The addresses of the plan's pages, for links between them (and the manifest). */
export const plansPath = '/plan';
export const yearPath = (year: number | string) => `/plan/${year}`;
export const taskPath = (id: number | string) => `/plan/tasks/${id}`;
export const staffPath = '/plan/staff';
export const staffTaskPath = (id: number | string) => `/plan/staff/tasks/${id}`;
