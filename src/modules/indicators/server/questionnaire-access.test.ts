// Who may answer a questionnaire, so that answers cannot be stuffed past the "<5" suppression: an
// `invited` questionnaire takes one answer per personal single-use link (kept as a hash, used up in the
// answer's transaction, revocable, never tied to the answer nor written to the audit trail); an `open`
// one takes one answer per browser (a marker cookie) within the allowance per address.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';

type Headers = { cookie: string; 'x-csrf-token': string };
type Reply = Awaited<ReturnType<TestApp['app']['inject']>>;

describe('who may answer a questionnaire', () => {
  let test: TestApp;
  let officer: Headers;
  let department: Headers;
  /** Each call comes from its own address unless it names one: the per-address test names one. */
  let nextAddress = 1;

  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    options: { headers?: Record<string, string>; payload?: unknown; address?: string } = {},
  ) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      remoteAddress: options.address ?? `10.0.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.payload === undefined ? {} : { payload: options.payload as object }),
    });
  const ok = async (response: Reply, status = 200) => {
    assert.equal(response.statusCode, status, response.body);
    return response.json();
  };
  const refused = (response: Reply, status: number, code: string) => {
    assert.equal(response.statusCode, status, response.body);
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(response.json().code, code);
  };
  const count = async (table: string) =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(test.database.db))
        .rows[0]?.n,
    );

  const survey = (access: 'open' | 'invited') => ({
    version: 0,
    title: { ko: '인권 인식 조사', en: 'Human rights awareness survey' },
    access,
    questions: [{ kind: 'likert', prompt: { ko: '존중받는다고 느낍니까?', en: 'Do you feel respected?' } }],
  });
  const invitedPath = '/indicators/cycles/2025/questionnaires/2-1';
  const openPath = '/indicators/cycles/2025/questionnaires/2-2';
  let invitedToken = '';
  let openToken = '';
  let question = 0;
  let openQuestion = 0;
  let links: { token: string; link: string }[] = [];

  const answerInvited = (invitation: string, score = 4, lang?: 'en') =>
    call(
      'POST',
      `/indicators/questionnaires/${invitedToken}/invited-responses${lang ? `?lang=${lang}` : ''}`,
      {
        payload: { invitation, answers: [{ question, value: score }] },
      },
    );
  const invitations = async () =>
    (await ok(await call('GET', invitedPath, { headers: officer }))).invitations;

  before(async () => {
    // A low allowance per address, so that the test of it is quick; every other call has its own address.
    test = await createTestApp({ env: { RATE_LIMIT_PER_ADDRESS: '3' } });
    const upToIndicators = modules.slice(0, modules.findIndex((module) => module.name === 'indicators') + 1);
    await loadDataset({
      database: test.database,
      modules: upToIndicators,
      city: 'gwangju',
      reset: false,
      demo: false,
    });
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    department = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'DHRP-DHR' }),
      )
    ).headers;
    for (const code of ['2-1', '2-2']) {
      const { indicator } = await ok(await call('GET', `/indicators/${code}`));
      const kept = ['ohchrType', 'status', 'task', 'unit', 'numerator', 'denominator', 'direction']
        .concat(['dataSource', 'periodicity', 'responsibleDepartment', 'baseline', 'target', 'minValue'])
        .concat(['maxValue', 'changeThresholdPercent', 'tags']);
      const body = Object.fromEntries(kept.map((key) => [key, indicator[key]]));
      await ok(
        await call('PUT', `/indicators/${code}`, {
          headers: officer,
          payload: { ...body, kind: 'qualitative', version: indicator.version },
        }),
      );
    }
    await ok(await call('POST', '/indicators/cycles', { headers: officer, payload: { year: 2025 } }), 201);
  });
  after(() => test.close());

  it('lets the office choose who may answer, open by default', async () => {
    const { access: _, ...withoutAccess } = survey('open');
    const open = await ok(await call('PUT', openPath, { headers: officer, payload: withoutAccess }));
    assert.equal(open.access, 'open');
    openToken = open.token;
    openQuestion = open.questions[0].id;
    const invalid = await call('PUT', invitedPath, {
      headers: officer,
      payload: { ...survey('open'), access: 'all' },
    });
    assert.equal(invalid.json().errors[0].field, 'body.access');
    const created = await ok(await call('PUT', invitedPath, { headers: officer, payload: survey('open') }));
    const invited = await ok(
      await call('PUT', invitedPath, {
        headers: officer,
        payload: { ...survey('invited'), version: created.version },
      }),
    );
    assert.equal(invited.access, 'invited');
    assert.deepEqual(invited.invitations, { issued: 0, used: 0, unused: 0, revoked: 0 });
    invitedToken = invited.token;
    question = invited.questions[0].id;
    const shown = await ok(await call('GET', `/indicators/questionnaires/${invitedToken}`));
    assert.equal(shown.access, 'invited');
  });

  it('issues personal links to the office only, for an invited questionnaire only, kept as hashes', async () => {
    const issue = (path: string, headers: Headers | undefined, payload: unknown) =>
      call('POST', `${path}/invitations`, { ...(headers ? { headers } : {}), payload });
    assert.equal((await issue(invitedPath, undefined, { count: 2 })).statusCode, 401);
    assert.equal((await issue(invitedPath, department, { count: 2 })).statusCode, 403);
    refused(await issue(openPath, officer, { count: 2 }), 409, 'indicators_questionnaire_not_invited');
    for (const count of [0, 1001, 2.5]) {
      const bad = await issue(invitedPath, officer, { count });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'body.count');
    }
    assert.equal(await count('indicators_invitations'), 0, 'a refused issue stores nothing');

    const issued = await ok(await issue(invitedPath, officer, { count: 6 }), 201);
    links = issued.links;
    assert.equal(links.length, 6);
    assert.equal(new Set(links.map((link) => link.token)).size, 6);
    for (const { token, link } of links) {
      // 32 base64url characters: 192 random bits.
      assert.match(token, /^[A-Za-z0-9_-]{32}$/);
      assert.equal(link, `/questionnaires/${invitedToken}?invitation=${token}`);
    }
    const stored = await sql<
      Record<string, unknown>
    >`select * from indicators_invitations order by id`.execute(test.database.db);
    const hashes = links.map(({ token }) => createHash('sha256').update(token).digest('hex'));
    assert.deepEqual(
      stored.rows.map((row) => row.token_hash),
      hashes,
    );
    assert.ok(!JSON.stringify(stored.rows).includes(links[0]?.token ?? '-'), 'no token is stored');
    assert.deepEqual(await invitations(), { issued: 6, used: 0, unused: 6, revoked: 0 });
  });

  it('takes an answer to an invited questionnaire only with an unused personal link', async () => {
    const { cycles } = await ok(await call('GET', '/indicators/cycles', { headers: officer }));
    const { version } = cycles.find((cycle: { year: number }) => cycle.year === 2025);
    const transition = { action: 'start_collection', version };
    await ok(
      await call('POST', '/indicators/cycles/2025/transitions', { headers: officer, payload: transition }),
    );
    const before = await count('indicators_responses');
    const [first, second] = links;
    assert.ok(first && second);
    refused(
      await call('POST', `/indicators/questionnaires/${invitedToken}/responses`, {
        payload: { answers: [{ question, value: 4 }] },
      }),
      403,
      'indicators_invitation_required',
    );
    refused(await answerInvited('A'.repeat(32)), 404, 'indicators_invitation_unknown');
    const malformed = await answerInvited('short');
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().errors[0].field, 'body.invitation');
    // A bad answer leaves the link unused.
    const badAnswer = await answerInvited(first.token, 9);
    assert.equal(badAnswer.json().errors[0].field, 'body.answers.0.value');
    assert.equal(await count('indicators_responses'), before, 'nothing stored on refusal');
    assert.equal((await invitations()).used, 0);

    await ok(await answerInvited(first.token), 201);
    assert.equal(await count('indicators_responses'), before + 1);
    assert.deepEqual(await invitations(), { issued: 6, used: 1, unused: 5, revoked: 0 });

    const again = await answerInvited(first.token, 5);
    refused(again, 409, 'indicators_invitation_used');
    assert.match(again.json().title, /이미 사용/);
    assert.match((await answerInvited(first.token, 5, 'en')).json().title, /already been used/);
    assert.equal(await count('indicators_responses'), before + 1, 'a used link stores nothing');
  });

  it('lets exactly one of two simultaneous answers with one link win', async () => {
    const before = await count('indicators_responses');
    const token = links[1]?.token ?? '';
    const replies = await Promise.all([
      answerInvited(token, 1),
      answerInvited(token, 2),
      answerInvited(token, 3),
    ]);
    const statuses = replies.map((reply) => reply.statusCode).sort();
    assert.deepEqual(statuses, [201, 409, 409]);
    for (const reply of replies.filter((r) => r.statusCode === 409)) {
      assert.equal(reply.json().code, 'indicators_invitation_used');
    }
    assert.equal(await count('indicators_responses'), before + 1);
    assert.equal(await count('indicators_answers'), before + 1);
    assert.deepEqual(await invitations(), { issued: 6, used: 2, unused: 4, revoked: 0 });
  });

  it('keeps no tie between a link and its answer, and no token in the audit trail', async () => {
    const columns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_name = 'indicators_invitations' order by ordinal_position`.execute(test.database.db);
    // Whether it was used, never when nor which response: a time of use could be matched to a response.
    assert.deepEqual(
      columns.rows.map((row) => row.column_name),
      ['id', 'questionnaire_id', 'token_hash', 'state', 'issued_by', 'issued_at'],
    );
    const responseColumns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_name = 'indicators_responses' order by ordinal_position`.execute(test.database.db);
    assert.deepEqual(
      responseColumns.rows.map((row) => row.column_name),
      ['id', 'questionnaire_id', 'source', 'created_at'],
    );
    const audit = await sql<Record<string, unknown>>`select * from audit_trail order by id`.execute(
      test.database.db,
    );
    const text = JSON.stringify(audit.rows);
    for (const { token } of links) {
      assert.ok(!text.includes(token), 'no token in the audit trail');
      assert.ok(!text.includes(createHash('sha256').update(token).digest('hex')), 'nor its hash');
    }
    const issued = audit.rows.find((row) => row.action === 'indicators.issue-invitations');
    assert.deepEqual(issued?.after, { issued: 6 });
    const answered = audit.rows.filter(
      (row) => row.action === 'indicators.record-response' && row.entity_id !== undefined,
    );
    assert.ok(answered.length >= 2);
    for (const row of answered) assert.equal(row.actor_id, null);
  });

  it('lets the office revoke unused links, one or all, and a revoked link takes no answer', async () => {
    const revoke = (invitation: string | null, headers: Headers = officer) =>
      call('POST', `${invitedPath}/invitations/revoke`, { headers, payload: { invitation } });
    const [used, , third, fourth] = links;
    assert.ok(used && third && fourth);
    assert.equal((await revoke(null, department)).statusCode, 403);
    refused(await revoke(used.token), 409, 'indicators_invitation_used');
    refused(await revoke('B'.repeat(32)), 404, 'indicators_invitation_unknown');
    assert.equal((await revoke('not a link')).json().errors[0].field, 'body.invitation');
    // The whole link, as the office has it in its list.
    assert.deepEqual(await ok(await revoke(`https://city.example${third.link}`)), { revoked: 1 });
    refused(await revoke(third.token), 409, 'indicators_invitation_revoked');
    assert.deepEqual(await invitations(), { issued: 6, used: 2, unused: 3, revoked: 1 });

    const before = await count('indicators_responses');
    const refusal = await answerInvited(third.token);
    refused(refusal, 409, 'indicators_invitation_revoked');
    assert.match(refusal.json().title, /취소/);
    assert.equal(await count('indicators_responses'), before);

    assert.deepEqual(await ok(await revoke(null)), { revoked: 3 });
    refused(await answerInvited(fourth.token), 409, 'indicators_invitation_revoked');
    assert.deepEqual(await invitations(), { issued: 6, used: 2, unused: 0, revoked: 4 });
    const audit = await sql<{ after: unknown }>`
      select after from audit_trail where action = 'indicators.revoke-invitations' order by id`.execute(
      test.database.db,
    );
    assert.deepEqual(
      audit.rows.map((row) => row.after),
      [
        { revoked: 1, all: false },
        { revoked: 3, all: true },
      ],
    );
  });

  it('takes one answer per browser to an open questionnaire, and no personal link', async () => {
    const path = `/indicators/questionnaires/${openToken}`;
    const body = { answers: [{ question: openQuestion, value: 3 }] };
    refused(
      await call('POST', `${path}/invited-responses`, { payload: { invitation: 'C'.repeat(32), ...body } }),
      409,
      'indicators_questionnaire_not_invited',
    );
    const before = await count('indicators_responses');
    const first = await call('POST', `${path}/responses`, { payload: body });
    assert.equal(first.statusCode, 201, first.body);
    const marker = first.cookies.find((cookie) => cookie.name === 'rc_answered');
    assert.ok(marker, 'the browser is marked as having answered');
    assert.equal(marker.path, `/api/v1${path}`, 'for this questionnaire only');
    assert.equal(marker.httpOnly, true);
    assert.equal(marker.sameSite, 'Strict');
    const browser = first.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    assert.equal(
      (await ok(await call('GET', path, { headers: { cookie: browser } }))).answered,
      true,
      'the page can say so before the form is filled in',
    );
    assert.equal((await ok(await call('GET', path))).answered, false);

    const second = await call('POST', `${path}/responses`, {
      headers: { cookie: 'rc_answered=1' },
      payload: body,
    });
    refused(second, 409, 'indicators_questionnaire_already_answered');
    assert.match(second.json().title, /이미 이 설문에 응답/);
    const english = await call('POST', `${path}/responses?lang=en`, {
      headers: { cookie: 'rc_answered=1' },
      payload: body,
    });
    assert.match(english.json().title, /already answered this questionnaire/);
    assert.equal(await count('indicators_responses'), before + 1, 'a second answer stores nothing');
  });

  it('holds the allowance per address for an open questionnaire', async () => {
    const path = `/indicators/questionnaires/${openToken}/responses`;
    const body = { answers: [{ question: openQuestion, value: 2 }] };
    const before = await count('indicators_responses');
    // Three browsers behind one address (no cookies: each a new browser) answer; the fourth is refused.
    for (let n = 0; n < 3; n++)
      await ok(await call('POST', path, { payload: body, address: '192.0.2.7' }), 201);
    const over = await call('POST', path, { payload: body, address: '192.0.2.7' });
    refused(over, 429, 'rate_limited');
    assert.ok(Number(over.headers['retry-after']) > 0);
    assert.equal(await count('indicators_responses'), before + 3, 'nothing stored over the allowance');
    await ok(await call('POST', path, { payload: body, address: '192.0.2.8' }), 201);
  });
});
