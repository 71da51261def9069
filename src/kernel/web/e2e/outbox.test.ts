// The admin's mail outbox in Chromium, by keyboard: a failed message shows its last error, is sent
// again from its row (the row goes back to the queue, said in a live region), the status filter keeps
// to the URL, and axe passes in Korean and English.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { runCommand } from '../../server/command.ts';
import { notify } from '../../server/notifications/notify.ts';
import {
  type Account,
  checkAccessibility,
  type Harness,
  signIn,
  startHarness,
  waitForHeading,
  waitForLoaded,
} from './harness.ts';
import { activate } from './keyboard.ts';

describe('the mail outbox in the browser', () => {
  let harness: Harness;
  let admin: Account;
  let recipient: Account;

  const statusOf = async () =>
    (
      await sql<{ status: string }>`select status from notifications_mail where id = 'outbox-e2e'`.execute(
        harness.database.db,
      )
    ).rows[0]?.status;

  before(async () => {
    harness = await startHarness();
    admin = await harness.createAccount('admin', '관리자');
    recipient = await harness.createAccount('officer', '박담당');
    // A message the SMTP server refused for good: the state the page exists to show.
    await runCommand(harness.database.db, { userId: null }, async ({ trx }) => {
      await notify(trx, {
        kind: 'recommendations.addressed',
        recipients: { userIds: [recipient.id] },
        title: { ko: '시험 알림', en: 'Test notice' },
        path: '/staff/recommendations',
      });
      await sql`
        insert into notifications_mail (id, kind, user_id, notification_id, status, attempts, next_attempt_at, last_error, message_id)
        select 'outbox-e2e', 'notification', user_id, id, 'failed', 8, now(), '550 5.1.1 mailbox unavailable', '<outbox-e2e@test>'
        from notifications_items where user_id = ${recipient.id}`.execute(trx);
    });
  });
  after(() => harness?.close());

  it('shows a failed message with its error and sends it again by keyboard, in both languages', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, admin, '/staff/notifications/outbox?status=failed');
    await waitForHeading(page, '메일 발송함');
    await waitForLoaded(page);
    await checkAccessibility(page, 'mail outbox (ko)');
    assert.equal(await page.getByLabel('상태').inputValue(), 'failed', 'the filter follows the URL');
    const row = page.getByRole('row', { name: /550 5\.1\.1 mailbox unavailable/ });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /실패/);

    await activate(page.getByRole('button', { name: `다시 보내기: ${recipient.email}` }));
    await page.getByRole('status').filter({ hasText: '다시 대기열에 넣었습니다' }).waitFor();
    assert.equal(await statusOf(), 'queued');
    await page.getByText('해당하는 메일이 없습니다.').waitFor();

    const english = await harness.newPage({ language: 'en' });
    await signIn(english, admin, '/staff/notifications/outbox');
    await waitForHeading(english, 'Mail outbox');
    await waitForLoaded(english);
    await english.getByRole('row', { name: new RegExp(recipient.email.replace(/[.+]/g, '\\$&')) }).waitFor();
    await checkAccessibility(english, 'mail outbox (en)');
  });

  it('is the admin’s alone', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, recipient, '/staff/notifications/outbox');
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.notEqual(await page.getByRole('heading', { level: 1 }).textContent(), 'Mail outbox');
  });
});
