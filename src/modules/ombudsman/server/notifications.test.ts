/**
 * What the ombudsman's work announces, in the same transaction as the step: a case assigned to an
 * ombudsman, an information request to a department, an appointment waiting for the standing
 * ombudsman's confirmation (in their My work meanwhile), and its confirmation (issue 18). A refused
 * step announces nothing, and no title carries the complainant or a word of the case.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from '../../../kernel/server/accounts/testing.ts';
import { notificationsDb } from '../../../kernel/server/notifications/queries.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import {
  createCase,
  createOmbudsmanMember,
  sampleComplaint,
  sessionUserOf,
  type TestMember,
} from '../test/factories.ts';
import { confirmAppointment, setMember } from './commands/members.ts';
import { transitionCase } from './commands/transition-case.ts';
import { ombudsmanWork } from './work.ts';

describe('ombudsman: notifications', () => {
  let test: TestApp;
  let standing: TestMember;
  let member: TestMember;
  let another: TestMember;
  let departmentUser: string;

  const noticesOf = async (userId: string, kind: string) =>
    notificationsDb(test.database.db)
      .selectFrom('notifications_items')
      .selectAll()
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .execute();

  /** No title names the complainant or repeats the case. */
  const assertNothingOfTheCase = (notice: { title_ko: string; title_en: string }) => {
    for (const value of [
      sampleComplaint.complainant?.name,
      sampleComplaint.respondent,
      sampleComplaint.summary,
    ]) {
      assert.ok(value && !`${notice.title_ko} ${notice.title_en}`.includes(value), value);
    }
  };

  before(async () => {
    test = await createTestApp();
    standing = await createOmbudsmanMember(test.database, { standing: true });
    member = await createOmbudsmanMember(test.database, { standing: false });
    another = await createOmbudsmanMember(test.database, { standing: false });
    departmentUser = (await createUser(test.database, { role: 'department', departmentCode: 'TEST-DEPT' }))
      .id;
  });
  after(() => test.close());

  it('tells an ombudsman a case is assigned to them, by its receipt number, and nobody on a refused step', async () => {
    const found = await createCase(test.database, test.config, standing, 'assessment');
    const assign = (userIds: string[], version: number) =>
      transitionCase(test.database.db, standing.session, null, found.id, {
        action: 'assign',
        userIds,
        version,
      });

    await assert.rejects(assign([another.id], found.version + 3), { code: 'conflict' });
    assert.equal((await noticesOf(another.id, 'ombudsman.case_assigned')).length, 0);

    const { version } = await assign([member.id], found.version);
    const [notice, ...more] = await noticesOf(member.id, 'ombudsman.case_assigned');
    assert.ok(notice);
    assert.equal(more.length, 0);
    assert.ok(notice.title_en.includes(found.receiptNumber), notice.title_en);
    assert.equal(notice.path, `/staff/ombudsman/cases/${found.id}`);
    assertNothingOfTheCase(notice);
    assert.equal((await noticesOf(standing.id, 'ombudsman.case_assigned')).length, 0, 'not the assigner');

    // Adding a second ombudsman tells the one added, not again the one already assigned.
    await assign([member.id, another.id], version);
    assert.equal((await noticesOf(member.id, 'ombudsman.case_assigned')).length, 1);
    assert.equal((await noticesOf(another.id, 'ombudsman.case_assigned')).length, 1);
  });

  it('tells a department’s users of an information request, and nobody when the step is refused', async () => {
    const found = await createCase(test.database, test.config, standing, 'investigation');
    const request = (version: number) =>
      transitionCase(test.database.db, standing.session, null, found.id, {
        action: 'request_information',
        departmentCode: 'TEST-DEPT',
        question: '해당 시설의 CCTV 설치 근거 자료를 보내 주십시오.',
        version,
      });
    await assert.rejects(request(found.version + 1), { code: 'conflict' });
    assert.equal((await noticesOf(departmentUser, 'ombudsman.information_requested')).length, 0);

    await request(found.version);
    const [notice] = await noticesOf(departmentUser, 'ombudsman.information_requested');
    assert.ok(notice);
    assert.ok(notice.title_ko.includes(found.receiptNumber));
    assert.ok(!notice.title_ko.includes('CCTV'), 'the question stays on the case');
    assertNothingOfTheCase(notice);
  });

  it('tells the standing ombudsman of an appointment to confirm (issue 18), and nobody of a refused one', async () => {
    const admin = await createUser(test.database, { role: 'admin' });
    const adminActor = { userId: admin.id };
    const appointee = await createUser(test.database, { role: 'ombudsman' });
    const notOmbudsman = await createUser(test.database, { role: 'officer' });
    const input = { standing: false, appointedOn: '2026-01-01', termEndsOn: null, expertise: 'children' };

    await assert.rejects(setMember(test.database.db, adminActor, notOmbudsman.id, input), {
      code: 'validation_failed',
    });
    assert.equal((await noticesOf(standing.id, 'ombudsman.appointment_to_confirm')).length, 0);

    await setMember(test.database.db, adminActor, appointee.id, input, sessionUserOf(admin, 'admin'));
    const [notice] = await noticesOf(standing.id, 'ombudsman.appointment_to_confirm');
    assert.ok(notice, 'the standing ombudsman in office is told');
    assert.equal(notice.path, '/staff/ombudsman/members');
    // Nobody else: not the appointee, not the admin who proposed it, not another ombudsman.
    for (const userId of [appointee.id, admin.id, member.id]) {
      assert.equal((await noticesOf(userId, 'ombudsman.appointment_to_confirm')).length, 0);
    }

    // It waits in the standing ombudsman's My work, and in nobody else's, until it is confirmed.
    const waiting = async (user: { id: string; role: 'ombudsman' | 'admin' }) =>
      (
        await ombudsmanWork(test.database.db, {
          user: { ...user, departmentCode: null },
          today: '2026-06-01',
        })
      )
        .filter((item) => item.kind === 'ombudsman.confirm_appointment')
        .map((item) => item.key);
    const key = `ombudsman:appointment:${appointee.id}:confirm`;
    assert.deepEqual(await waiting({ id: standing.id, role: 'ombudsman' }), [key]);
    assert.deepEqual(await waiting({ id: member.id, role: 'ombudsman' }), []);
    assert.deepEqual(await waiting({ id: admin.id, role: 'admin' }), [], 'a standing ombudsman is in office');

    await assert.rejects(
      confirmAppointment(test.database.db, standing.session, { userId: standing.id }, appointee.id, {
        version: 99,
      }),
      { code: 'conflict' },
    );
    assert.equal((await noticesOf(appointee.id, 'ombudsman.appointment_confirmed')).length, 0);
    await confirmAppointment(test.database.db, standing.session, { userId: standing.id }, appointee.id, {
      version: 1,
    });
    // The grant is announced to the appointee; the standing ombudsman who confirmed it needs no telling.
    assert.equal((await noticesOf(appointee.id, 'ombudsman.appointment_confirmed')).length, 1);
    assert.equal((await noticesOf(standing.id, 'ombudsman.appointment_confirmed')).length, 0);
    assert.deepEqual(await waiting({ id: standing.id, role: 'ombudsman' }), []);
  });
});
