/** The addresses of the assessments pages, for links between them (and the manifest). */
export const publicPath = '/assessments';
export const summaryPath = (id: number | string) => `/assessments/summaries/${id}`;
export const enterprisesPath = '/assessments/enterprises';
export const workPath = '/assessments/work';
export const assessmentPath = (id: number | string) => `/assessments/work/${id}`;
export const subjectPath = (id: number | string) => `/assessments/subjects/${id}`;
export const templatesPath = '/assessments/templates';
export const templateVersionsPath = (key: string) =>
  `/assessments/templates/${encodeURIComponent(key)}/versions`;
