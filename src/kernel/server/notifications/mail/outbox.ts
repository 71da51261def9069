/**
 * The mail outbox and its worker. Notifications are written by `notify` in the changing command's
 * transaction; this worker turns those with delivery 'email' (one message each) and each user's day of
 * 'digest' ones (one message) into rows of `notifications_mail`, and sends them:
 *
 *   claim (status 'sending', a lease, a token, attempts + 1; committed) → send over SMTP →
 *   mark 'sent' (only while the token is still ours), or on an error queue a retry after an
 *   exponentially growing wait, or after MAIL_MAX_ATTEMPTS mark it 'failed'.
 *
 * Claims take rows `for update skip locked`, so several servers share the outbox without sending a
 * message twice; a server killed after claiming leaves the lease to run out, and the message is
 * claimed again (by any server). Enqueueing is idempotent (unique keys), so servers may race on it.
 *
 * The one window that cannot be closed: a server that hands the message to the SMTP server and dies
 * before its "sent" commits (or whose lease runs out while the SMTP server is still accepting) has
 * sent a message the outbox does not know was sent, and it is sent again. SMTP offers no way to ask
 * whether a message arrived, so delivery is at least once; every attempt carries the same Message-ID,
 * by which a receiving server or client may recognise the repeat.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Language } from '../../../shared/language.ts';
import type { AccountsTables } from '../../accounts/tables.ts';
import { currentCity } from '../../city/city.ts';
import { cityZoneSql, clock } from '../../city/clock.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db.ts';
import type { NotificationsTables } from '../notify.ts';
import { linkOf, type RenderedMail, renderDigest, renderNotification } from './render.ts';

export const mailStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export type MailTables = {
  notifications_mail: {
    id: string;
    kind: 'notification' | 'digest';
    user_id: string;
    notification_id: string | null;
    digest_date: string | null;
    status: MailStatus;
    attempts: number;
    next_attempt_at: Date;
    claimed_until: Date | null;
    claim_token: string | null;
    last_error: string | null;
    message_id: string;
    created_at: Date;
    sent_at: Date | null;
  };
};

type Tables = AccountsTables & NotificationsTables & MailTables;
const mailDb = (db: Db): Kysely<Tables> => db.withTables<Tables>() as unknown as Kysely<Tables>;

/** The mail settings the worker needs (from `Config`). */
export type MailConfig = Pick<
  Config,
  | 'SMTP_URL'
  | 'MAIL_FROM'
  | 'MAIL_LEASE_SECONDS'
  | 'MAIL_MAX_ATTEMPTS'
  | 'MAIL_RETRY_BASE_SECONDS'
  | 'publicUrl'
  | 'city'
>;

/**
 * Notifications older than this when the worker first sees them are not mailed: turning mail on
 * (or a long outage) must not bury users under weeks of old news, which the app lists anyway.
 */
const enqueueWindow = sql`interval '3 days'`;

const messageId = (id: string) => `<${id}@${currentCity().uidHost}>`;

/** Queues one message per 'email' notification that has none yet; returns how many were queued. */
export async function enqueueNotifications(db: Db, now: Date): Promise<number> {
  const result = await mailDb(db)
    .insertInto('notifications_mail')
    .columns(['id', 'kind', 'user_id', 'notification_id', 'next_attempt_at', 'message_id'])
    .expression((eb) =>
      eb
        .selectFrom('notifications_items as item')
        .select([
          sql<string>`'m-' || item.id`.as('id'),
          sql<'notification'>`'notification'`.as('kind'),
          'item.user_id',
          'item.id',
          sql<Date>`${now}::timestamptz`.as('next_attempt_at'),
          sql<string>`'<m-' || item.id || ${`@${currentCity().uidHost}>`}`.as('message_id'),
        ])
        .where('item.delivery', '=', 'email')
        .where('item.created_at', '>', sql<Date>`now() - ${enqueueWindow}`)
        .where((inner) =>
          inner.not(
            inner.exists(
              inner
                .selectFrom('notifications_mail as mail')
                .select('mail.id')
                .whereRef('mail.notification_id', '=', 'item.id'),
            ),
          ),
        ),
    )
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Queues one message per user and city day of 'digest' notifications, for days that have ended (by
 * the kernel clock) and have none yet; the unique (user, day) key makes it once across servers.
 */
export async function enqueueDigests(db: Db, now: Date): Promise<number> {
  const today = clock().dateOf(now);
  const day = sql<string>`(item.created_at at time zone ${cityZoneSql()})::date`;
  const rows = await mailDb(db)
    .selectFrom('notifications_items as item')
    .select(['item.user_id', sql<string>`to_char(${day}, 'YYYY-MM-DD')`.as('day')])
    .where('item.delivery', '=', 'digest')
    .where('item.created_at', '>', sql<Date>`now() - ${enqueueWindow}`)
    .where(day, '<', sql<string>`${today}::date`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('notifications_mail as mail')
            .select('mail.id')
            .whereRef('mail.user_id', '=', 'item.user_id')
            .where('mail.digest_date', '=', day),
        ),
      ),
    )
    .groupBy(['item.user_id', day])
    .execute();
  let queued = 0;
  for (const row of rows) {
    const id = `d-${randomUUID()}`;
    const result = await mailDb(db)
      .insertInto('notifications_mail')
      .values({
        id,
        kind: 'digest',
        user_id: row.user_id,
        digest_date: row.day,
        next_attempt_at: now,
        message_id: messageId(id),
      } as never)
      .onConflict((conflict) => conflict.columns(['user_id', 'digest_date']).doNothing())
      .executeTakeFirst();
    queued += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return queued;
}

interface Claimed {
  id: string;
  token: string;
  attempts: number;
}

/**
 * Claims the next message due at `now` (queued and due, or 'sending' with a lease run out), or the
 * message `onlyId`; null when there is none. Committed before anything is sent.
 */
export async function claimNext(
  db: Db,
  config: MailConfig,
  now: Date,
  onlyId?: string,
): Promise<Claimed | null> {
  return mailDb(db)
    .transaction()
    .execute(async (trx) => {
      let query = trx
        .selectFrom('notifications_mail')
        .select(['id', 'attempts'])
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<=', now)]),
          ]),
        );
      if (onlyId) query = query.where('id', '=', onlyId);
      const row = await query.orderBy('next_attempt_at').limit(1).forUpdate().skipLocked().executeTakeFirst();
      if (!row) return null;
      const token = randomUUID();
      await trx
        .updateTable('notifications_mail')
        .set({
          status: 'sending',
          attempts: row.attempts + 1,
          claimed_until: new Date(now.getTime() + config.MAIL_LEASE_SECONDS * 1000),
          claim_token: token,
        })
        .where('id', '=', row.id)
        .execute();
      return { id: row.id, token, attempts: row.attempts + 1 };
    });
}

/** Why a message cannot be written at all (a recipient gone): no retry would help. */
class Undeliverable extends Error {}

/** The recipient's address and the message's words, rendered now in the recipient's language. */
async function compose(
  db: Db,
  config: MailConfig,
  id: string,
): Promise<{ to: string; messageId: string; mail: RenderedMail }> {
  const m = mailDb(db);
  const row = await m
    .selectFrom('notifications_mail as mail')
    .leftJoin('accounts_users as user', 'user.id', 'mail.user_id')
    .select([
      'mail.kind',
      'mail.notification_id',
      sql<string | null>`to_char(mail.digest_date, 'YYYY-MM-DD')`.as('digest_date'),
      'mail.user_id',
      'mail.message_id',
      'user.email',
      'user.language',
      'user.disabled_at',
    ])
    .where('mail.id', '=', id)
    .executeTakeFirstOrThrow();
  const city = config.city;
  if (!row.email || row.disabled_at) throw new Undeliverable('the recipient is no longer an active user');
  const language = (row.language ?? city.defaultLanguage) as Language;
  const title = (item: { title_ko: string; title_en: string }) =>
    language === 'ko' ? item.title_ko : item.title_en;
  if (row.kind === 'notification') {
    const item = await m
      .selectFrom('notifications_items')
      .select(['title_ko', 'title_en', 'path'])
      .where('id', '=', row.notification_id ?? '')
      .executeTakeFirstOrThrow();
    return {
      to: row.email,
      messageId: row.message_id,
      mail: renderNotification(language, city, {
        title: title(item),
        link: linkOf(config.publicUrl, item.path),
      }),
    };
  }
  const date = row.digest_date ?? '';
  const items = await m
    .selectFrom('notifications_items')
    .select(['title_ko', 'title_en', 'path'])
    .where('user_id', '=', row.user_id ?? '')
    .where('delivery', '=', 'digest')
    .where(sql<string>`to_char((created_at at time zone ${cityZoneSql()})::date, 'YYYY-MM-DD')`, '=', date)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (items.length === 0) throw new Undeliverable('the digest has no notifications left');
  return {
    to: row.email,
    messageId: row.message_id,
    mail: renderDigest(
      language,
      city,
      date,
      items.map((item) => ({ title: title(item), link: linkOf(config.publicUrl, item.path) })),
    ),
  };
}

const transports = new Map<string, Transporter>();

/** One nodemailer transport per SMTP_URL and lease, each SMTP stage bounded by a quarter of the lease. */
export function transportFor(config: MailConfig): Transporter {
  const url = config.SMTP_URL ?? '';
  const key = `${url} ${config.MAIL_LEASE_SECONDS}`;
  let transport = transports.get(key);
  if (!transport) {
    const stage = Math.floor((config.MAIL_LEASE_SECONDS * 1000) / 4);
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: stage,
      greetingTimeout: stage,
      socketTimeout: stage,
    } as Parameters<typeof nodemailer.createTransport>[0]);
    transports.set(key, transport);
  }
  return transport;
}

/** An SMTP error as an operator reads it in the outbox: the server's reply or the error, no more. */
export function describe(error: unknown): string {
  if (error instanceof Error) {
    const response = (error as { response?: unknown }).response;
    return (typeof response === 'string' && response ? response : error.message).slice(0, 500);
  }
  return String(error).slice(0, 500);
}

/** A reply that says the message will never be taken (5xx): retrying cannot help. */
const permanent = (error: unknown) => {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

export type SendOutcome = 'sent' | 'retry' | 'failed' | 'lost';

/** Sends a claimed message and records the outcome, if the claim is still ours. */
export async function sendClaimed(db: Db, config: MailConfig, claimed: Claimed): Promise<SendOutcome> {
  const m = mailDb(db);
  const mine = (query: ReturnType<typeof m.updateTable<'notifications_mail'>>) =>
    query
      .where('id', '=', claimed.id)
      .where('claim_token', '=', claimed.token)
      .where('status', '=', 'sending');
  let error: unknown;
  try {
    const { to, messageId: id, mail } = await compose(db, config, claimed.id);
    await transportFor(config).sendMail({
      from: config.MAIL_FROM,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: id,
    });
  } catch (caught) {
    error = caught;
  }
  const now = clock().now();
  if (error === undefined) {
    const done = await mine(m.updateTable('notifications_mail'))
      .set({ status: 'sent', sent_at: now, claimed_until: null, claim_token: null, last_error: null })
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1 ? 'sent' : 'lost';
  }
  const give =
    error instanceof Undeliverable || permanent(error) || claimed.attempts >= config.MAIL_MAX_ATTEMPTS;
  const wait = config.MAIL_RETRY_BASE_SECONDS * 2 ** (claimed.attempts - 1);
  const done = await mine(m.updateTable('notifications_mail'))
    .set({
      status: give ? 'failed' : 'queued',
      next_attempt_at: give ? now : new Date(now.getTime() + wait * 1000),
      claimed_until: null,
      claim_token: null,
      last_error: describe(error),
    })
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return 'lost';
  return give ? 'failed' : 'retry';
}

/**
 * One pass of the worker: queue what is new, then claim and send every message due, one at a time.
 * Returns the outcomes, for the log and the tests.
 */
export async function deliverMail(db: Db, config: MailConfig, now: Date = clock().now()) {
  const outcomes: SendOutcome[] = [];
  if (!config.SMTP_URL) return outcomes;
  await enqueueNotifications(db, now);
  await enqueueDigests(db, now);
  // Bounded, so one look cannot run forever while a flood is written; the next look goes on.
  for (let i = 0; i < 200; i += 1) {
    const claimed = await claimNext(db, config, now);
    if (!claimed) break;
    outcomes.push(await sendClaimed(db, config, claimed));
  }
  return outcomes;
}

/** Puts a failed message back in the queue with its attempts reset (an admin's retry). */
export async function retryFailed(
  db: Kysely<object>,
  id: string,
  now: Date,
): Promise<'queued' | 'not_found' | 'not_failed'> {
  const m = db.withTables<MailTables>() as unknown as Kysely<MailTables>;
  const row = await m
    .selectFrom('notifications_mail')
    .select('status')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return 'not_found';
  if (row.status !== 'failed') return 'not_failed';
  await m
    .updateTable('notifications_mail')
    .set({ status: 'queued', attempts: 0, next_attempt_at: now, last_error: null })
    .where('id', '=', id)
    .execute();
  return 'queued';
}
