/** The roles of the platform; the anonymous public has none. Shared by server and web. */
export const roles = ['admin', 'officer', 'department', 'ombudsman', 'committee', 'organisation'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
