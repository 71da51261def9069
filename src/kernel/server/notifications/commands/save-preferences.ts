/**
 * A user sets, for themself only, how each kind of notification reaches them and the language of
 * their mail. The body is the whole of their choices: a kind left out goes back to its default. A kind
 * no module declares is a field error, so a typing mistake is not silently kept. Audited: it decides
 * where mail about the city's work goes.
 */
import type { Language } from '../../../shared/language.ts';
import type { DeliveryChoice } from '../../../shared/work.ts';
import type { SessionUser } from '../../access.ts';
import { accountsTrx } from '../../accounts/tables.ts';
import { runCommand } from '../../command.ts';
import type { Db } from '../../db.ts';
import { AppError, type FieldError } from '../../errors.ts';
import type { NotificationKind } from '../../module.ts';
import { notificationsMessages } from '../messages.ts';
import type { NotificationsTables } from '../notify.ts';

export interface PreferencesInput {
  language: Language;
  kinds: readonly { kind: string; choice: DeliveryChoice }[];
}

export async function savePreferences(
  db: Db,
  user: Pick<SessionUser, 'id'>,
  ip: string | null,
  known: readonly NotificationKind[],
  input: PreferencesInput,
): Promise<void> {
  const knownKinds = new Set(known.map((entry) => entry.kind));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.kinds.forEach(({ kind }, index) => {
    const field = `body.kinds.${index}.kind`;
    if (!knownKinds.has(kind)) {
      errors.push({
        field,
        code: 'unknown_notification_kind',
        message: notificationsMessages.unknown_notification_kind,
      });
    } else if (seen.has(kind)) {
      errors.push({
        field,
        code: 'duplicate_notification_kind',
        message: notificationsMessages.duplicate_notification_kind,
      });
    }
    seen.add(kind);
  });
  if (errors.length > 0) throw new AppError('validation_failed', 400, { errors });

  await runCommand(db, { userId: user.id, ip }, async ({ trx, audit }) => {
    const preferences = trx.withTables<NotificationsTables>();
    const before = await preferences
      .selectFrom('notifications_preferences')
      .select(['kind', 'choice'])
      .where('user_id', '=', user.id)
      .orderBy('kind')
      .execute();
    const accounts = accountsTrx(trx);
    const { language: languageBefore } = await accounts
      .selectFrom('accounts_users')
      .select('language')
      .where('id', '=', user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await preferences.deleteFrom('notifications_preferences').where('user_id', '=', user.id).execute();
    const rows = [...input.kinds]
      .sort((a, b) => a.kind.localeCompare(b.kind))
      .map(({ kind, choice }) => ({ user_id: user.id, kind, choice }));
    if (rows.length > 0) await preferences.insertInto('notifications_preferences').values(rows).execute();
    if (languageBefore !== input.language) {
      await accounts
        .updateTable('accounts_users')
        .set({ language: input.language })
        .where('id', '=', user.id)
        .execute();
    }
    await audit({
      action: 'notifications.save-preferences',
      entityType: 'accounts_users',
      entityId: user.id,
      before: { language: languageBefore, kinds: before },
      after: { language: input.language, kinds: rows.map(({ kind, choice }) => ({ kind, choice })) },
    });
  });
}
