/**
 * Mail across whole server processes: a server killed with SIGKILL while sending leaves the message
 * to be sent after restart, exactly once; two servers on one PostgreSQL send each message once; and
 * `rightscity mail test`. The servers are the real `bin/rightscity.mjs serve`, the SMTP server a
 * loopback `smtp-server` in this process.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { modules } from '../../../../server/modules.ts';
import { runCli } from '../../../../server/test-support/run-cli.ts';
import { type ServerProcess, spawnServer } from '../../../../server/test-support/spawn-server.ts';
import { createUser } from '../../accounts/testing.ts';
import { readConfig } from '../../config.ts';
import { openConfiguredDatabase } from '../../runtime.ts';
import { createServerDatabase } from '../../testing.ts';
import { notify } from '../notify.ts';
import { startTestSmtp } from './test-smtp.ts';

const secret = 'test-only-secret-0123456789abcdef0123456789';

/** The database for one test: a data directory on PGlite, a database of its own on PostgreSQL. */
async function databaseEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const server = await createServerDatabase();
    return {
      env: { DATABASE_URL: server.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'rightscity-mail-')) },
      drop: server.drop,
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'rightscity-mail-'));
  return {
    env: { DATABASE_URL: '', DATA_DIR: dataDir },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Commits `count` notifications to as many department users before any server runs. */
async function commitNotifications(env: Record<string, string>, count: number): Promise<string[]> {
  const config = readConfig({ ...env, RIGHTSCITY_SECRET: secret, LOG_LEVEL: 'silent' });
  const opened = await openConfiguredDatabase(config, modules, 'mail test setup');
  try {
    const emails: string[] = [];
    for (let n = 0; n < count; n += 1) {
      const user = await createUser(opened.database, { role: 'department', departmentCode: 'MAIL-DEPT' });
      emails.push(user.email);
    }
    await opened.database.db.transaction().execute((trx) =>
      notify(trx, {
        kind: 'recommendations.addressed',
        recipients: { departmentCode: 'MAIL-DEPT' },
        title: { ko: '권고에 답변해 주십시오', en: 'Answer the recommendation' },
        path: '/recommendations',
      }),
    );
    return emails;
  } finally {
    await opened.close();
  }
}

describe('mail across server processes', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it('sends after a restart, exactly once, a message whose server was killed (SIGKILL) while sending it', async () => {
    const smtp = await startTestSmtp();
    cleanups.push(() => smtp.close());
    const database = await databaseEnv();
    cleanups.push(database.drop);
    const [email] = await commitNotifications(database.env, 1);
    const env = {
      ...database.env,
      RIGHTSCITY_SECRET: secret,
      SMTP_URL: smtp.url,
      JOBS_TICK_SECONDS: '1',
      MAIL_LEASE_SECONDS: '16',
      MAIL_RETRY_BASE_SECONDS: '1',
    };
    const held = smtp.hold();
    const first = await spawnServer(env);
    cleanups.push(() => first.stop('SIGKILL'));
    await held; // the message is on the wire, not yet accepted
    await first.stop('SIGKILL');
    smtp.release();
    assert.equal(smtp.messages.length, 0);

    const second = await spawnServer(env);
    cleanups.push(() => second.stop());
    await smtp.waitFor(1);
    // Several more looks, past another lease: still one.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    await second.stop();
    assert.equal(smtp.messages.length, 1);
    assert.match(JSON.stringify(smtp.messages[0]?.to), new RegExp(email ?? 'none'));
  });

  it('sends each message once from two servers on one PostgreSQL', {
    skip:
      !process.env.DATABASE_URL &&
      'needs DATABASE_URL: the embedded engine has one server per data directory',
  }, async () => {
    const smtp = await startTestSmtp();
    cleanups.push(() => smtp.close());
    const database = await databaseEnv();
    cleanups.push(database.drop);
    const emails = await commitNotifications(database.env, 12);
    smtp.slow(300);
    const env = {
      ...database.env,
      RIGHTSCITY_SECRET: secret,
      SMTP_URL: smtp.url,
      JOBS_TICK_SECONDS: '1',
      JOBS_START_DELAY_SECONDS: '3',
    };
    const servers: ServerProcess[] = await Promise.all([spawnServer(env), spawnServer(env)]);
    for (const server of servers) cleanups.push(() => server.stop());
    await smtp.waitFor(emails.length);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await Promise.all(servers.map((server) => server.stop()));
    const recipients = smtp.messages.map((message) => JSON.stringify(message.to));
    assert.equal(smtp.messages.length, emails.length, recipients.join('\n'));
    for (const email of emails) assert.equal(recipients.filter((to) => to.includes(email)).length, 1, email);
    assert.equal(new Set(smtp.messages.map((message) => message.messageId)).size, emails.length);
  });

  it('`mail test ADDRESS` sends a test message, and says so when mail is off', async () => {
    const smtp = await startTestSmtp();
    cleanups.push(() => smtp.close());
    const sent = await runCli(['mail', 'test', 'someone@example.org'], {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'rights@example.org',
    });
    assert.equal(sent.code, 0, sent.output);
    assert.match(sent.stdout, /Sent a test message to someone@example\.org/);
    assert.equal(smtp.messages.length, 1);
    assert.match(smtp.messages[0]?.subject ?? '', /Mail settings test/);
    assert.equal(smtp.messages[0]?.from?.text, 'rights@example.org');

    const off = await runCli(['mail', 'test', 'someone@example.org'], {});
    assert.equal(off.code, 1);
    assert.match(off.stderr, /SMTP_URL is not set/);
  });
});
