/** The addresses of the committees' pages, for links between them (and the manifest). */
export const calendarPath = '/committees';
export const meetingPath = (id: string) => `/committees/meetings/${encodeURIComponent(id)}`;
export const meetingEditPath = (id: string) => `${meetingPath(id)}/edit`;
export const cancelPath = '/committees/cancel';
export const secretariatPath = '/committees/secretariat';
