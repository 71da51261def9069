// Publication of the yearly cycle through the API: a year's values and results stay internal while its
// cycle runs; closing it publishes them on the public endpoints, the downloads, the open data and that
// year's annual report; a correction of a closed year's value needs a reason and is published beside
// the value with its note (date, old value, reason) in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { apiClient, type SessionHeaders } from '../../../kernel/server/api-testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';

type Headers = SessionHeaders;

const year = 2025;
const narrative = 'Participation rose but two districts lag behind.';
const comment = 'The committee asks for district-level data next year.';
const actionText = 'Publish district figures each quarter.';
const reason = 'The survey total was mistyped in the form.';

describe('publication of a closed year', () => {
  let test: TestApp;
  let officer: Headers;
  let committee: Headers;
  let areaCode: string;

  const { call, ok } = apiClient(() => test.app);
  const move = async (action: string) => {
    const { cycles } = await ok(await call('GET', '/indicators/cycles', officer));
    const { version } = cycles.find((cycle: { year: number }) => cycle.year === year);
    await ok(await call('POST', `/indicators/cycles/${year}/transitions`, officer, { action, version }));
  };
  const text = async (url: string) => {
    const response = await call('GET', url);
    assert.equal(response.statusCode, 200, response.body);
    return response.body;
  };
  const publicYears = async () => (await ok(await call('GET', '/indicators/1-1'))).years as number[];

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
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    committee = (await signIn(test.app, await createUser(test.database, { role: 'committee' }))).headers;
    const imported = await test.app.inject({
      method: 'POST',
      url: '/api/v1/indicators/1-1/observations',
      headers: { ...officer, 'content-type': 'text/csv' },
      payload: 'Year,Value\n2023,120\n2024,135\n',
    });
    assert.equal(imported.statusCode, 200, imported.body);
    areaCode = (await ok(await call('GET', '/indicators/1-1'))).area.code;

    // The cycle up to the results step: a value, the self-assessment, a committee comment, an action.
    await ok(await call('POST', '/indicators/cycles', officer, { year }), 201);
    await move('start_collection');
    await ok(
      await call('PUT', `/indicators/1-1/values/${year}`, officer, {
        entries: [{ dimensions: {}, value: 162, comment: 'A new survey.', version: 0 }],
      }),
    );
    await move('start_assessment');
    await ok(
      await call('PUT', `/indicators/cycles/${year}/assessments/${areaCode}`, officer, {
        version: 0,
        score: 4,
        narrative,
      }),
    );
    await move('issue_report');
    await ok(
      await call('POST', `/indicators/cycles/${year}/report/comments`, committee, { body: comment }),
      201,
    );
    await move('start_complementation');
    await ok(
      await call('POST', `/indicators/cycles/${year}/actions`, officer, {
        indicatorCode: '1-1',
        description: actionText,
        ownerDepartment: 'DHRP-DHR',
        dueDate: '2026-06-30',
      }),
      201,
    );
    await move('collect_results');
  });
  after(() => test.close());

  it('keeps the year internal until the cycle closes', async () => {
    assert.deepEqual(await publicYears(), [2023, 2024], 'the page lists published years only');
    const { observations } = await ok(await call('GET', '/indicators/1-1/observations'));
    assert.deepEqual(
      observations.map((o: { year: number }) => o.year),
      [2023, 2024],
    );
    const detail = await ok(await call('GET', '/indicators/1-1'));
    assert.equal(detail.progress.latest?.year, 2024, 'progress is measured on published values');
    assert.doesNotMatch(await text('/indicators/1-1/observations.csv'), /2025|162/);
    assert.doesNotMatch(await text('/indicators/1-1/observations.json'), /2025|162/);
    assert.doesNotMatch(await text('/open-data/indicator-1-1.json'), /"year":2025/);
    assert.doesNotMatch(await text('/open-data/indicator-1-1.csv'), /2025/);
    assert.equal((await call('GET', `/indicators/results/${year}`)).statusCode, 404);
    assert.deepEqual((await ok(await call('GET', '/indicators/results'))).years, []);
    const report = await text(`/report/${year}.html`);
    for (const secret of [narrative, comment, actionText]) {
      assert.ok(!report.includes(secret), `the report does not print "${secret}" before the close`);
    }
    // Staff still see the year's value where they work on it.
    const form = await ok(await call('GET', `/indicators/1-1/values/${year}`, officer));
    assert.equal(form.rows[0].value, '162');
  });

  it('publishes the values and results when the year closes', async () => {
    await move('close');
    assert.deepEqual(await publicYears(), [2023, 2024, 2025]);
    const detail = await ok(await call('GET', '/indicators/1-1'));
    assert.deepEqual(detail.progress.latest, { year, value: 162 });
    assert.match(await text('/indicators/1-1/observations.csv'), /\r\n2025,162\r\n/);
    const years = await ok(await call('GET', '/indicators/results'));
    assert.deepEqual(
      years.years.map((entry: { year: number }) => entry.year),
      [year],
    );
    const results = await ok(await call('GET', `/indicators/results/${year}`));
    assert.deepEqual(
      results.assessments.map((a: { areaCode: string; score: number; narrative: string }) => [
        a.areaCode,
        a.score,
        a.narrative,
      ]),
      [[areaCode, 4, narrative]],
    );
    assert.deepEqual(
      results.committeeComments.map((c: { body: string }) => c.body),
      [comment],
    );
    assert.equal(JSON.stringify(results.committeeComments).includes('author'), false, 'no author named');
    assert.deepEqual(
      results.actions.map((a: { indicatorCode: string; description: string; status: string }) => [
        a.indicatorCode,
        a.description,
        a.status,
      ]),
      [['1-1', actionText, 'planned']],
    );
    assert.equal(results.values.find((v: { code: string }) => v.code === '1-1').value, 162);
    assert.deepEqual(
      detail.publishedActions.map((a: { year: number; description: string }) => [a.year, a.description]),
      [[year, actionText]],
      "the indicator's page carries the actions that concern it",
    );
    for (const language of ['ko', 'en']) {
      const report = await text(`/report/${year}.html?lang=${language}`);
      for (const published of [narrative, comment, actionText]) {
        assert.ok(report.includes(published), `the ${language} report prints "${published}"`);
      }
    }
    assert.match(await text(`/report/${year}.html?lang=en`), /In progress|Planned/);
    const otherYear = await text('/report/2024.html');
    assert.ok(!otherYear.includes(narrative), "another year's report does not print this year's results");
  });

  it('shows an action cancelled after the close as cancelled, at once, on the results and in the report', async () => {
    const { actions } = await ok(await call('GET', `/indicators/cycles/${year}/actions`, officer));
    const action = actions.find((a: { description: string }) => a.description === actionText);
    // Read once so that the public cache holds the action as planned.
    await ok(await call('GET', `/indicators/results/${year}`));
    await ok(
      await call('POST', `/indicators/actions/${action.id}/cancel`, officer, {
        version: action.version,
        reason: 'Replaced by the new survey.',
      }),
    );
    const results = await ok(await call('GET', `/indicators/results/${year}`));
    assert.deepEqual(
      results.actions.map((a: { status: string }) => a.status),
      ['cancelled'],
    );
    const detail = await ok(await call('GET', '/indicators/1-1'));
    assert.deepEqual(
      detail.publishedActions.map((a: { status: string }) => a.status),
      ['cancelled'],
    );
    assert.match(await text(`/report/${year}.html?lang=en`), /Cancelled/);
    assert.match(await text(`/report/${year}.html?lang=ko`), /취소/);
  });

  it('refuses a correction without a reason, on its field, and changes nothing', async () => {
    const correction = { year, dimensions: {}, value: 161, version: 1 };
    for (const [body, language] of [
      [correction, 'en'],
      [{ ...correction, reason: '   ' }, 'ko'],
    ] as const) {
      const refused = await call('POST', `/indicators/1-1/corrections?lang=${language}`, officer, body);
      assert.equal(refused.statusCode, 400, refused.body);
      assert.match(refused.headers['content-type'] as string, /application\/problem\+json/);
      assert.ok(
        refused.json().errors.some((error: { field: string }) => error.field === 'body.reason'),
        refused.body,
      );
    }
    assert.deepEqual((await ok(await call('GET', '/indicators/1-1/corrections'))).corrections, []);
  });

  it('publishes a correction with its note on the page, the downloads and the open data', async () => {
    const form = await ok(await call('GET', `/indicators/1-1/values/${year}`, officer));
    const corrected = await ok(
      await call('POST', '/indicators/1-1/corrections', officer, {
        year,
        dimensions: {},
        value: 161,
        reason,
        version: form.rows[0].version,
      }),
      201,
    );
    const [note] = corrected.corrections;
    assert.match(note.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(note.oldValue, '162');
    assert.equal(note.newValue, '161');
    assert.equal(note.note.ko, `${note.date} 정정: 이전 값 162, 사유: ${reason}`);
    assert.equal(note.note.en, `Corrected on ${note.date}: old value 162; reason: ${reason}`);

    const detail = await ok(await call('GET', '/indicators/1-1'));
    assert.deepEqual(detail.corrections, corrected.corrections, 'the public page carries the note');
    assert.deepEqual(detail.progress.latest, { year, value: 161 });
    const { observations } = await ok(await call('GET', `/indicators/1-1/observations?fromYear=${year}`));
    assert.deepEqual(
      observations.map((o: { value: string }) => o.value),
      ['161'],
    );

    const csv = (await text('/indicators/1-1/observations.csv')).split('\r\n');
    assert.equal(csv[0], '\uFEFFYear,Value,COMMENT_OBS');
    assert.equal(csv[1], '2023,120,');
    // The note has commas, so the cell is quoted.
    assert.ok(csv.includes(`2025,161,"${note.note.ko} / ${note.note.en}"`), csv.join('\n'));
    const json = JSON.parse(await text('/indicators/1-1/observations.json'));
    const row = json.observations.find((o: { year: number }) => o.year === year);
    assert.deepEqual([row.value, row.correction], ['161', note.note]);
    assert.equal(json.observations[0].correction, undefined, 'an uncorrected value has no note');

    const openJson = await ok(await call('GET', '/open-data/indicator-1-1.json'));
    const openRow = openJson.rows.find((r: { year: number }) => r.year === year);
    assert.deepEqual([openRow.value, openRow.note], ['161', `${note.note.ko} / ${note.note.en}`]);
    const openCsv = await text('/open-data/indicator-1-1.csv');
    assert.ok(openCsv.includes(note.note.en), openCsv);
    assert.ok(openCsv.includes(reason));
  });

  it('reads an exported file with its note column back without taking the note for a breakdown', async () => {
    const csv = await text('/indicators/1-1/observations.csv');
    const reimported = await test.app.inject({
      method: 'POST',
      url: '/api/v1/indicators/1-2/observations',
      headers: { ...officer, 'content-type': 'text/csv' },
      payload: csv
        .split('\r\n')
        .filter((line) => !line.startsWith('2025'))
        .join('\r\n'),
    });
    assert.equal(reimported.statusCode, 200, reimported.body);
    const detail = await ok(await call('GET', '/indicators/1-2'));
    assert.deepEqual(detail.indicator.disaggregations, []);
    assert.deepEqual(detail.years, [2023, 2024]);
  });
});
