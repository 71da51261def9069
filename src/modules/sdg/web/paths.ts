/** The addresses of the SDG module's pages, for links between them (and the manifest). */
export const goalsPath = '/sdg';
export const goalPath = (goal: number) => `/sdg/goals/${goal}`;
export const agendasPath = '/sdg/agendas';
export const agenda2030Path = '/sdg/agenda-2030';
export const publishedAssessmentPath = (year: number) => `/sdg/agenda-2030/${year}`;
export const assessmentsPath = '/sdg/assessments';
export const assessmentPath = (year: number) => `/sdg/assessments/${year}`;
export const comparisonPath = '/network';
export const peersPath = '/network/peers';
