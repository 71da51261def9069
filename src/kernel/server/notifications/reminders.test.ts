/**
 * Reminders and escalation with the clock injected: a recommendation due on 20 May is reminded of to
 * its department's users 7 days before (not 8), on the day, and escalated to every officer 3 days
 * after (not 2); each once, however often the command runs; another department and an answered item
 * get nothing; the settings move the moments.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  addDepartments,
  createRecommendation,
  type Headers,
} from '../../../modules/recommendations/test/factories.ts';
import { modules } from '../../../server/modules.ts';
import { createUser, signIn } from '../accounts/testing.ts';
import { createTestApp, type TestApp, testConfig } from '../testing.ts';
import type { NotificationsTables } from './notify.ts';
import { reminderSettings, reminderStage, sendReminders } from './reminders.ts';

/** 10:00 in Seoul on that day. */
const at = (date: string) => new Date(`${date}T01:00:00Z`);

describe('reminder stages', () => {
  const settings = { daysBefore: 7, escalateAfter: 3 };
  it('reads its defaults from the configuration', () => {
    assert.deepEqual(reminderSettings(testConfig()), settings);
    assert.deepEqual(
      reminderSettings(testConfig({ REMINDER_DAYS_BEFORE: '14', ESCALATION_DAYS_AFTER: '5' })),
      {
        daysBefore: 14,
        escalateAfter: 5,
      },
    );
  });

  it('names the stage of a due date on each day around it', () => {
    assert.equal(reminderStage('2026-05-20', '2026-05-12', settings), null);
    assert.equal(reminderStage('2026-05-20', '2026-05-13', settings), 'before');
    assert.equal(reminderStage('2026-05-20', '2026-05-19', settings), 'before');
    assert.equal(reminderStage('2026-05-20', '2026-05-20', settings), 'due');
    assert.equal(reminderStage('2026-05-20', '2026-05-22', settings), null);
    assert.equal(reminderStage('2026-05-20', '2026-05-23', settings), 'escalation');
    assert.equal(reminderStage('2026-05-20', '2026-06-30', settings), 'escalation');
    assert.equal(reminderStage('2026-05-20', '2026-05-18', { daysBefore: 2, escalateAfter: 1 }), 'before');
    assert.equal(reminderStage('2026-05-20', '2026-05-17', { daysBefore: 2, escalateAfter: 1 }), null);
    assert.equal(
      reminderStage('2026-05-20', '2026-05-21', { daysBefore: 2, escalateAfter: 1 }),
      'escalation',
    );
  });
});

describe('sendReminders', () => {
  let test: TestApp;
  let officer: Headers;
  const ids = { deptA: [] as string[], deptB: '', officers: [] as string[] };

  // The reminders' own notifications: recording a recommendation tells its department too, which is
  // the register's notice, not a reminder.
  const notifications = async () =>
    test.database.db
      .withTables<NotificationsTables>()
      .selectFrom('notifications_items')
      .select(['user_id', 'kind', 'title_ko', 'title_en', 'path'])
      .where('kind', 'in', ['work.reminder', 'work.escalation'])
      .orderBy('created_at')
      .orderBy('user_id')
      .execute();

  before(async () => {
    test = await createTestApp();
    await addDepartments(test.database, ['DEPT-A', 'DEPT-B']);
    const officerUser = await createUser(test.database, { role: 'officer' });
    officer = (await signIn(test.app, officerUser)).headers;
    const second = await createUser(test.database, { role: 'officer' });
    ids.officers = [officerUser.id, second.id].sort();
    for (let n = 0; n < 2; n += 1) {
      ids.deptA.push((await createUser(test.database, { role: 'department', departmentCode: 'DEPT-A' })).id);
    }
    ids.deptA.sort();
    ids.deptB = (await createUser(test.database, { role: 'department', departmentCode: 'DEPT-B' })).id;
  });
  after(() => test.close());

  it('reminds before and on the day, escalates after, and never twice', async () => {
    const record = await createRecommendation(test.app, officer, {
      departments: ['DEPT-A'],
      text: { ko: '저상버스를 늘릴 것', en: 'Add low-floor buses' },
      issuedOn: '2026-05-01',
      answerDue: '2026-05-20',
    });
    // Answered: nothing is ever sent about it.
    const answered = await createRecommendation(test.app, officer, {
      departments: ['DEPT-A'],
      text: { ko: '회신한 권고', en: 'Answered' },
      issuedOn: '2026-05-01',
      answerDue: '2026-05-20',
    });
    const answer = await test.app.inject({
      method: 'POST',
      url: `/api/v1/recommendations/${answered.id}/transitions`,
      headers: officer,
      payload: {
        action: 'answer',
        version: answered.version,
        departmentCode: 'DEPT-A',
        answer: 'accepted',
        reasons: '수용',
      },
    });
    assert.equal(answer.statusCode, 200, answer.body);
    const run = (date: string) => sendReminders(test.database.db, modules, at(date));

    assert.deepEqual(
      (await run('2026-05-12')).sent,
      { before: 0, due: 0, escalation: 0 },
      '8 days before: nothing',
    );
    assert.deepEqual(await notifications(), []);

    const first = await run('2026-05-13');
    assert.equal(first.today, '2026-05-13');
    assert.deepEqual(first.sent, { before: 2, due: 0, escalation: 0 });
    const reminders = await notifications();
    assert.deepEqual(
      reminders.map((row) => [row.user_id, row.kind, row.path]),
      ids.deptA.map((id) => [id, 'work.reminder', `/staff/recommendations/${record.id}`]),
      'each of the department’s users, and nobody else',
    );
    assert.equal(reminders[0]?.title_en, '[Due in 7 days] Answer the recommendation: Add low-floor buses');
    assert.equal(reminders[0]?.title_ko, '[7일 후 마감] 권고에 회신하기: 저상버스를 늘릴 것');

    for (const day of ['2026-05-13', '2026-05-15', '2026-05-19']) {
      assert.deepEqual((await run(day)).sent, { before: 0, due: 0, escalation: 0 }, `${day}: not again`);
    }

    assert.deepEqual((await run('2026-05-20')).sent, { before: 0, due: 2, escalation: 0 });
    assert.deepEqual((await run('2026-05-20')).sent, { before: 0, due: 0, escalation: 0 });
    const onTheDay = (await notifications()).slice(2);
    assert.deepEqual(
      onTheDay.map((row) => [row.user_id, row.title_en]),
      ids.deptA.map((id) => [id, '[Due today] Answer the recommendation: Add low-floor buses']),
    );

    assert.deepEqual(
      (await run('2026-05-22')).sent,
      { before: 0, due: 0, escalation: 0 },
      '2 days late: not yet',
    );
    assert.deepEqual((await run('2026-05-23')).sent, { before: 0, due: 0, escalation: 2 });
    const escalated = (await notifications()).slice(4);
    assert.deepEqual(
      escalated.map((row) => [row.user_id, row.kind, row.title_en]),
      ids.officers.map((id) => [
        id,
        'work.escalation',
        '[3 days overdue, DEPT-A] Answer the recommendation: Add low-floor buses',
      ]),
      'every officer: the Human Rights Office',
    );
    assert.deepEqual((await run('2026-05-24')).sent, { before: 0, due: 0, escalation: 0 });
    assert.deepEqual((await run('2026-06-30')).sent, { before: 0, due: 0, escalation: 0 });
    assert.equal((await notifications()).filter((row) => row.user_id === ids.deptB).length, 0);
  });

  it('follows the settings, and two runs at once send each reminder once', async () => {
    await createRecommendation(test.app, officer, {
      departments: ['DEPT-B'],
      text: { ko: '두 번째 권고', en: 'Second' },
      issuedOn: '2026-07-01',
      answerDue: '2026-07-10',
    });
    const before = (await notifications()).length;
    const settings = { daysBefore: 2, escalateAfter: 1 };
    assert.deepEqual(
      (await sendReminders(test.database.db, modules, at('2026-07-07'), settings)).sent.before,
      0,
    );
    const runs = await Promise.all([
      sendReminders(test.database.db, modules, at('2026-07-08'), settings),
      sendReminders(test.database.db, modules, at('2026-07-08'), settings),
    ]);
    assert.equal(runs[0].sent.before + runs[1].sent.before, 1, 'one reminder to the one user of DEPT-B');
    assert.equal(
      (await sendReminders(test.database.db, modules, at('2026-07-11'), settings)).sent.escalation,
      ids.officers.length,
    );
    const added = (await notifications()).slice(before);
    assert.deepEqual(
      added.map((row) => [row.user_id, row.kind]),
      [[ids.deptB, 'work.reminder'], ...ids.officers.map((id) => [id, 'work.escalation'])],
    );
  });
});
