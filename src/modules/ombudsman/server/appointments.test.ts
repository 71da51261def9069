/**
 * Appointments as the gate to identities: an appointment grants nothing until a second person
 * confirms it (never the appointee, never the proposer), and nothing from the day after its term ends
 * or from the moment it is withdrawn; every step is audited and listed for the standing ombudsman's
 * review. Each capacity (case file, identity, search, attachments, oversight) is checked.
 */

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { cityToday } from '../../../kernel/server/city/clock.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { createCase, createOmbudsmanMember, type TestMember } from '../test/factories.ts';
import { setMember } from './commands/members.ts';

type Headers = Record<string, string>;

const identity = { name: '위촉시험진정인', phone: '010-5555-0101' };

/** `YYYY-MM-DD` `days` away from `date`. */
function shift(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

describe('ombudsman appointments', () => {
  let test: TestApp;
  let standing: TestMember;
  const as = {} as Record<'standing' | 'admin' | 'secondAdmin' | 'officer', Headers>;
  let caseId: string;
  let attachmentId: string;
  const today = cityToday();

  const call = (
    headers: Headers,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: Record<string, unknown>,
  ) => test.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  const member = async (userId: string) => {
    const listed = await call(as.admin, 'GET', '/ombudsman/members');
    assert.equal(listed.statusCode, 200, listed.body);
    const found = (listed.json().members as { userId: string; version: number; state: string }[]).find(
      (item) => item.userId === userId,
    );
    assert.ok(found, 'the member is listed');
    return found;
  };

  const auditActions = async (userId: string) =>
    (
      await sql<{ action: string; ip: string | null }>`
        select action, ip from audit_trail where entity_type = 'ombudsman_members' and entity_id = ${userId}
        order by id`.execute(test.database.db)
    ).rows;

  /** What the ombudsman can reach: the case with identity, search, the attachment, oversight. */
  const reach = async (headers: Headers) => {
    const file = await call(headers, 'GET', `/ombudsman/cases/${caseId}?purpose=appointment%20test`);
    const search = await call(headers, 'GET', `/ombudsman/cases?q=${encodeURIComponent('사생활')}`);
    const attachment = await call(
      headers,
      'GET',
      `/ombudsman/cases/${caseId}/attachments/${attachmentId}?purpose=appointment%20test`,
    );
    const overdue = await call(headers, 'GET', '/ombudsman/overdue');
    return {
      identity: file.statusCode === 200 && file.json().identity?.complainant?.name === identity.name,
      file: file.statusCode,
      search: search.statusCode,
      attachment: attachment.statusCode,
      overdue: overdue.statusCode,
    };
  };
  const fullReach = { identity: true, file: 200, search: 200, attachment: 200, overdue: 200 };
  const noReach = { identity: false, file: 404, search: 403, attachment: 404, overdue: 403 };

  /** A new ombudsman account and its session, appointed by nobody yet. */
  const newOmbudsman = async () => {
    const user = await createUser(test.database, { role: 'ombudsman' });
    return { id: user.id, headers: (await signIn(test.app, user)).headers as Headers };
  };

  before(async () => {
    test = await createTestApp();
    standing = await createOmbudsmanMember(test.database, { standing: true });
    as.standing = (await signIn(test.app, standing)).headers;
    as.admin = (await signIn(test.app, await createUser(test.database, { role: 'admin' }))).headers;
    as.secondAdmin = (await signIn(test.app, await createUser(test.database, { role: 'admin' }))).headers;
    as.officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    const filed = await createCase(test.database, test.config, standing, 'assessment', {
      complainant: identity,
    });
    caseId = filed.id;
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    const uploaded = await test.app.inject({
      method: 'POST',
      url: `/api/v1/ombudsman/complaints/${filed.receiptNumber}/attachments`,
      headers: { 'content-type': 'application/octet-stream', 'x-tracking-code': filed.trackingCode },
      payload: png,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    attachmentId = uploaded.json().id;
  });
  after(() => test.close());

  it('gives a standing ombudsman whose term ended in 2020 nothing', async () => {
    const old = await newOmbudsman();
    await setMember(test.database.db, { userId: null }, old.id, {
      standing: true,
      appointedOn: '2018-01-01',
      termEndsOn: '2020-12-31',
      expertise: '',
    });
    assert.equal((await member(old.id)).state, 'ended');
    assert.deepEqual(await reach(old.headers), noReach);
  });

  it('keeps access through the last day of the term and ends it the day after (Seoul calendar)', async () => {
    const ending = await newOmbudsman();
    await setMember(test.database.db, { userId: null }, ending.id, {
      standing: true,
      appointedOn: '2026-01-01',
      termEndsOn: null,
      expertise: '',
    });
    assert.deepEqual(await reach(ending.headers), fullReach, 'in force before it is ended');

    const lastDayToday = await call(as.officer, 'POST', `/ombudsman/members/${ending.id}/end`, {
      version: (await member(ending.id)).version,
      endsOn: today,
      reason: '임기 단축',
    });
    assert.equal(lastDayToday.statusCode, 200, lastDayToday.body);
    assert.equal(lastDayToday.json().state, 'in_force');
    assert.deepEqual(await reach(ending.headers), fullReach, 'today is still within the term');

    const later = await call(as.officer, 'POST', `/ombudsman/members/${ending.id}/end`, {
      version: lastDayToday.json().version,
      endsOn: shift(today, 1),
      reason: '연장 시도',
    });
    assert.equal(later.statusCode, 400, 'ending never extends a term');
    assert.equal(later.json().errors[0].field, 'body.endsOn');

    const ended = await call(as.officer, 'POST', `/ombudsman/members/${ending.id}/end`, {
      version: lastDayToday.json().version,
      endsOn: shift(today, -1),
      reason: '사임',
    });
    assert.equal(ended.statusCode, 200, ended.body);
    assert.equal(ended.json().state, 'ended');
    assert.equal(ended.json().endReason, '사임');
    assert.deepEqual(await reach(ending.headers), noReach);

    const stale = await call(as.officer, 'POST', `/ombudsman/members/${ending.id}/end`, {
      version: lastDayToday.json().version,
      endsOn: shift(today, -1),
      reason: '사임',
    });
    assert.equal(stale.statusCode, 409);

    const actions = await auditActions(ending.id);
    assert.deepEqual(
      actions.map((row) => row.action).filter((action) => action === 'ombudsman.end-appointment'),
      ['ombudsman.end-appointment', 'ombudsman.end-appointment'],
    );
    assert.ok(
      actions.every((row) => !JSON.stringify(row).includes('사임')),
      'no reason in the trail',
    );
  });

  it('ends an assigned ombudsman’s access to their case too, and refuses to assign them again', async () => {
    const caseworker = await newOmbudsman();
    await setMember(test.database.db, { userId: null }, caseworker.id, {
      standing: false,
      appointedOn: '2026-01-01',
      termEndsOn: null,
      expertise: '',
    });
    const assignedCase = await createCase(
      test.database,
      test.config,
      standing,
      'assessment',
      { complainant: identity },
      { assignedTo: [caseworker.id] },
    );
    const open = () => call(caseworker.headers, 'GET', `/ombudsman/cases/${assignedCase.id}?purpose=test`);
    assert.equal((await open()).json().identity?.complainant?.name, identity.name);
    const withdrawn = await call(as.admin, 'POST', `/ombudsman/members/${caseworker.id}/withdraw`, {
      version: (await member(caseworker.id)).version,
      reason: '이해충돌',
    });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().state, 'withdrawn');
    assert.equal((await open()).statusCode, 404);
    const search = await call(caseworker.headers, 'GET', '/ombudsman/cases');
    assert.equal(search.statusCode, 403);
    const view = await call(as.standing, 'GET', `/ombudsman/cases/${assignedCase.id}?purpose=test`);
    const assign = await call(as.standing, 'POST', `/ombudsman/cases/${assignedCase.id}/transitions`, {
      action: 'assign',
      userIds: [caseworker.id],
      version: view.json().version,
    });
    assert.equal(assign.statusCode, 400, assign.body);
    assert.deepEqual(
      (await auditActions(caseworker.id)).map((row) => row.action),
      ['ombudsman.propose-appointment', 'ombudsman.withdraw-appointment'],
    );
    const again = await call(as.admin, 'POST', `/ombudsman/members/${caseworker.id}/withdraw`, {
      version: withdrawn.json().version,
      reason: '다시',
    });
    assert.equal(again.statusCode, 409);
  });

  it('grants nothing while pending, and refuses confirmation by the appointee and by the proposer', async () => {
    const candidate = await newOmbudsman();
    const proposed = await call(as.admin, 'PUT', `/ombudsman/members/${candidate.id}`, {
      standing: true,
      appointedOn: '2026-01-01',
    });
    assert.equal(proposed.statusCode, 200, proposed.body);
    assert.equal(proposed.json().state, 'pending');
    assert.equal(proposed.json().confirmable, false, 'the proposer is not offered confirmation');
    assert.deepEqual(await reach(candidate.headers), noReach);
    const version = proposed.json().version;

    const own = await call(candidate.headers, 'POST', `/ombudsman/members/${candidate.id}/confirm`, {
      version,
    });
    assert.equal(own.statusCode, 403);
    assert.equal(own.json().code, 'ombudsman_own_appointment');
    const byProposer = await call(as.admin, 'POST', `/ombudsman/members/${candidate.id}/confirm`, {
      version,
    });
    assert.equal(byProposer.statusCode, 403);
    assert.equal(byProposer.json().code, 'ombudsman_proposer_cannot_confirm');
    const bySecondAdmin = await call(as.secondAdmin, 'POST', `/ombudsman/members/${candidate.id}/confirm`, {
      version,
    });
    assert.equal(bySecondAdmin.statusCode, 403, 'a standing ombudsman is in office: they confirm');
    assert.equal(bySecondAdmin.json().code, 'ombudsman_standing_ombudsman_confirms');
    const byOfficer = await call(as.officer, 'POST', `/ombudsman/members/${candidate.id}/confirm`, {
      version,
    });
    assert.equal(byOfficer.statusCode, 403);
    assert.equal((await member(candidate.id)).state, 'pending');
    assert.deepEqual(await reach(candidate.headers), noReach);

    const listed = await call(as.standing, 'GET', '/ombudsman/members');
    const offered = (listed.json().members as { userId: string; confirmable: boolean }[]).find(
      (item) => item.userId === candidate.id,
    );
    assert.equal(offered?.confirmable, true, 'the standing ombudsman is offered the confirmation');
    const confirmed = await call(as.standing, 'POST', `/ombudsman/members/${candidate.id}/confirm`, {
      version,
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().state, 'in_force');
    assert.deepEqual(await reach(candidate.headers), fullReach);
    const twice = await call(as.standing, 'POST', `/ombudsman/members/${candidate.id}/confirm`, {
      version: confirmed.json().version,
    });
    assert.equal(twice.statusCode, 409);

    const actions = await auditActions(candidate.id);
    assert.deepEqual(
      actions.map((row) => row.action),
      ['ombudsman.propose-appointment', 'ombudsman.confirm-appointment'],
    );
    assert.ok(
      actions.every((row) => row.ip !== null),
      'staff steps keep the address',
    );

    const grants = await call(as.standing, 'GET', '/ombudsman/grants');
    assert.equal(grants.statusCode, 200, grants.body);
    const mine = (grants.json().grants as { userId: string; action: string }[])
      .filter((grant) => grant.userId === candidate.id)
      .map((grant) => grant.action);
    assert.deepEqual(mine, ['confirmed', 'proposed']);
  });

  it('suspends an appointment changed to grant more until it is confirmed again', async () => {
    const upgraded = await newOmbudsman();
    await setMember(test.database.db, { userId: null }, upgraded.id, {
      standing: false,
      appointedOn: '2026-01-01',
      termEndsOn: '2030-12-31',
      expertise: '',
    });
    const expertise = await call(as.officer, 'PUT', `/ombudsman/members/${upgraded.id}`, {
      standing: false,
      appointedOn: '2026-01-01',
      termEndsOn: '2030-12-31',
      expertise: '아동 인권',
      version: (await member(upgraded.id)).version,
    });
    assert.equal(expertise.json().state, 'in_force', 'a change that grants no more stays in force');
    const toStanding = await call(as.officer, 'PUT', `/ombudsman/members/${upgraded.id}`, {
      standing: true,
      appointedOn: '2026-01-01',
      termEndsOn: '2030-12-31',
      version: expertise.json().version,
    });
    assert.equal(toStanding.json().state, 'pending');
    assert.equal((await call(upgraded.headers, 'GET', '/ombudsman/cases')).statusCode, 403);
  });

  it('lets a second admin confirm when no standing ombudsman is in office', async () => {
    const grants = await call(as.officer, 'GET', '/ombudsman/grants');
    assert.equal(grants.statusCode, 200, 'the office sees the grants too');
    const candidate = await newOmbudsman();
    const proposed = await call(as.admin, 'PUT', `/ombudsman/members/${candidate.id}`, {
      standing: true,
      appointedOn: '2026-01-01',
    });
    // Every standing appointment in force is withdrawn: nobody is in office.
    const listed = await call(as.admin, 'GET', '/ombudsman/members');
    for (const row of listed.json().members as {
      userId: string;
      standing: boolean;
      state: string;
      version: number;
    }[]) {
      if (!row.standing || row.state !== 'in_force') continue;
      const withdrawn = await call(as.admin, 'POST', `/ombudsman/members/${row.userId}/withdraw`, {
        version: row.version,
        reason: '시험',
      });
      assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    }
    assert.equal((await call(as.standing, 'GET', '/ombudsman/grants')).statusCode, 403);
    const byProposer = await call(as.admin, 'POST', `/ombudsman/members/${candidate.id}/confirm`, {
      version: proposed.json().version,
    });
    assert.equal(byProposer.statusCode, 403);
    const confirmed = await call(as.secondAdmin, 'POST', `/ombudsman/members/${candidate.id}/confirm`, {
      version: proposed.json().version,
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.deepEqual(await reach(candidate.headers), fullReach);
  });

  it('refuses bad input to end and withdraw with field errors, changing nothing', async () => {
    const target = await newOmbudsman();
    await setMember(test.database.db, { userId: null }, target.id, {
      standing: false,
      appointedOn: '2026-01-01',
      termEndsOn: null,
      expertise: '',
    });
    const { version } = await member(target.id);
    const noReason = await call(as.admin, 'POST', `/ombudsman/members/${target.id}/withdraw`, {
      version,
      reason: ' ',
    });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().errors[0].field, 'body.reason');
    const beforeStart = await call(as.admin, 'POST', `/ombudsman/members/${target.id}/end`, {
      version,
      endsOn: '2025-12-31',
      reason: '착오',
    });
    assert.equal(beforeStart.statusCode, 400);
    assert.equal((await member(target.id)).version, version);
  });
});
