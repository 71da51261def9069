/**
 * The one way anything in the platform tells a user something: `notify` writes the notifications in
 * the caller's transaction (the outbox), so they exist exactly when the change they announce commits.
 * Delivery (the in-app list, immediate mail or the daily digest) follows each recipient's choice for
 * the kind, fixed here; mail is sent later by the delivery worker, never inside the transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Bilingual } from '../../shared/language.ts';
import type { Role } from '../../shared/roles.ts';
import type { DeliveryChoice } from '../../shared/work.ts';
import type { AccountsTables } from '../accounts/tables.ts';

// A type alias, not an interface: Kysely's `withTables` needs the implicit index signature.
export type NotificationsTables = {
  notifications_items: {
    id: string;
    user_id: string;
    kind: string;
    title_ko: string;
    title_en: string;
    path: string | null;
    delivery: DeliveryChoice;
    created_at: Generated<Date>;
    read_at: Date | null;
  };
  notifications_preferences: {
    user_id: string;
    kind: string;
    choice: DeliveryChoice;
  };
};

/** Who is told: named users, every active user of a department, or every active user of a role. */
export type Recipients = { userIds: readonly string[] } | { departmentCode: string } | { role: Role };

export interface NotificationInput {
  /** `<module>.<what>`, e.g. `recommendations.addressed`; users choose delivery per kind. */
  kind: string;
  recipients: Recipients | readonly Recipients[];
  /**
   * What happened, in both languages, naming the kind of work and the record's public title or
   * number only: never a complainant, victim or witness, never case content (it may be mailed).
   */
  title: Bilingual;
  /** The web app's path where the user acts on it. */
  path: string | null;
  /** Left out of the recipients: the user whose action this is (nobody needs telling what they did). */
  exceptUserId?: string | null;
}

/** How a kind reaches a user who has not chosen: immediate mail, since the point is to be told. */
export const defaultDelivery: DeliveryChoice = 'email';

type Trx = Transaction<object> | Kysely<object>;

function db(trx: Trx) {
  return trx.withTables<AccountsTables & NotificationsTables>();
}

/** Writes one notification per active recipient; returns how many were written. */
export async function notify(trx: Trx, input: NotificationInput): Promise<number> {
  const groups = (
    Array.isArray(input.recipients) ? input.recipients : [input.recipients]
  ) as readonly Recipients[];
  const userIds = new Set<string>();
  for (const group of groups) {
    let query = db(trx).selectFrom('accounts_users').select('id').where('disabled_at', 'is', null);
    if ('userIds' in group) {
      if (group.userIds.length === 0) continue;
      query = query.where('id', 'in', [...group.userIds]);
    } else if ('departmentCode' in group) {
      query = query.where('role', '=', 'department').where('department_code', '=', group.departmentCode);
    } else {
      query = query.where('role', '=', group.role);
    }
    for (const row of await query.execute()) userIds.add(row.id);
  }
  if (input.exceptUserId) userIds.delete(input.exceptUserId);
  if (userIds.size === 0) return 0;

  const chosen = new Map(
    (
      await db(trx)
        .selectFrom('notifications_preferences')
        .select(['user_id', 'choice'])
        .where('kind', '=', input.kind)
        .where('user_id', 'in', [...userIds])
        .execute()
    ).map((row) => [row.user_id, row.choice]),
  );
  await db(trx)
    .insertInto('notifications_items')
    .values(
      [...userIds].sort().map((userId) => ({
        id: randomUUID(),
        user_id: userId,
        kind: input.kind,
        title_ko: input.title.ko,
        title_en: input.title.en,
        path: input.path,
        delivery: chosen.get(userId) ?? defaultDelivery,
      })),
    )
    .execute();
  return userIds.size;
}
