/** The addresses of the register's pages, for links between them (and the manifest). */
export const trackerPath = '/recommendations';
export const recommendationPath = (id: string) => `/recommendations/${encodeURIComponent(id)}`;
export const staffPath = '/staff/recommendations';
export const staffRecommendationPath = (id: string) => `/staff/recommendations/${encodeURIComponent(id)}`;
export const staffUnImportPath = '/staff/recommendations/un-import';
