/**
 * The admin's view of the mail outbox (queued, sending, sent, failed with the SMTP server's reply)
 * and the retry of a failed message. Admin only: the outbox names each recipient's address.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Bilingual } from '../../../shared/language.ts';
import {
  type OutboxEntry,
  outboxEntrySchema,
  outboxPageSchema,
  outboxQuerySchema,
} from '../../../shared/mail.ts';
import type { Access } from '../../access.ts';
import type { AccountsTables } from '../../accounts/tables.ts';
import { clock } from '../../city/clock.ts';
import { callerOf, runCommand } from '../../command.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Kernel } from '../../module.ts';
import type { NotificationsTables } from '../notify.ts';
import { type MailTables, retryFailed } from './outbox.ts';

export const mailMessages: Record<string, Bilingual> = {
  mail_not_failed: {
    ko: '실패한 메일만 다시 보낼 수 있습니다.',
    en: 'Only a failed message can be retried.',
  },
};

const adminOnly: Access = { roles: ['admin'] };
type Tables = AccountsTables & NotificationsTables & MailTables;

export function registerOutboxRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const m = () => db.withTables<Tables>() as unknown as Kysely<Tables>;

  const select = () =>
    m()
      .selectFrom('notifications_mail as mail')
      .leftJoin('accounts_users as user', 'user.id', 'mail.user_id')
      .leftJoin('notifications_items as item', 'item.id', 'mail.notification_id')
      .select([
        'mail.id',
        'mail.kind',
        'mail.status',
        'mail.attempts',
        'mail.next_attempt_at',
        'mail.last_error',
        'mail.created_at',
        'mail.sent_at',
        sql<string | null>`to_char(mail.digest_date, 'YYYY-MM-DD')`.as('digest_date'),
        'user.email',
        'item.kind as notification_kind',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
  const present = (row: Row): OutboxEntry => ({
    id: row.id,
    kind: row.kind,
    notificationKind: row.notification_kind ?? null,
    digestDate: row.digest_date ?? null,
    recipient: row.email ?? null,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'queued' ? new Date(row.next_attempt_at).toISOString() : null,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  });

  app.get(
    '/notifications/outbox',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['notifications'],
        summary:
          'The mail outbox, newest first: queued, sending, sent and failed messages with their last error',
        querystring: outboxQuerySchema,
        response: { 200: outboxPageSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { status, page, pageSize } = request.query;
      let query = select();
      let count = m()
        .selectFrom('notifications_mail as mail')
        .select((eb) => eb.fn.countAll<number>().as('n'));
      if (status) {
        query = query.where('mail.status', '=', status);
        count = count.where('mail.status', '=', status);
      }
      const rows = await query
        .orderBy('mail.created_at', 'desc')
        .orderBy('mail.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      const total = Number((await count.executeTakeFirstOrThrow()).n);
      return { entries: rows.map(present), total, page, pageSize };
    },
  );

  app.post(
    '/notifications/outbox/:id/retry',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['notifications'],
        summary: 'Queue a failed message again, its attempts reset',
        params: z.strictObject({ id: z.string().min(1).max(200) }),
        response: { 200: outboxEntrySchema },
      },
    },
    async (request) => {
      const { actor } = callerOf(request);
      const { id } = request.params;
      await runCommand(db, actor, async ({ trx, audit }) => {
        const outcome = await retryFailed(trx, id, clock().now());
        if (outcome === 'not_found') throw notFound();
        if (outcome === 'not_failed') throw new AppError('mail_not_failed', 409);
        await audit({
          action: 'notifications.retry-mail',
          entityType: 'notifications_mail',
          entityId: id,
          before: { status: 'failed' },
          after: { status: 'queued' },
        });
      });
      return present(await select().where('mail.id', '=', id).executeTakeFirstOrThrow());
    },
  );
}
