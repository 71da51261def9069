/** The accounts API: login and session (`/auth/…`), two-step verification, and user administration. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../../shared/roles.ts';
import { requireUser } from '../access.ts';
import { callerOf, runCommand } from '../command.ts';
import { keyring } from '../crypto.ts';
import { notFound } from '../errors.ts';
import type { Kernel } from '../module.ts';
import { needsTotpEnrolment } from './authenticate.ts';
import { changePassword } from './commands/change-password.ts';
import { createUser } from './commands/create-user.ts';
import { disableTotp } from './commands/disable-totp.ts';
import { enableTotp } from './commands/enable-totp.ts';
import { resetTotp } from './commands/reset-totp.ts';
import { setUpTotp } from './commands/set-up-totp.ts';
import { updateUser } from './commands/update-user.ts';
import { logIn } from './login.ts';
import { newPasswordSchema, prepareDummyHash } from './passwords.ts';
import { authorize, userPolicy } from './policy.ts';
import { clearSessionCookie, endSession } from './sessions.ts';
import { accountsDb, presentSelf, presentUser, publicUserColumns } from './tables.ts';
import { loginPath } from './throttle.ts';

const tags = ['accounts'];
const roleSchema = z.enum(roles);
const departmentCodeSchema = z.string().trim().min(1).max(64);

const selfSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  departmentCode: z.string().nullable(),
  totpEnabled: z.boolean(),
});
const sessionSchema = z.object({
  user: selfSchema,
  csrfToken: z.string(),
  /** True while the user's role requires a second factor they have not set up: only enrolment works. */
  totpEnrolmentRequired: z.boolean(),
});
const userSchema = selfSchema.extend({
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
const userParams = z.object({ id: z.uuid() });
const admins = { roles: ['admin'] } as const;

export function accountsRoutes(root: FastifyInstance, kernel: Kernel): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  void prepareDummyHash();
  /** The signed-in user proving themselves again (password or code), throttled per session. */
  const subject = (request: FastifyRequest) => {
    const { user, actor } = callerOf(request);
    return { ...actor, sessionId: user.sessionId };
  };

  app.post(
    loginPath.replace('/api/v1', ''),
    {
      // An office behind one address logs in together; failed passwords have their own throttle.
      config: { access: 'public', csrfExempt: true, writeLimit: { factor: 10 } },
      schema: {
        tags,
        summary: 'Log in with email, password and (when enrolled) a TOTP code',
        body: z.strictObject({
          email: z.string().min(1).max(320),
          password: z.string().min(1).max(1024),
          totp: z.string().max(16).optional(),
        }),
        response: { 200: sessionSchema },
      },
    },
    (request, reply) => logIn(kernel, request, reply, request.body),
  );

  app.post(
    '/auth/logout',
    {
      // Public, so that logging out with an expired session still clears the cookie.
      config: { access: 'public', duringTotpEnrolment: true, writeLimit: { factor: 10 } },
      schema: { tags, summary: 'Log out (ends the session)', response: { 204: z.null() } },
    },
    async (request, reply) => {
      if (request.session) {
        await endSession(db, request.session.id);
        const userId = request.user?.id ?? null;
        if (userId) {
          await runCommand(db, { userId, ip: request.ip }, ({ audit }) =>
            audit({ action: 'accounts.logout', entityType: 'accounts_users', entityId: userId }),
          );
        }
      }
      clearSessionCookie(reply, request);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'authenticated', duringTotpEnrolment: true },
      schema: {
        tags,
        summary: 'The signed-in user and the CSRF token of the session',
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const user = await accountsDb(db)
        .selectFrom('accounts_users')
        .select(publicUserColumns)
        .where('id', '=', requireUser(request).id)
        .executeTakeFirstOrThrow();
      return {
        user: presentSelf(user),
        csrfToken: request.session?.csrfToken ?? '',
        totpEnrolmentRequired: needsTotpEnrolment(kernel.config, user.role, user.totp_enabled),
      };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Change one’s own password (ends one’s other sessions)',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(1024),
          newPassword: newPasswordSchema,
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changePassword(db, kernel.config, subject(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { access: 'authenticated', duringTotpEnrolment: true },
      schema: {
        tags,
        summary:
          'Start two-step enrolment with the current password: a new secret for an authenticator app (shown once)',
        body: z.strictObject({ password: z.string().min(1).max(1024) }),
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }) },
      },
    },
    (request) =>
      setUpTotp(db, kernel.config, keyring(kernel.config), subject(request), request.body.password),
  );

  app.post(
    '/auth/totp/enable',
    {
      config: { access: 'authenticated', duringTotpEnrolment: true },
      schema: {
        tags,
        summary: 'Finish two-step enrolment with a code from the app',
        body: z.strictObject({ code: z.string().regex(/^\d{6}$/) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await enableTotp(db, kernel.config, keyring(kernel.config), subject(request), request.body.code);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/totp/disable',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Turn two-step verification off (not for roles that require it)',
        body: z.strictObject({ password: z.string().min(1).max(1024) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await disableTotp(db, kernel.config, subject(request), request.body.password);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/users',
    {
      config: { access: admins },
      schema: { tags, summary: 'List accounts', response: { 200: z.object({ users: z.array(userSchema) }) } },
    },
    async (request) => {
      authorize(userPolicy.list(requireUser(request)));
      const rows = await accountsDb(db)
        .selectFrom('accounts_users')
        .select(publicUserColumns)
        .orderBy('email')
        .execute();
      return { users: rows.map(presentUser) };
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One account (admins: any; others: their own)',
        params: userParams,
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (request) => {
      authorize(userPolicy.read(requireUser(request), request.params.id));
      const row = await accountsDb(db)
        .selectFrom('accounts_users')
        .select(publicUserColumns)
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw notFound();
      return { user: presentUser(row) };
    },
  );

  app.post(
    '/users',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Create an account',
        body: z.strictObject({
          email: z.email().max(320),
          displayName: z.string().trim().min(1).max(200),
          role: roleSchema,
          departmentCode: departmentCodeSchema.nullable().optional(),
          password: newPasswordSchema,
        }),
        response: { 201: z.object({ user: userSchema }) },
      },
    },
    async (request, reply) => {
      authorize(userPolicy.create(requireUser(request)));
      const user = await createUser(db, callerOf(request).actor, request.body);
      return reply.code(201).send({ user: presentUser(user) });
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Change an account (optimistic concurrency: send the version you read)',
        params: userParams,
        body: z.strictObject({
          displayName: z.string().trim().min(1).max(200).optional(),
          role: roleSchema.optional(),
          departmentCode: departmentCodeSchema.nullable().optional(),
          disabled: z.boolean().optional(),
          version: z.number().int().positive(),
        }),
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (request) => {
      authorize(userPolicy.update(requireUser(request)));
      const user = await updateUser(db, callerOf(request).actor, request.params.id, request.body);
      return { user: presentUser(user) };
    },
  );

  app.post(
    '/users/:id/totp/reset',
    {
      config: { access: admins },
      schema: {
        tags,
        summary:
          "Reset a user's second factor (they lost it): with the admin's own password; ends the user's sessions",
        params: userParams,
        body: z.strictObject({
          password: z.string().min(1).max(1024),
          version: z.number().int().positive(),
        }),
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (request) => {
      authorize(userPolicy.update(requireUser(request)));
      const user = await resetTotp(db, kernel.config, subject(request), request.params.id, request.body);
      return { user: presentUser(user) };
    },
  );
}
