/** The addresses of the grants pages, for links between them (and the manifest). */
export const overviewPath = '/grants';
export const callPath = (id: string) => `/grants/calls/${encodeURIComponent(id)}`;
export const organisationPath = '/grants/organisation';
export const applicationPath = (id: string) => `/grants/applications/${encodeURIComponent(id)}`;
export const officePath = '/grants/office';
