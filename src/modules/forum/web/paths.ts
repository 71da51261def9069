/** The addresses of the forum's pages, for links between them (and the manifest). */
export const overviewPath = '/forum';
export const editionPagePath = (year: number) => `/forum/${year}`;
export const unPagePath = '/forum/un';
export const staffPath = '/staff/forum';
export const staffEditionPath = (year: number) => `/staff/forum/editions/${year}`;
export const staffUnPath = '/staff/forum/un';
// The register's pages of UN recommendations (the recommendations module records them).
export const unRecommendationsPath = '/recommendations?source=un';
export const unImportPath = '/staff/recommendations/un-import';
