/**
 * Test helpers for every module: an account made through the real create-user command (by the
 * system), and a signed-in session made through the real login endpoint, ready to pass as headers.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../shared/roles.ts';
import type { Database } from '../db.ts';
import { createUser as createUserCommand } from './commands/create-user.ts';
import { generatePassword } from './passwords.ts';

export async function createUser(
  database: Database,
  input: {
    role: Role;
    email?: string;
    password?: string;
    displayName?: string;
    departmentCode?: string | null;
  },
): Promise<{ id: string; email: string; password: string }> {
  const email = input.email ?? `${input.role}-${randomUUID()}@test.example`;
  const password = input.password ?? generatePassword();
  const user = await createUserCommand(
    database.db,
    { userId: null },
    {
      email,
      password,
      role: input.role,
      displayName: input.displayName ?? `Test ${input.role}`,
      departmentCode: input.departmentCode ?? (input.role === 'department' ? 'TEST-DEPT' : null),
    },
  );
  return { id: user.id, email: user.email, password };
}

export async function signIn(
  app: FastifyInstance,
  credentials: { email: string; password: string; totp?: string },
  options: { remoteAddress?: string } = {},
): Promise<{ headers: { cookie: string; 'x-csrf-token': string }; user: { id: string; role: Role } }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    // Only the login fields: callers may pass what createUser returned, id and all.
    payload: {
      email: credentials.email,
      password: credentials.password,
      ...(credentials.totp ? { totp: credentials.totp } : {}),
    },
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
  if (response.statusCode !== 200) {
    throw new Error(`signIn(${credentials.email}) failed: ${response.statusCode} ${response.body}`);
  }
  const session = response.cookies.find((cookie) => cookie.name === 'rc_session');
  if (!session) throw new Error('signIn: the login response set no session cookie');
  const body = response.json() as { user: { id: string; role: Role }; csrfToken: string };
  return {
    headers: { cookie: `rc_session=${session.value}`, 'x-csrf-token': body.csrfToken },
    user: { id: body.user.id, role: body.user.role },
  };
}
