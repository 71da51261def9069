/** The addresses of the indicators' pages, for links between them (and the manifest). */
export const overviewPath = '/indicators';
export const indicatorPath = (code: string) => `/indicators/${encodeURIComponent(code)}`;
export const cyclesPath = '/staff/indicators/cycles';
export const importPath = '/staff/indicators/import';
export const targetsPath = '/staff/indicators/targets';
export const entryPath = '/staff/indicators/entry';
export const reportPath = '/staff/indicators/report';
/** A questionnaire's public page; the token comes from the API (`questionnairePath` on the server). */
export const questionnairePath = '/questionnaires/:token';
export const questionnairesPath = '/staff/indicators/questionnaires';
export const assessmentsPath = '/staff/indicators/assessments';
export const actionsPath = '/staff/indicators/actions';
export const resultsPath = '/staff/indicators/results';
/** The office's page for correcting a closed year's value. */
export const correctionsPath = '/staff/indicators/corrections';
/** A closed year's published results. */
export const publishedResultsPath = (year: number | string) => `/indicators/results/${year}`;
