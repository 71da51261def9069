/** The addresses of the ombudsman's pages, for links between them (and the manifest). */
export const complaintPath = '/ombudsman/complaint';
export const receivedPath = '/ombudsman/complaint/received';
export const statusPath = '/ombudsman/status';
export const statisticsPath = '/ombudsman/statistics';
export const casesPath = '/staff/ombudsman/cases';
export const casePath = (id: string) => `/staff/ombudsman/cases/${encodeURIComponent(id)}`;
export const intakePath = '/staff/ombudsman/intake';
export const counsellingPath = '/staff/ombudsman/counselling';
export const deadlinesPath = '/staff/ombudsman/deadlines';
export const membersPath = '/staff/ombudsman/members';
export const inboxPath = '/staff/ombudsman/department';
