/** The addresses of the indicators' pages, for links between them (and the manifest). */
export const overviewPath = '/indicators';
export const indicatorPath = (code: string) => `/indicators/${encodeURIComponent(code)}`;
export const cyclesPath = '/staff/indicators/cycles';
export const importPath = '/staff/indicators/import';
