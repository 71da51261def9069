/** The addresses of the charter pages, for links between them (and the manifest). */
export const charterPath = '/charter';
export const staffPath = '/staff/charter';
export const contestPath = (id: string) => `/staff/charter/contests/${encodeURIComponent(id)}`;
/** The kernel's page where admins and officers enter the charter's articles. */
export const articlesPath = '/staff/rights';
