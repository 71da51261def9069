/** The addresses of the education pages, for links between them (and the manifest). */
export const educationPath = '/education';
export const programmePath = (id: string) => `/education/programmes/${encodeURIComponent(id)}`;
export const staffPath = '/staff/education';
export const staffProgrammePath = (id: string) => `/staff/education/programmes/${encodeURIComponent(id)}`;
