// A whole year through the API, for what continues and what is kept: who saved each target and
// self-assessment and when; the list of what is still empty before each move on; the office's answers
// to the committee's comments; actions that take notes, are cancelled with a reason and go on after
// the year closes; step 6, the collection of results; and a closed year that every staff read still
// opens while every edit of it is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { apiClient, type SessionHeaders } from '../../../kernel/server/api-testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';

type Headers = SessionHeaders;
type Gap = { kind: string; missing: number; total: number; items: string[] };

describe('a year of the cycle kept whole, and what continues after it closes', () => {
  let test: TestApp;
  let officer: Headers;
  let department: Headers;
  let committee: Headers;
  let indicatorCount = 0;
  let commentId = 0;
  const actionIds: Record<'kept' | 'cancelled' | 'done', number> = { kept: 0, cancelled: 0, done: 0 };

  const { call, ok, refused } = apiClient(() => test.app);
  const move = async (action: string) => {
    const { cycles } = await ok(await call('GET', '/indicators/cycles', officer));
    const { version } = cycles.find((cycle: { year: number }) => cycle.year === 2024);
    await ok(await call('POST', '/indicators/cycles/2024/transitions', officer, { action, version }));
  };
  const gaps = async (): Promise<Map<string, Gap>> => {
    const body = await ok(await call('GET', '/indicators/cycles/2024/gaps', officer));
    return new Map(body.gaps.map((gap: Gap) => [gap.kind, gap]));
  };
  const action = async (id: number) => {
    const { actions } = await ok(await call('GET', '/indicators/cycles/2024/actions', officer));
    return actions.find((entry: { id: number }) => entry.id === id);
  };
  const auditActions = async (entityType: string) =>
    (
      await sql<{
        action: string;
      }>`select action from audit_trail where entity_type = ${entityType} order by id`.execute(
        test.database.db,
      )
    ).rows.map((row) => row.action);

  before(async () => {
    test = await createTestApp();
    const upToIndicators = modules.slice(0, modules.findIndex((module) => module.name === 'indicators') + 1);
    await loadDataset({
      database: test.database,
      modules: upToIndicators,
      city: 'gwangju',
      reset: false,
      demo: false,
    });
    const user = async (
      role: 'officer' | 'department' | 'committee',
      displayName: string,
      departmentCode?: string,
    ) =>
      (
        await signIn(
          test.app,
          await createUser(test.database, {
            role,
            displayName,
            ...(departmentCode ? { departmentCode } : {}),
          }),
        )
      ).headers;
    officer = await user('officer', 'Officer Kim');
    department = await user('department', 'Clerk Lee', 'DHRP-DHR');
    committee = await user('committee', 'Member Park');
    const { areas } = await ok(await call('GET', '/indicators'));
    indicatorCount = areas.reduce(
      (sum: number, area: { indicators: unknown[] }) => sum + area.indicators.length,
      0,
    );
    await ok(await call('POST', '/indicators/cycles', officer, { year: 2024 }), 201);
  });
  after(() => test.close());

  it('lists what the targets step lacks, and keeps who saved a target and when', async () => {
    assert.deepEqual((await gaps()).get('targets_missing')?.missing, indicatorCount);
    const saved = await ok(
      await call('PUT', '/indicators/cycles/2024/targets/1-1', officer, {
        version: 0,
        targetValue: 50,
        targetYear: 2026,
        plan: 'Survey every district.',
      }),
    );
    assert.equal(saved.savedBy, 'Officer Kim');
    assert.ok(saved.savedAt);
    const { targets } = await ok(await call('GET', '/indicators/cycles/2024/targets', officer));
    const read = targets.find((target: { code: string }) => target.code === '1-1');
    assert.deepEqual(
      [read.targetValue, read.targetYear, read.plan, read.savedBy],
      [50, 2026, 'Survey every district.', 'Officer Kim'],
    );
    const gap = (await gaps()).get('targets_missing');
    assert.deepEqual(
      [gap?.missing, gap?.total, gap?.items.includes('1-1')],
      [indicatorCount - 1, indicatorCount, false],
    );
    // Only the office asks: the list is for confirming a move, which is the office's.
    assert.equal((await call('GET', '/indicators/cycles/2024/gaps', department)).statusCode, 403);
    assert.equal((await call('GET', '/indicators/cycles/2024/gaps')).statusCode, 401);
  });

  it('lists the indicators without a value and the questionnaires open while data is collected', async () => {
    await move('start_collection');
    let found = await gaps();
    assert.equal(found.get('values_missing')?.missing, indicatorCount);
    assert.equal(found.get('values_missing')?.total, indicatorCount);
    await ok(
      await call('PUT', '/indicators/1-1/values/2024', officer, {
        entries: [{ dimensions: {}, value: 60, comment: 'First year.', version: 0 }],
      }),
    );
    const entered = (await ok(await call('GET', '/indicators/1-1/values/2024', officer))).rows[0];
    assert.deepEqual(
      [entered.value, entered.comment, entered.savedBy, typeof entered.savedAt],
      ['60', 'First year.', 'Officer Kim', 'string'],
      'the form says who entered the value and when',
    );
    found = await gaps();
    assert.equal(found.get('values_missing')?.missing, indicatorCount - 1);
    assert.ok(!found.get('values_missing')?.items.includes('1-1'));
    // 2-1 becomes qualitative: it lacks a questionnaire, then has one open, not yet turned into data.
    const { indicator } = await ok(await call('GET', '/indicators/2-1'));
    const kept = ['ohchrType', 'status', 'task', 'unit', 'numerator', 'denominator', 'dataSource']
      .concat(['periodicity', 'responsibleDepartment', 'baseline', 'target', 'minValue', 'maxValue'])
      .concat(['changeThresholdPercent', 'tags']);
    await ok(
      await call('PUT', '/indicators/2-1', officer, {
        ...Object.fromEntries(kept.map((key) => [key, indicator[key]])),
        version: indicator.version,
        kind: 'qualitative',
        direction: null,
      }),
    );
    assert.deepEqual((await gaps()).get('questionnaires_missing')?.items, ['2-1']);
    await ok(
      await call('PUT', '/indicators/cycles/2024/questionnaires/2-1', officer, {
        version: 0,
        title: { ko: '설문', en: 'Survey' },
        questions: [{ kind: 'likert', prompt: { ko: '만족합니까?', en: 'Satisfied?' } }],
      }),
    );
    found = await gaps();
    assert.equal(found.get('questionnaires_missing'), undefined);
    assert.deepEqual(found.get('questionnaires_open')?.items, ['2-1']);
    assert.deepEqual(found.get('questionnaires_not_aggregated')?.items, ['2-1']);
  });

  it('keeps who wrote each self-assessment, and lists the areas not yet assessed', async () => {
    await move('start_assessment');
    let found = await gaps();
    assert.equal(found.get('questionnaires_open'), undefined, 'answers are no longer taken');
    assert.equal(found.get('assessments_missing')?.missing, 5);
    const saved = await ok(
      await call('PUT', '/indicators/cycles/2024/assessments/1', officer, {
        version: 0,
        score: 3,
        narrative: 'Privacy improved.',
      }),
    );
    assert.deepEqual([saved.savedBy, typeof saved.savedAt], ['Officer Kim', 'string']);
    found = await gaps();
    assert.deepEqual(
      [found.get('assessments_missing')?.missing, found.get('assessments_missing')?.total],
      [4, 5],
    );
  });

  it('lets the office answer the committee’s comments, kept with who and when, and audited', async () => {
    await move('issue_report');
    const commented = await ok(
      await call('POST', '/indicators/cycles/2024/report/comments', committee, {
        body: 'Publish by district.',
      }),
      201,
    );
    commentId = commented.comments[0].id;
    assert.deepEqual(commented.comments[0].answers, []);
    assert.equal(commented.mayAnswer, false, 'the committee comments, the office answers');
    assert.deepEqual((await gaps()).get('comments_unanswered')?.items, [String(commentId)]);

    const url = `/indicators/cycles/2024/report/comments/${commentId}/answers`;
    assert.equal((await call('POST', url, committee, { answer: 'Not mine to answer.' })).statusCode, 403);
    await refused(await call('POST', url, officer, { answer: '' }), 400, 'validation_failed');
    await refused(
      await call('POST', url, officer, { answer: 'Yes.', author: 'x' }),
      400,
      'validation_failed',
    );
    assert.equal(
      (
        await call('POST', `/indicators/cycles/2024/report/comments/${commentId + 99}/answers`, officer, {
          answer: 'x',
        })
      ).statusCode,
      404,
    );
    const answered = await ok(await call('POST', url, officer, { answer: 'We will, from next year.' }), 201);
    const [answer] = answered.comments[0].answers;
    assert.deepEqual([answer.body, answer.author], ['We will, from next year.', 'Officer Kim']);
    assert.ok(answer.createdAt);
    const read = await ok(await call('GET', '/indicators/cycles/2024/report', committee));
    assert.equal(
      read.comments[0].answers[0].body,
      'We will, from next year.',
      'the committee reads the answer',
    );
    assert.equal((await gaps()).get('comments_unanswered'), undefined);
    assert.deepEqual(await auditActions('indicators_comment_answers'), ['indicators.answer-report-comment']);
  });

  it('takes progress notes on actions and cancels one only with a reason, audited', async () => {
    await move('start_complementation');
    assert.ok((await gaps()).has('actions_missing'));
    for (const [name, dueDate] of [
      ['kept', '2025-06-30'],
      ['cancelled', '2025-03-31'],
      ['done', '2024-12-31'],
    ] as const) {
      const created = await ok(
        await call('POST', '/indicators/cycles/2024/actions', officer, {
          indicatorCode: '1-1',
          description: `Action ${name}`,
          ownerDepartment: 'DHRP-DHR',
          dueDate,
        }),
        201,
      );
      assert.equal(created.createdBy, 'Officer Kim');
      actionIds[name] = created.id;
    }
    const noted = await ok(
      await call('POST', `/indicators/actions/${actionIds.kept}/notes`, department, {
        body: 'Survey sent out.',
      }),
      201,
    );
    assert.deepEqual(
      noted.notes.map((note: { body: string; author: string }) => [note.body, note.author]),
      [['Survey sent out.', 'Clerk Lee']],
    );
    await refused(
      await call('POST', `/indicators/actions/${actionIds.kept}/notes`, department, { body: 'x', at: 'now' }),
      400,
      'validation_failed',
    );

    const cancelled = await action(actionIds.cancelled);
    const cancelUrl = `/indicators/actions/${actionIds.cancelled}/cancel`;
    const invalid = await call('POST', cancelUrl, officer, { version: cancelled.version, reason: '  ' });
    assert.equal(invalid.statusCode, 400);
    assert.ok(invalid.json().errors.some((error: { field: string }) => error.field === 'body.reason'));
    assert.equal((await action(actionIds.cancelled)).status, 'planned', 'a refused cancel changes nothing');
    assert.equal(
      (await call('POST', cancelUrl, department, { version: cancelled.version, reason: 'Not ours.' }))
        .statusCode,
      403,
      'cancelling is the office’s',
    );
    await refused(await call('POST', cancelUrl, officer, { version: 99, reason: 'Stale.' }), 409, 'conflict');
    const done = await ok(
      await call('POST', cancelUrl, officer, {
        version: cancelled.version,
        reason: 'Merged into the other action.',
      }),
    );
    assert.equal(done.status, 'cancelled');
    assert.deepEqual(
      [done.cancellation.reason, done.cancellation.by],
      ['Merged into the other action.', 'Officer Kim'],
    );
    assert.equal(done.continues, false);
    await refused(
      await call('PATCH', `/indicators/actions/${actionIds.cancelled}`, officer, {
        version: done.version,
        status: 'in_progress',
      }),
      409,
      'indicators_action_finished',
    );
    await refused(
      await call('POST', `/indicators/actions/${actionIds.cancelled}/notes`, officer, { body: 'Too late.' }),
      409,
      'indicators_action_finished',
    );
    // `cancelled` is reached only by cancelling, with a reason.
    assert.equal(
      (
        await call('PATCH', `/indicators/actions/${actionIds.kept}`, officer, {
          version: 1,
          status: 'cancelled',
        })
      ).statusCode,
      400,
    );
    const finishing = await action(actionIds.done);
    await ok(
      await call('PATCH', `/indicators/actions/${actionIds.done}`, department, {
        version: finishing.version,
        status: 'done',
      }),
    );
    assert.deepEqual((await gaps()).get('actions_unfinished')?.items, [String(actionIds.kept)]);
    assert.deepEqual(await auditActions('indicators_action_notes'), ['indicators.note-action']);
    assert.ok((await auditActions('indicators_actions')).includes('indicators.cancel-action'));
  });

  it('collects the results at step 6: final values beside targets, and the actions’ implementation', async () => {
    await move('collect_results');
    const results = await ok(await call('GET', '/indicators/cycles/2024/results', committee));
    assert.equal(results.step, 'results');
    assert.equal(results.indicators.length, indicatorCount);
    const row = results.indicators.find((entry: { code: string }) => entry.code === '1-1');
    assert.deepEqual([row.value, row.target], [60, { value: 50, year: 2026 }]);
    assert.deepEqual(results.actionCounts, { planned: 1, in_progress: 0, done: 1, cancelled: 1 });
    const kept = results.actions.find((entry: { id: number }) => entry.id === actionIds.kept);
    assert.equal(kept.notes[0].body, 'Survey sent out.');
    const own = await ok(await call('GET', '/indicators/cycles/2024/results', department));
    assert.equal(own.actions.length, 3, 'the department owns all three');
    assert.equal((await call('GET', '/indicators/cycles/2024/results')).statusCode, 401);
  });

  it('keeps a closed year readable on every staff read, and refuses its edits', async () => {
    await move('close');
    for (const url of ['targets', 'assessments', 'report', 'actions', 'results', 'gaps', 'completeness']) {
      await ok(await call('GET', `/indicators/cycles/2024/${url}`, officer));
    }
    await ok(await call('GET', '/indicators/cycles/2024/questionnaires/2-1', officer));
    const entry = await ok(await call('GET', '/indicators/1-1/values/2024', officer));
    assert.equal(entry.writable, false);
    assert.equal(entry.rows[0].comment, 'First year.');
    const report = await ok(await call('GET', '/indicators/cycles/2024/report', committee));
    assert.deepEqual([report.mayComment, report.mayAnswer], [false, false]);
    assert.equal(report.comments[0].answers[0].author, 'Officer Kim');

    const locked = 'indicators_year_locked';
    await refused(
      await call('PUT', '/indicators/cycles/2024/targets/1-1', officer, {
        version: 1,
        targetValue: 1,
        targetYear: 2026,
        plan: 'Late.',
      }),
      409,
      locked,
    );
    await refused(
      await call('PUT', '/indicators/cycles/2024/assessments/2', officer, {
        version: 0,
        score: 2,
        narrative: 'Late.',
      }),
      409,
      locked,
    );
    await refused(
      await call('PUT', '/indicators/1-1/values/2024', officer, {
        entries: [{ dimensions: {}, value: 61, comment: 'Late.', version: 1 }],
      }),
      409,
      locked,
    );
    await refused(
      await call('POST', '/indicators/cycles/2024/report/comments', committee, { body: 'Late.' }),
      409,
      locked,
    );
    await refused(
      await call('POST', `/indicators/cycles/2024/report/comments/${commentId}/answers`, officer, {
        answer: 'Late.',
      }),
      409,
      locked,
    );
    await refused(
      await call('POST', '/indicators/cycles/2024/actions', officer, {
        indicatorCode: '1-1',
        description: 'Late.',
        ownerDepartment: 'DHRP-DHR',
        dueDate: '2025-01-01',
      }),
      409,
      locked,
    );
  });

  it('lets an unfinished action go on after the year closes, until done or cancelled', async () => {
    let kept = await action(actionIds.kept);
    assert.equal(kept.continues, true);
    kept = await ok(
      await call('PATCH', `/indicators/actions/${actionIds.kept}`, department, {
        version: kept.version,
        status: 'in_progress',
      }),
    );
    assert.equal(kept.status, 'in_progress');
    kept = await ok(
      await call('POST', `/indicators/actions/${actionIds.kept}/notes`, officer, {
        body: 'Half the districts done.',
      }),
      201,
    );
    assert.deepEqual(
      kept.notes.map((note: { body: string }) => note.body),
      ['Survey sent out.', 'Half the districts done.'],
    );
    // The office may still move the due date into next year.
    kept = await ok(
      await call('PATCH', `/indicators/actions/${actionIds.kept}`, officer, {
        version: kept.version,
        status: 'in_progress',
        dueDate: '2025-12-31',
        description: 'Action kept',
      }),
    );
    assert.equal(kept.dueDate, '2025-12-31');
    // A done action of a closed year is finished.
    const done = await action(actionIds.done);
    assert.equal(done.continues, false);
    await refused(
      await call('PATCH', `/indicators/actions/${actionIds.done}`, department, {
        version: done.version,
        status: 'planned',
      }),
      409,
      'indicators_action_finished',
    );
    kept = await ok(
      await call('PATCH', `/indicators/actions/${actionIds.kept}`, department, {
        version: kept.version,
        status: 'done',
      }),
    );
    assert.equal(kept.continues, false);
    await refused(
      await call('POST', `/indicators/actions/${actionIds.kept}/notes`, department, { body: 'After done.' }),
      409,
      'indicators_action_finished',
    );
  });
});
