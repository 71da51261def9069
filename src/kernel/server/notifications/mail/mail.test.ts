import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../../accounts/testing.ts';
import { addCalendarDays, clock, setClockNow } from '../../city/clock.ts';
import { createTestApp, type TestApp } from '../../testing.ts';
import { notify } from '../notify.ts';
import { deliverMail } from './outbox.ts';
import { startTestSmtp, type TestSmtp } from './test-smtp.ts';

const publicUrl = 'https://rights.example.org';

describe('mail delivery', () => {
  let test: TestApp;
  let smtp: TestSmtp;
  let restoreClock: (() => void) | undefined;
  const db = () => test.database.db;
  const deliver = () => deliverMail(db(), test.config);
  const rows = () =>
    sql<{ status: string; attempts: number; last_error: string | null; kind: string }>`
      select status, attempts, last_error, kind from notifications_mail order by created_at`
      .execute(db())
      .then((result) => result.rows);

  async function departmentUser(department: string, language: 'ko' | 'en') {
    const user = await createUser(test.database, { role: 'department', departmentCode: department });
    await sql`update accounts_users set language = ${language} where id = ${user.id}`.execute(db());
    return user;
  }

  before(async () => {
    smtp = await startTestSmtp();
    test = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'rights@example.org',
        PUBLIC_URL: `${publicUrl}/`,
        MAIL_RETRY_BASE_SECONDS: '60',
        MAIL_MAX_ATTEMPTS: '3',
        MAIL_LEASE_SECONDS: '20',
      },
    });
  });
  after(async () => {
    await test?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    await sql`delete from notifications_mail`.execute(db());
    await sql`delete from notifications_items`.execute(db());
    smtp.messages.length = 0;
    smtp.raw.length = 0;
  });
  afterEach(() => {
    restoreClock?.();
    restoreClock = undefined;
  });

  it("mails a department's users one message each, in each user's language, with the title and a link only", async () => {
    const department = `DEPT-${randomUUID().slice(0, 8)}`;
    const korean = await departmentUser(department, 'ko');
    const english = await departmentUser(department, 'en');
    const gone = await departmentUser(department, 'en');
    await sql`update accounts_users set disabled_at = now() where id = ${gone.id}`.execute(db());
    const other = await departmentUser(`${department}-OTHER`, 'ko');

    await db()
      .transaction()
      .execute((trx) =>
        notify(trx, {
          kind: 'recommendations.addressed',
          recipients: { departmentCode: department },
          title: { ko: '권고 2026-7에 답변해 주십시오', en: 'Answer recommendation 2026-7' },
          path: '/recommendations/r-7',
        }),
      );
    assert.deepEqual(await deliver(), ['sent', 'sent']);
    assert.equal(smtp.messages.length, 2);

    const to = (email: string) =>
      smtp.messages.find((message) => message.to && JSON.stringify(message.to).includes(email));
    const ko = to(korean.email);
    const en = to(english.email);
    assert.ok(ko && en, 'each department user got a message');
    assert.ok(!to(gone.email) && !to(other.email), 'nobody else did');
    assert.match(ko.subject ?? '', /권고 2026-7에 답변해 주십시오/);
    assert.match(en.subject ?? '', /Answer recommendation 2026-7/);
    assert.doesNotMatch(en.text ?? '', /권고/);
    for (const message of [ko, en]) {
      assert.match(message.text ?? '', /https:\/\/rights\.example\.org\/recommendations\/r-7/);
      assert.match(String(message.html), /href="https:\/\/rights\.example\.org\/recommendations\/r-7"/);
      assert.equal(message.from?.text, 'rights@example.org');
      assert.match(message.messageId ?? '', /^<m-.+@rightscity\./);
    }
    // Sent once: another pass finds nothing to send.
    assert.deepEqual(await deliver(), []);
    assert.deepEqual(
      (await rows()).map((row) => row.status),
      ['sent', 'sent'],
    );
  });

  it("gathers a user's day of digest notifications into one message, sent once, after the day ends", async () => {
    const user = await departmentUser(`DEPT-${randomUUID().slice(0, 8)}`, 'en');
    const today = clock().today();
    const yesterday = addCalendarDays(today, -1);
    const at = (date: string, hours: number) =>
      new Date(clock().startOfDay(date).getTime() + hours * 3_600_000);
    await sql`insert into notifications_preferences (user_id, kind, choice) values (${user.id}, 'plan.report_due', 'digest')`.execute(
      db(),
    );
    for (const [n, when] of [
      [1, at(yesterday, 1)],
      [2, at(yesterday, 12)],
      [3, at(yesterday, 23.5)],
      [4, at(today, 0.5)],
    ] as const) {
      await db()
        .transaction()
        .execute((trx) =>
          notify(trx, {
            kind: 'plan.report_due',
            recipients: { userIds: [user.id] },
            title: { ko: `보고서 ${n}`, en: `Report ${n} is due` },
            path: `/plan/reports/${n}`,
          }),
        );
      await sql`update notifications_items set created_at = ${when} where title_en = ${`Report ${n} is due`}`.execute(
        db(),
      );
    }

    restoreClock = setClockNow(at(today, 8));
    assert.deepEqual(await deliver(), ['sent'], JSON.stringify(await rows()));
    assert.equal(smtp.messages.length, 1);
    const digest = smtp.messages[0];
    assert.match(digest?.subject ?? '', new RegExp(`${yesterday}.*\\(3\\)`));
    for (const n of [1, 2, 3])
      assert.match(digest?.text ?? '', new RegExp(`Report ${n} is due\\n  ${publicUrl}/plan/reports/${n}`));
    assert.doesNotMatch(digest?.text ?? '', /Report 4/);

    assert.deepEqual(await deliver(), [], 'the day is sent once');
    restoreClock();
    restoreClock = setClockNow(at(addCalendarDays(today, 1), 8));
    assert.deepEqual(await deliver(), ['sent']);
    assert.match(smtp.messages[1]?.text ?? '', /Report 4 is due/);
    assert.equal(smtp.messages.length, 2);
  });

  async function oneNotification(title = 'Agenda published') {
    const user = await departmentUser(`DEPT-${randomUUID().slice(0, 8)}`, 'en');
    await db()
      .transaction()
      .execute((trx) =>
        notify(trx, {
          kind: 'committees.agenda',
          recipients: { userIds: [user.id] },
          title: { ko: title, en: title },
          path: '/committees',
        }),
      );
    return user;
  }

  it('retries after the SMTP server refuses a recipient (451), with a growing wait, and delivers exactly once', async () => {
    await oneNotification();
    const start = clock().now();
    restoreClock = setClockNow(start);
    smtp.refuseRecipients(2);
    assert.deepEqual(await deliver(), ['retry']);
    let [row] = await rows();
    assert.equal(row?.status, 'queued');
    assert.match(row?.last_error ?? '', /451/);
    assert.deepEqual(await deliver(), [], 'not before its wait');

    restoreClock();
    restoreClock = setClockNow(new Date(start.getTime() + 61_000));
    assert.deepEqual(await deliver(), ['retry']);
    restoreClock();
    restoreClock = setClockNow(new Date(start.getTime() + 121_000));
    assert.deepEqual(await deliver(), [], 'the second wait is twice the first');
    restoreClock();
    restoreClock = setClockNow(new Date(start.getTime() + 182_000));
    assert.deepEqual(await deliver(), ['sent']);
    [row] = await rows();
    assert.deepEqual([row?.status, row?.attempts, row?.last_error], ['sent', 3, null]);
    assert.equal(smtp.messages.length, 1);
  });

  it('retries after the connection drops in the middle of DATA and delivers exactly once', async () => {
    await oneNotification();
    const start = clock().now();
    restoreClock = setClockNow(start);
    smtp.disconnectDuringData(1);
    assert.deepEqual(await deliver(), ['retry']);
    assert.equal(smtp.messages.length, 0);
    restoreClock();
    restoreClock = setClockNow(new Date(start.getTime() + 61_000));
    assert.deepEqual(await deliver(), ['sent']);
    assert.equal(smtp.messages.length, 1);
    assert.equal(smtp.dataStarted() >= 2, true);
  });

  it('takes over a message whose sender died mid-send once its lease runs out, and not before', async () => {
    await oneNotification();
    const start = clock().now();
    restoreClock = setClockNow(start);
    // A server that claimed the message and died: the row is 'sending' under a lease.
    assert.deepEqual(
      await deliverMail(db(), { ...test.config, SMTP_URL: undefined }),
      [],
      'nothing while mail is off',
    );
    const { enqueueNotifications } = await import('./outbox.ts');
    await enqueueNotifications(db(), start);
    await sql`update notifications_mail set status = 'sending', attempts = 1, claim_token = 'dead', claimed_until = ${new Date(start.getTime() + 20_000)}`.execute(
      db(),
    );
    assert.deepEqual(await deliver(), [], 'the lease still holds');
    restoreClock();
    restoreClock = setClockNow(new Date(start.getTime() + 21_000));
    assert.deepEqual(await deliver(), ['sent']);
    assert.equal(smtp.messages.length, 1);
  });

  it('marks a message failed after MAIL_MAX_ATTEMPTS; an admin sees it with its error and retries it', async () => {
    const recipient = await oneNotification();
    const start = clock().now();
    restoreClock = setClockNow(start);
    smtp.refuseRecipients(3);
    for (const wait of [0, 61, 182]) {
      restoreClock();
      restoreClock = setClockNow(new Date(start.getTime() + wait * 1000));
      await deliver();
    }
    const [row] = await rows();
    assert.deepEqual([row?.status, row?.attempts], ['failed', 3]);

    const admin = await createUser(test.database, { role: 'admin' });
    const { headers } = await signIn(test.app, admin);
    const officer = await createUser(test.database, { role: 'officer' });
    const officerHeaders = (await signIn(test.app, officer)).headers;
    assert.equal(
      (await test.app.inject({ url: '/api/v1/notifications/outbox', headers: officerHeaders })).statusCode,
      403,
    );

    const list = await test.app.inject({ url: '/api/v1/notifications/outbox?status=failed', headers });
    assert.equal(list.statusCode, 200, list.body);
    const page = list.json() as {
      entries: { id: string; recipient: string; lastError: string; status: string }[];
      total: number;
    };
    assert.equal(page.total, 1);
    const entry = page.entries[0];
    assert.equal(entry?.recipient, recipient.email);
    assert.match(entry?.lastError ?? '', /451/);

    const bad = await test.app.inject({ url: '/api/v1/notifications/outbox?status=lost', headers });
    assert.equal(bad.statusCode, 400);
    assert.equal(
      (await test.app.inject({ method: 'POST', url: '/api/v1/notifications/outbox/nope/retry', headers }))
        .statusCode,
      404,
    );
    const retried = await test.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/outbox/${entry?.id}/retry`,
      headers,
    });
    assert.equal(retried.statusCode, 200, retried.body);
    assert.equal((retried.json() as { status: string }).status, 'queued');
    const again = await test.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/outbox/${entry?.id}/retry`,
      headers,
    });
    assert.equal(again.statusCode, 409);
    assert.equal((again.json() as { code: string }).code, 'mail_not_failed');
    const audited = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_trail where action = 'notifications.retry-mail'`.execute(db());
    assert.equal(audited.rows[0]?.n, 1);

    assert.deepEqual(await deliver(), ['sent']);
    assert.equal(smtp.messages.length, 1);
  });

  it('mails nothing of a complainant or a case: planted identity and case text appear in no message', async () => {
    const token = randomUUID().slice(0, 8);
    const planted = {
      name: `민원인${token}`,
      phone: `010-${token.replace(/\D/g, '7').slice(0, 4)}-${String(Date.now()).slice(-4)}`,
      email: `complainant-${token}@planted.example`,
      victim: `피해자${token}`,
      summary: `요약${token}`,
      description: `사건내용${token} 이 글은 메일에 나오면 안 됩니다.`,
    };
    // Everyone a case might be announced to has an address and mail on.
    for (const role of ['ombudsman', 'admin', 'officer'] as const) await createUser(test.database, { role });
    await departmentUser('MAIL-DEPT', 'ko');
    const filed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/ombudsman/complaints',
      payload: {
        complainant: { name: planted.name, phone: planted.phone, email: planted.email },
        victim: { name: planted.victim },
        onBehalf: true,
        respondent: '광주광역시 시험과',
        summary: planted.summary,
        description: planted.description,
        consent: true,
      },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const { receiptNumber } = filed.json() as { receiptNumber: string };
    // What a module writes about a case: its kind of work and its number, never its content.
    await db()
      .transaction()
      .execute((trx) =>
        notify(trx, {
          kind: 'ombudsman.case_filed',
          recipients: [{ role: 'ombudsman' }, { role: 'admin' }],
          title: { ko: `새 민원 ${receiptNumber}`, en: `New complaint ${receiptNumber}` },
          path: '/ombudsman/cases',
        }),
      );
    await deliver();
    assert.ok(smtp.messages.length >= 2, 'the case was announced by mail');
    const everything = smtp.messages
      .map((message, index) =>
        [smtp.raw[index], message.subject, message.text, message.html, JSON.stringify(message.headers)].join(
          '\n',
        ),
      )
      .join('\n');
    assert.match(everything, new RegExp(receiptNumber));
    for (const [field, value] of Object.entries(planted)) {
      assert.ok(!everything.includes(value), `${field} (${value}) appears in a message`);
    }
    for (const value of [token, planted.phone.replace(/-/g, '')])
      assert.ok(!everything.includes(value), value);
  });

  it('says once at start that mail is off when SMTP_URL is not set, and nothing when it is', async () => {
    const { notificationsModule } = await import('../module.ts');
    const lines: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => lines.push(args.join(' '));
    try {
      const kernel = {
        config: { ...test.config, SMTP_URL: undefined },
        database: test.database,
        modules: [],
      };
      await notificationsModule.onStart?.(kernel);
      await notificationsModule.onStart?.({ ...kernel, config: test.config });
    } finally {
      console.log = log;
    }
    assert.deepEqual(lines, ['Mail is off (SMTP_URL is not set): notifications are shown in the app only.']);
  });
});
