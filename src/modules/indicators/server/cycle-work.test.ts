// The work of each step of the yearly cycle through the API: targets proposed from last year and
// confirmed by the office; values entered by form with their rules; the completeness view; and who
// may do what at which step, up to a closed year that refuses every write.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { apiClient, type SessionHeaders } from '../../../kernel/server/api-testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';

type Headers = SessionHeaders;

describe('the work of the yearly cycle', () => {
  let test: TestApp;
  let officer: Headers;
  let department: Headers;
  let otherDepartment: Headers;
  let committee: Headers;

  const { call, ok } = apiClient(() => test.app);
  const move = async (action: string, year = 2024) => {
    const { cycles } = await ok(await call('GET', '/indicators/cycles', officer));
    const { version } = cycles.find((cycle: { year: number }) => cycle.year === year);
    await ok(await call('POST', `/indicators/cycles/${year}/transitions`, officer, { action, version }));
  };
  const editIndicator = async (code: string, changes: Record<string, unknown>) => {
    const { indicator } = await ok(await call('GET', `/indicators/${code}`));
    const kept = ['ohchrType', 'kind', 'status', 'task', 'unit', 'numerator', 'denominator', 'direction']
      .concat(['dataSource', 'periodicity', 'responsibleDepartment', 'baseline', 'target', 'minValue'])
      .concat(['maxValue', 'changeThresholdPercent', 'tags']);
    const body = {
      ...Object.fromEntries(kept.map((key) => [key, indicator[key]])),
      version: indicator.version,
    };
    await ok(await call('PUT', `/indicators/${code}`, officer, { ...body, ...changes }));
  };
  const entry = (value: number | null, extra: Record<string, unknown> = {}) => ({
    dimensions: {},
    value,
    comment: null,
    version: 0,
    ...extra,
  });

  before(async () => {
    test = await createTestApp();
    // The modules up to this one: the kernel's vocabularies and figures, and the catalogue.
    const upToIndicators = modules.slice(0, modules.findIndex((module) => module.name === 'indicators') + 1);
    await loadDataset({
      database: test.database,
      modules: upToIndicators,
      city: 'gwangju',
      reset: false,
      demo: false,
    });
    const user = async (role: 'officer' | 'department' | 'committee', departmentCode?: string) =>
      (
        await signIn(
          test.app,
          await createUser(test.database, { role, ...(departmentCode ? { departmentCode } : {}) }),
        )
      ).headers;
    officer = await user('officer');
    department = await user('department', 'DHRP-DHR');
    otherDepartment = await user('department', 'DHRP-M18');
    committee = await user('committee');
    await editIndicator('1-1', {
      direction: 'increase',
      responsibleDepartment: 'DHRP-DHR',
      minValue: 0,
      maxValue: 100,
    });
    const imported = await test.app.inject({
      method: 'POST',
      url: '/api/v1/indicators/1-1/observations',
      headers: { ...officer, 'content-type': 'text/csv' },
      payload: 'Year,Sex,Value\n2022,,35\n2023,,40\n2023,female,38\n',
    });
    assert.equal(imported.statusCode, 200, imported.body);
    await ok(await call('POST', '/indicators/cycles', officer, { year: 2024 }), 201);
  });
  after(() => test.close());

  describe('step 1: targets and plans', () => {
    it('proposes each target from last year’s results until the office saves one', async () => {
      const list = await ok(await call('GET', '/indicators/cycles/2024/targets', department));
      assert.equal(list.step, 'targets');
      const target = list.targets.find((row: { code: string }) => row.code === '1-1');
      assert.deepEqual(target.proposal, { target: null, plan: null, latest: { year: 2023, value: 40 } });
      assert.equal(target.saved, false);
      assert.equal(target.version, 0);
      assert.equal(target.targetValue, 40, 'pre-filled from the last value');
      assert.equal(list.targets.length, 19);
    });

    it('lets only the office confirm a target, with the version it read', async () => {
      const body = {
        version: 0,
        targetValue: 50,
        targetYear: 2026,
        plan: 'Extend the survey to all districts.',
      };
      assert.equal(
        (await call('PUT', '/indicators/cycles/2024/targets/1-1', department, body)).statusCode,
        403,
      );
      assert.equal(
        (await call('PUT', '/indicators/cycles/2024/targets/1-1', committee, body)).statusCode,
        403,
      );
      assert.equal(
        (await call('PUT', '/indicators/cycles/2024/targets/1-1', undefined, body)).statusCode,
        401,
      );
      const saved = await ok(await call('PUT', '/indicators/cycles/2024/targets/1-1', officer, body));
      assert.equal(saved.saved, true);
      assert.equal(saved.version, 1);
      assert.equal(saved.plan, 'Extend the survey to all districts.');
      const stale = await call('PUT', '/indicators/cycles/2024/targets/1-1', officer, body);
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'conflict');
      const edited = await ok(
        await call('PUT', '/indicators/cycles/2024/targets/1-1', officer, {
          ...body,
          version: 1,
          targetValue: 55,
        }),
      );
      assert.equal(edited.version, 2);
      const detail = await ok(await call('GET', '/indicators/1-1'));
      assert.deepEqual(detail.indicator.target, { year: 2026, value: 55 }, 'the indicator’s target follows');
      const empty = await call('PUT', '/indicators/cycles/2024/targets/1-1', officer, {
        ...body,
        version: 2,
        plan: ' ',
      });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json().errors[0].field, 'body.plan');
      assert.equal((await call('PUT', '/indicators/cycles/2031/targets/1-1', officer, body)).statusCode, 404);
    });

    it('proposes next year’s target from this year’s saved plan', async () => {
      await ok(await call('POST', '/indicators/cycles', officer, { year: 2025 }), 201);
      const list = await ok(await call('GET', '/indicators/cycles/2025/targets', officer));
      const target = list.targets.find((row: { code: string }) => row.code === '1-1');
      assert.deepEqual(target.proposal.target, { year: 2026, value: 55 });
      assert.equal(target.proposal.plan, 'Extend the survey to all districts.');
      assert.equal(target.plan, 'Extend the survey to all districts.');
    });
  });

  describe('step 2: values by form', () => {
    it('shows a department its indicator’s breakdowns with last year’s values, and no one else’s', async () => {
      await move('start_collection');
      const form = await ok(await call('GET', '/indicators/1-1/values/2024', department));
      assert.equal(form.writable, true);
      assert.equal(form.changeThresholdPercent, 30, 'the default threshold');
      assert.deepEqual(
        form.rows.map((row: { dimensions: object; previous: string | null; version: number }) => [
          row.dimensions,
          row.previous,
          row.version,
        ]),
        [
          [{}, '40', 0],
          [{ Sex: 'female' }, '38', 0],
        ],
      );
      assert.equal((await call('GET', '/indicators/1-1/values/2024', otherDepartment)).statusCode, 403);
      assert.equal((await call('GET', '/indicators/1-2/values/2024', department)).statusCode, 403);
      assert.equal((await call('GET', '/indicators/1-1/values/2024', committee)).statusCode, 403);
      const other = await call('PUT', '/indicators/1-1/values/2024', otherDepartment, {
        entries: [entry(41)],
      });
      assert.equal(other.statusCode, 403);
    });

    it('names each rule broken on its field, in the request’s language, and saves nothing', async () => {
      const response = await call('PUT', '/indicators/1-1/values/2024?lang=en', department, {
        entries: [
          entry(60),
          entry(null, { dimensions: { Sex: 'female' } }),
          entry(101, { dimensions: { Sex: 'male' } }),
          entry(1, { dimensions: { Sex: 'male' } }),
        ],
      });
      assert.equal(response.statusCode, 400, response.body);
      assert.deepEqual(
        response.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]),
        [
          ['body.entries.0.comment', 'change_needs_comment'],
          ['body.entries.1.value', 'required'],
          ['body.entries.2.value', 'out_of_range'],
          ['body.entries.3', 'duplicate_entry'],
        ],
      );
      assert.match(response.json().errors[0].message, /more than 30% from last year's 40/);
      const korean = await call('PUT', '/indicators/1-1/values/2024?lang=ko', department, {
        entries: [entry(60)],
      });
      assert.match(korean.json().errors[0].message, /까닭을 적어/);
      const form = await ok(await call('GET', '/indicators/1-1/values/2024', department));
      assert.equal(form.rows[0].value, null);
    });

    it('saves values with a comment for a large change, then refuses a stale version', async () => {
      const saved = await ok(
        await call('PUT', '/indicators/1-1/values/2024', department, {
          entries: [
            entry(60, { comment: 'A new survey method.' }),
            entry(39, { dimensions: { Sex: 'female' } }),
            entry(42, { dimensions: { Age: '65+' } }),
          ],
        }),
      );
      assert.deepEqual(
        saved.rows.map((row: { value: string; version: number }) => [row.value, row.version]),
        [
          ['60', 1],
          ['39', 1],
          ['42', 1],
        ],
      );
      assert.equal(saved.rows[0].comment, 'A new survey method.');
      assert.deepEqual(saved.disaggregations, ['Sex', 'Age']);
      const stale = await call('PUT', '/indicators/1-1/values/2024', department, {
        entries: [entry(61, { comment: 'x' })],
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'conflict');
      await ok(
        await call('PUT', '/indicators/1-1/values/2024', department, {
          entries: [entry(61, { comment: 'x', version: 1 })],
        }),
      );
      // Staff read the saved value on the form; the public does not see it before the year closes.
      const form = await ok(await call('GET', '/indicators/1-1/values/2024', department));
      assert.equal(
        form.rows.find((row: { dimensions: object }) => Object.keys(row.dimensions).length === 0).value,
        '61',
      );
      const observations = await ok(
        await call('GET', '/indicators/1-1/observations?fromYear=2024&dimension=Sex=&dimension=Age='),
      );
      assert.deepEqual(observations.observations, []);
    });

    it('shows each department the completeness of its own indicators, and the office all of them', async () => {
      const own = await ok(await call('GET', '/indicators/cycles/2024/completeness', department));
      assert.deepEqual(
        own.departments.map((group: { code: string; entered: number; total: number }) => [
          group.code,
          group.entered,
          group.total,
        ]),
        [['DHRP-DHR', 1, 1]],
      );
      assert.equal(own.departments[0].indicators[0].hasValue, true);
      const other = await ok(await call('GET', '/indicators/cycles/2024/completeness', otherDepartment));
      assert.deepEqual(other.departments, []);
      const all = await ok(await call('GET', '/indicators/cycles/2024/completeness', officer));
      assert.deepEqual(
        all.departments.map((group: { code: string | null; entered: number; total: number }) => [
          group.code,
          group.entered,
          group.total,
        ]),
        [
          ['DHRP-DHR', 1, 1],
          [null, 0, 18],
        ],
      );
      assert.equal((await call('GET', '/indicators/cycles/2024/completeness', committee)).statusCode, 403);
    });

    it('closes targets once collection starts, and data entry for departments once assessment starts', async () => {
      const late = await call('PUT', '/indicators/cycles/2024/targets/1-1', officer, {
        version: 2,
        targetValue: 1,
        targetYear: 2026,
        plan: 'Late.',
      });
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().code, 'indicators_step_closed');
      await move('start_assessment');
      const refused = await call('PUT', '/indicators/1-1/values/2024', department, {
        entries: [entry(62, { version: 2 })],
      });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'indicators_step_closed');
      const form = await ok(await call('GET', '/indicators/1-1/values/2024', department));
      assert.equal(form.writable, false);
      await ok(
        await call('PUT', '/indicators/1-1/values/2024', officer, {
          entries: [entry(62, { version: 2, comment: 'Checked by the office.' })],
        }),
      );
    });
  });

  describe('questionnaires of qualitative indicators', () => {
    const questions = {
      title: { ko: '인권 인식 조사', en: 'Human rights awareness survey' },
      questions: [
        { kind: 'likert', prompt: { ko: '존중받는다고 느낍니까?', en: 'Do you feel respected?' } },
        {
          kind: 'single',
          prompt: { ko: '사는 곳', en: 'Where do you live?' },
          options: [
            { ko: '동구', en: 'Dong-gu' },
            { ko: '서구', en: 'Seo-gu' },
          ],
        },
        {
          kind: 'multiple',
          prompt: { ko: '아는 제도', en: 'Which systems do you know?' },
          options: [
            { ko: '인권옴부즈맨', en: 'Ombudsman' },
            { ko: '인권교육', en: 'Education' },
          ],
        },
        { kind: 'text', prompt: { ko: '하고 싶은 말', en: 'Anything else?' } },
      ],
    };
    const path = '/indicators/cycles/2025/questionnaires/2-1';
    let token = '';
    let ids: number[] = [];
    const answer = (score: number, text = 'Thank you') => ({
      answers: [
        { question: ids[0], value: score },
        { question: ids[1], value: 0 },
        { question: ids[2], value: [0, 1] },
        { question: ids[3], value: text },
      ],
    });
    const respond = (body: unknown) =>
      call('POST', `/indicators/questionnaires/${token}/responses`, undefined, body);

    it('is written by the office for a qualitative indicator only, with one token', async () => {
      const refused = await call('PUT', path, officer, { version: 0, ...questions });
      assert.equal(refused.json().code, 'indicators_not_qualitative');
      await editIndicator('2-1', { kind: 'qualitative' });
      assert.equal((await call('PUT', path, department, { version: 0, ...questions })).statusCode, 403);
      const noOptions = await call('PUT', path, officer, {
        version: 0,
        ...questions,
        questions: [{ kind: 'single', prompt: { ko: '가', en: 'A' }, options: [{ ko: '하나', en: 'One' }] }],
      });
      assert.equal(noOptions.json().errors[0].field, 'body.questions.0.options');
      const saved = await ok(await call('PUT', path, officer, { version: 0, ...questions }));
      token = saved.token;
      ids = saved.questions.map((question: { id: number }) => question.id);
      assert.match(token, /^[A-Za-z0-9_-]{32}$/);
      assert.equal(saved.link, `/questionnaires/${token}`);
      assert.equal(saved.open, false);
      const edited = await ok(await call('PUT', path, officer, { version: 1, ...questions }));
      assert.equal(edited.token, token, 'the link stays the same');
      ids = edited.questions.map((question: { id: number }) => question.id);
      assert.equal((await call('PUT', path, officer, { version: 1, ...questions })).statusCode, 409);
    });

    it('shows a questionnaire nobody has answered as 0 answers, not "<5", and publishes nothing', async () => {
      const results = await ok(await call('GET', `/indicators/questionnaires/${token}/results`));
      assert.equal(results.responses, 0);
      assert.equal(results.suppressed, false);
      assert.equal(results.questions[0].answered, 0);
      assert.equal(results.questions[0].mean, null);
      assert.ok(results.questions[0].counts.every((count: { count: number | null }) => count.count === 0));
      const refused = await call('POST', `${path}/aggregate`, officer);
      assert.equal(refused.json().code, 'indicators_too_few_responses');
    });

    it('takes anonymous answers through its link only while the cycle collects data', async () => {
      const early = await respond(answer(4));
      assert.equal(early.json().code, 'indicators_questionnaire_closed');
      await move('start_collection', 2025);
      const shown = await ok(await call('GET', `/indicators/questionnaires/${token}`));
      assert.equal(shown.open, true);
      assert.equal(shown.questions.length, 4);
      const bad = await respond({
        answers: [
          { question: ids[0], value: 6 },
          { question: ids[1], value: 5 },
          { question: ids[2], value: [0, 0] },
          { question: 999999, value: 'x' },
        ],
      });
      assert.deepEqual(
        bad.json().errors.map((error: { field: string }) => error.field),
        ['body.answers.0.value', 'body.answers.1.value', 'body.answers.2.value', 'body.answers.3.question'],
      );
      for (const score of [5, 4, 4]) await ok(await respond(answer(score, `My name is Kim ${score}`)), 201);
      // A lone surrogate (no character) is kept as U+FFFD, as a text column would: jsonb refuses it.
      await ok(await respond(answer(3, 'My name is Kim \ud800')), 201);
      assert.equal((await call('GET', `/indicators/questionnaires/${'A'.repeat(32)}`)).statusCode, 404);
    });

    it('shows one to four answers as suppressed in public, and refuses to publish them', async () => {
      const results = await ok(await call('GET', `/indicators/questionnaires/${token}/results`));
      assert.equal(results.responses, null);
      assert.equal(results.suppressed, true);
      assert.equal(results.questions[0].mean, null);
      assert.ok(results.questions[0].counts.every((count: { count: number | null }) => count.count === null));
      const refused = await call('POST', `${path}/aggregate`, officer);
      assert.equal(refused.json().code, 'indicators_too_few_responses');
    });

    it('takes a paper response from staff, then publishes the aggregate as the year’s observations', async () => {
      assert.equal((await call('POST', `${path}/responses`, committee, answer(2))).statusCode, 403);
      assert.equal((await call('POST', `${path}/responses`, department, answer(2))).statusCode, 403);
      await ok(await call('POST', `${path}/responses`, officer, answer(4)), 201);
      const results = await ok(await call('GET', `/indicators/questionnaires/${token}/results`));
      assert.equal(results.responses, 5);
      assert.equal(results.questions[0].mean, 4);
      assert.deepEqual(
        results.questions[0].counts.map((count: { count: number | null }) => count.count),
        [0, 0, null, null, null],
        'each score given fewer than five times is suppressed too',
      );
      assert.deepEqual(results.questions[3].texts, [], 'free text never in public');
      assert.ok(!JSON.stringify(results).includes('Kim'));
      const staffView = await ok(await call('GET', path, officer));
      assert.deepEqual(
        staffView.results.questions[0].counts.map((c: { count: number }) => c.count),
        [0, 0, 1, 3, 1],
      );
      assert.equal(staffView.results.questions[3].texts.length, 5);
      assert.ok(staffView.results.questions[3].texts.includes('My name is Kim \ufffd'));
      assert.equal(
        (await call('PUT', path, officer, { version: 2, ...questions })).json().code,
        'indicators_questionnaire_answered',
      );
      assert.deepEqual(await ok(await call('POST', `${path}/aggregate`, officer)), { observations: 5 });
      // The year's observations, as staff read them (the public sees them once the year closes).
      const observations = await ok(await call('GET', '/indicators/2-1/values/2025', officer));
      assert.deepEqual(
        observations.rows.map((o: { series: string | null; dimensions: object; value: string }) => [
          o.series,
          o.dimensions,
          o.value,
        ]),
        [
          [null, {}, '4'],
          ['Q1', {}, '4'],
          ['Q2', { Answer: '동구' }, '100'],
          ['Q3', { Answer: '인권옴부즈맨' }, '100'],
          ['Q3', { Answer: '인권교육' }, '100'],
        ],
      );
    });

    it('stops taking answers when the cycle leaves data collection', async () => {
      await move('start_assessment', 2025);
      assert.equal((await respond(answer(3))).json().code, 'indicators_questionnaire_closed');
      assert.equal((await ok(await call('GET', `/indicators/questionnaires/${token}`))).open, false);
    });
  });

  describe('steps 3 to 6: assessment, report, complementation, results and closing', () => {
    const area = '/indicators/cycles/2024/assessments/1';
    const assessment = {
      version: 0,
      score: 4,
      narrative: 'Participation grew; <script>privacy</script> lags.',
    };
    let actionId = 0;

    it('lets only the office write each area’s self-assessment, with the version read', async () => {
      const areas = await ok(await call('GET', '/indicators/cycles/2024/assessments', department));
      assert.equal(areas.areas.length, 5);
      const code = areas.areas[0].areaCode;
      assert.equal(`/indicators/cycles/2024/assessments/${code}`, area, 'the first area’s code');
      assert.equal((await call('PUT', area, department, assessment)).statusCode, 403);
      assert.equal((await call('PUT', area, committee, assessment)).statusCode, 403);
      const tooHigh = await call('PUT', area, officer, { ...assessment, score: 6 });
      assert.equal(tooHigh.json().errors[0].field, 'body.score');
      const saved = await ok(await call('PUT', area, officer, assessment));
      assert.deepEqual([saved.score, saved.version], [4, 1]);
      assert.equal((await call('PUT', area, officer, assessment)).statusCode, 409);
      const early = await call('GET', '/indicators/cycles/2024/report', committee);
      assert.equal(early.json().code, 'indicators_report_not_issued');
    });

    it('generates the report from the data for the committee, who comment and edit nothing else', async () => {
      await move('issue_report');
      const report = await ok(await call('GET', '/indicators/cycles/2024/report?lang=en', committee));
      assert.equal(report.mayComment, true);
      assert.match(report.html, /<h2>1\. Participation &amp; Communication<\/h2>/);
      assert.match(report.html, /Score: 4\/5/);
      assert.ok(report.html.includes('&lt;script&gt;privacy&lt;/script&gt;'), 'the narrative is escaped');
      assert.match(
        report.html,
        /<th scope="row">1-1<\/th><td>Protection of privacy<\/td><td>55 \(by 2026\)<\/td><td>62<\/td>/,
      );
      const korean = await ok(await call('GET', '/indicators/cycles/2024/report?lang=ko', committee));
      assert.match(korean.html, /점수: 4\/5/);
      const document = await call('GET', '/indicators/cycles/2024/report.html?lang=en', committee);
      assert.equal(document.statusCode, 200);
      assert.match(document.headers['content-type'] as string, /^text\/html/);
      assert.match(
        document.body,
        /^<!doctype html>\n<html lang="en">.*<h1>Human rights indicators: assessment report 2024<\/h1>/s,
      );
      assert.equal((await call('GET', '/indicators/cycles/2024/report', department)).statusCode, 403);

      const commented = await ok(
        await call('POST', '/indicators/cycles/2024/report/comments', committee, {
          body: 'Add the district data.',
        }),
        201,
      );
      assert.deepEqual(
        commented.comments.map((c: { body: string; mine: boolean }) => [c.body, c.mine]),
        [['Add the district data.', true]],
      );
      const forOffice = await ok(await call('GET', '/indicators/cycles/2024/report', officer));
      assert.equal(forOffice.comments[0].mine, false);
      const attempts = [
        call('PUT', area, committee, { ...assessment, version: 1 }),
        call('PUT', '/indicators/1-1/values/2024', committee, { entries: [entry(1)] }),
        call('PUT', '/indicators/cycles/2024/targets/1-1', committee, {
          version: 2,
          targetValue: 1,
          targetYear: 2026,
          plan: 'x',
        }),
        call('POST', '/indicators/cycles/2024/actions', committee, {
          indicatorCode: '1-1',
          description: 'x',
          ownerDepartment: 'DHRP-DHR',
          dueDate: '2025-06-30',
        }),
        call('POST', '/indicators/cycles/2024/transitions', committee, {
          action: 'start_complementation',
          version: 1,
        }),
      ];
      for (const attempt of await Promise.all(attempts)) assert.equal(attempt.statusCode, 403, attempt.body);
    });

    it('tracks complementation actions: the office assigns them, the owner department moves their status', async () => {
      const created = await ok(
        await call('POST', '/indicators/cycles/2024/actions', officer, {
          indicatorCode: '1-1',
          description: 'Survey the privacy of older residents.',
          ownerDepartment: 'DHRP-DHR',
          dueDate: '2025-06-30',
        }),
        201,
      );
      actionId = created.id;
      assert.deepEqual([created.status, created.dueDate, created.version], ['planned', '2025-06-30', 1]);
      assert.equal(created.overdue, true, 'its due date has passed and it is not done');
      assert.equal(
        (await ok(await call('GET', '/indicators/cycles/2024/actions', department))).actions.length,
        1,
      );
      assert.equal(
        (await ok(await call('GET', '/indicators/cycles/2024/actions', otherDepartment))).actions.length,
        0,
      );
      assert.equal(
        (await ok(await call('GET', '/indicators/cycles/2024/actions', committee))).actions.length,
        1,
      );
      const report = await ok(await call('GET', '/indicators/cycles/2024/report?lang=en', committee));
      assert.match(report.html, /Survey the privacy of older residents\./);

      await move('start_complementation');
      const late = await call('POST', '/indicators/cycles/2024/report/comments', committee, {
        body: 'Late.',
      });
      assert.equal(late.json().code, 'indicators_step_closed');
      const patch = (headers: Headers, body: object) =>
        call('PATCH', `/indicators/actions/${actionId}`, headers, body);
      assert.equal((await patch(otherDepartment, { version: 1, status: 'done' })).statusCode, 403);
      assert.equal((await patch(committee, { version: 1, status: 'done' })).statusCode, 403);
      const rescheduled = await patch(department, { version: 1, status: 'done', dueDate: '2026-01-01' });
      assert.equal(rescheduled.statusCode, 400, 'its own action, but only the status is its to change');
      assert.equal(rescheduled.json().errors[0].field, 'body.dueDate');
      const moved = await ok(await patch(department, { version: 1, status: 'in_progress' }));
      assert.deepEqual([moved.status, moved.version], ['in_progress', 2]);
      assert.equal((await patch(department, { version: 1, status: 'done' })).statusCode, 409);
      const edited = await ok(
        await patch(officer, { version: 2, status: 'in_progress', dueDate: '2025-09-30' }),
      );
      assert.equal(edited.dueDate, '2025-09-30');
    });

    it('closes the year, after which every write is refused as locked', async () => {
      await move('collect_results');
      const done = await ok(
        await call('PATCH', `/indicators/actions/${actionId}`, department, { version: 3, status: 'done' }),
      );
      assert.equal(done.overdue, false, 'a done action is no longer overdue');
      await move('close');
      // Actions outlive their year until done or cancelled; this one is done, so it is finished.
      const finished = await call('PATCH', `/indicators/actions/${actionId}`, department, {
        version: 4,
        status: 'planned',
      });
      assert.equal(finished.statusCode, 409, finished.body);
      assert.equal(finished.json().code, 'indicators_action_finished');
      const refusals = await Promise.all([
        call('PUT', '/indicators/1-1/values/2024', officer, {
          entries: [entry(1, { version: 3, comment: 'x' })],
        }),
        call('PUT', area, officer, { ...assessment, version: 1 }),
        call('POST', '/indicators/cycles/2024/report/comments', committee, { body: 'After closing.' }),
        call('PUT', '/indicators/cycles/2024/targets/1-1', officer, {
          version: 2,
          targetValue: 1,
          targetYear: 2026,
          plan: 'x',
        }),
        test.app.inject({
          method: 'POST',
          url: '/api/v1/indicators/1-1/observations',
          headers: { ...officer, 'content-type': 'text/csv' },
          payload: 'Year,Value\n2024,1\n',
        }),
      ]);
      for (const refused of refusals) {
        assert.equal(refused.statusCode, 409, refused.body);
        assert.equal(refused.json().code, 'indicators_year_locked');
      }
      const report = await ok(await call('GET', '/indicators/cycles/2024/report', committee));
      assert.equal(report.mayComment, false);
      assert.equal(report.comments.length, 1, 'the comments are kept');
    });

    it('corrects a closed year by a new version with a reason, keeping the old value', async () => {
      const correction = {
        year: 2024,
        dimensions: {},
        value: 63,
        reason: 'The survey total was mistyped.',
        version: 3,
      };
      assert.equal(
        (await call('POST', '/indicators/1-1/corrections', department, correction)).statusCode,
        403,
      );
      assert.equal(
        (await call('POST', '/indicators/1-1/corrections', committee, correction)).statusCode,
        403,
      );
      const open = await call('POST', '/indicators/1-1/corrections', officer, { ...correction, year: 2025 });
      assert.equal(open.json().code, 'indicators_year_open');
      assert.equal(
        (await call('POST', '/indicators/1-1/corrections', officer, { ...correction, version: 2 }))
          .statusCode,
        409,
      );
      const corrected = await ok(await call('POST', '/indicators/1-1/corrections', officer, correction), 201);
      assert.deepEqual(
        corrected.corrections.map(
          (c: { year: number; oldValue: string; newValue: string; reason: string }) => [
            c.year,
            c.oldValue,
            c.newValue,
            c.reason,
          ],
        ),
        [[2024, '62', '63', 'The survey total was mistyped.']],
      );
      assert.deepEqual(
        (await ok(await call('GET', '/indicators/1-1/corrections'))).corrections,
        corrected.corrections,
      );
      const observations = await ok(
        await call(
          'GET',
          '/indicators/1-1/observations?fromYear=2024&toYear=2024&dimension=Sex=&dimension=Age=',
        ),
      );
      assert.deepEqual(
        observations.observations.map((o: { value: string; version: number }) => [o.value, o.version]),
        [['63', 4]],
      );
      const kept = await test.database.db
        .withTables<{
          indicators_observations: { year: number; value: string; superseded_at: Date | null };
        }>()
        .selectFrom('indicators_observations')
        .select(['value'])
        .where('year', '=', 2024)
        .where('superseded_at', 'is not', null)
        .execute();
      assert.deepEqual(
        kept.map((row) => Number(row.value)),
        [62],
        'the old value is kept',
      );
    });
  });
});
