import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import type { MyWork } from '../../../kernel/shared/work.ts';
import { modules } from '../../../server/modules.ts';
import type { Application, Overview } from '../contract.ts';
import {
  awardedApplication,
  createCall,
  createOrganisation,
  draftContent,
  type Headers,
  selectedApplication,
  signedInAs,
  submittedApplication,
} from '../test/factories.ts';
import { grantsDb } from './tables.ts';

const seedText = readFileSync(
  new URL('../../../../datasets/gwangju/source/major-policies-and-systems-of-gwangju.txt', import.meta.url),
  'utf8',
);

/** Table 4 as the seed prints it: after the header cells, year, neighbourhoods and support per row. */
function seedTable4(): { year: number; neighbourhoods: number; support: number }[] {
  const start = seedText.indexOf('Table 4: Human Rights Neighborhood Participation');
  const end = seedText.indexOf('2.7.', start);
  const cells = seedText
    .slice(start, end)
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter(Boolean);
  assert.deepEqual(cells.slice(0, 3), ['Year', 'Neighborhoods', 'Support ($)']);
  const values = cells.slice(3).map((cell) => Number(cell.replaceAll(',', '')));
  const rows = [];
  for (let index = 0; index < values.length; index += 3) {
    rows.push({
      year: values[index] ?? 0,
      neighbourhoods: values[index + 1] ?? 0,
      support: values[index + 2] ?? 0,
    });
  }
  return rows;
}

describe('grants', () => {
  let test: TestApp;
  let officer: Headers;
  let secondOfficer: Headers;
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, headers?: Headers, payload?: unknown) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(headers ? { headers } : {}),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    officer = await signedInAs(test.app, test.database, 'officer');
    secondOfficer = await signedInAs(test.app, test.database, 'officer');
  });
  after(() => test?.close());

  it('reproduces Table 4 exactly, with the 2013 discrepancy of the text noted', async () => {
    const expected = seedTable4();
    assert.equal(expected.length, 6);
    const overview = (await api('GET', '/grants')).json() as Overview;
    assert.deepEqual(
      overview.participation.map((row) => ({
        year: row.year,
        neighbourhoods: row.neighbourhoods,
        support: row.supportUsd,
      })),
      expected,
    );
    const year2013 = overview.participation.find((row) => row.year === 2013);
    assert.equal(year2013?.neighbourhoods, 3);
    assert.equal(year2013?.textNeighbourhoods, 5);
    assert.match(year2013?.note ?? '', /5 neighbourhoods/);
    const collaboration = overview.programmes.find((programme) => programme.kind === 'collaboration');
    assert.equal(collaboration?.annualBudgetUsd, 90000);
    assert.equal(collaboration?.programmesPerYear, 12);

    const csv = await api('GET', '/open-data/neighbourhood-participation.csv');
    assert.equal(csv.statusCode, 200);
    const rows = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((row) => [Number(row.year), Number(row.neighbourhoods), Number(row.support_usd)]),
      expected.map((row) => [row.year, row.neighbourhoods, row.support]),
    );
  });

  it('never awards beyond the call’s budget, even when two officers award at the same moment', async () => {
    const call = await createCall(test.app, officer, { budget: 10_000_000, maxAmount: 6_000_000 });
    const first = await selectedApplication(
      test.app,
      await createOrganisation(test.app, test.database),
      officer,
      call.id,
      6_000_000,
    );
    const second = await selectedApplication(
      test.app,
      await createOrganisation(test.app, test.database),
      officer,
      call.id,
      5_000_000,
    );
    const [a, b] = await Promise.all([
      api('POST', `/grants/applications/${first.id}/award`, officer, {
        amount: 6_000_000,
        version: first.version,
      }),
      api('POST', `/grants/applications/${second.id}/award`, secondOfficer, {
        amount: 5_000_000,
        version: second.version,
      }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    assert.deepEqual(statuses, [200, 409], `${a.body} ${b.body}`);
    const refused = a.statusCode === 409 ? a : b;
    assert.equal(refused.json().code, 'grants_budget_exceeded');
    const { total } = await grantsDb(test.database.db)
      .selectFrom('grants_applications')
      .select((eb) => eb.fn.sum<number>('amount_awarded').as('total'))
      .where('call_id', '=', call.id)
      .executeTakeFirstOrThrow();
    assert.ok(Number(total) <= 10_000_000, `awarded ${total}`);
    const after = (await api('GET', `/grants/calls/${call.id}`)).json();
    assert.ok(after.awardedTotal === 6_000_000 || after.awardedTotal === 5_000_000);
  });

  it('keeps a reviewer with a declared conflict from scoring, and asks for a declaration first', async () => {
    const call = await createCall(test.app, officer);
    const application = await submittedApplication(
      test.app,
      await createOrganisation(test.app, test.database),
      call.id,
      1_000_000,
    );
    const scores = { scores: call.criteria.map((criterion) => ({ criterionId: criterion.id, score: 4 })) };
    // My work lists the application for each reviewer until they have scored it or declared a conflict.
    const waiting = async (headers: typeof officer) =>
      ((await api('GET', '/my-work', headers)).json() as MyWork).items.some(
        (item) => item.kind === 'grants.review' && item.path === `/grants/applications/${application.id}`,
      );
    assert.deepEqual([await waiting(officer), await waiting(secondOfficer)], [true, true]);
    const undeclared = await api('PUT', `/grants/applications/${application.id}/scores`, officer, scores);
    assert.equal(undeclared.statusCode, 409);
    assert.equal(undeclared.json().code, 'grants_declaration_required');

    assert.equal(
      (await api('PUT', `/grants/applications/${application.id}/declaration`, officer, { hasConflict: true }))
        .statusCode,
      200,
    );
    const conflicted = await api('PUT', `/grants/applications/${application.id}/scores`, officer, scores);
    assert.equal(conflicted.statusCode, 403);
    assert.equal(conflicted.json().code, 'grants_conflict_of_interest');

    await api('PUT', `/grants/applications/${application.id}/declaration`, secondOfficer, {
      hasConflict: false,
    });
    assert.deepEqual([await waiting(officer), await waiting(secondOfficer)], [false, true]);
    const scored = await api('PUT', `/grants/applications/${application.id}/scores`, secondOfficer, scores);
    assert.equal(scored.statusCode, 200, scored.body);
    assert.equal(await waiting(secondOfficer), false);
    assert.equal((scored.json() as Application).review?.averageScore, 80);
    const seenByConflicted = (
      await api('GET', `/grants/applications/${application.id}`, officer)
    ).json() as Application;
    assert.deepEqual(seenByConflicted.review?.declaration, { hasConflict: true });
    assert.deepEqual(seenByConflicted.review?.myScores, []);
  });

  it('shows an organisation only its own applications; another’s is not found', async () => {
    const call = await createCall(test.app, officer);
    const owner = await createOrganisation(test.app, test.database);
    const other = await createOrganisation(test.app, test.database, { name: 'Other' });
    const draft = (
      await api('POST', '/grants/applications', owner, { callId: call.id, ...draftContent(100) })
    ).json();
    for (const [method, url, payload] of [
      ['GET', `/grants/applications/${draft.id}`, undefined],
      ['PUT', `/grants/applications/${draft.id}`, { ...draftContent(200), version: 1 }],
      ['POST', `/grants/applications/${draft.id}/submit`, { version: 1 }],
      [
        'POST',
        `/grants/applications/${draft.id}/reports`,
        { kind: 'activity', activity: 'camp', heldOn: '2026-01-01', participants: 1, summary: 'x' },
      ],
    ] as const) {
      const response = await api(method, url, other, payload);
      assert.equal(response.statusCode, 404, `${method} ${url}: ${response.body}`);
    }
    const theirs = (await api('GET', '/grants/applications', other)).json();
    assert.deepEqual(theirs.applications, []);
    const mine = (await api('GET', '/grants/applications', owner)).json();
    assert.deepEqual(
      mine.applications.map((row: { id: string }) => row.id),
      [draft.id],
    );
    // The office does not see drafts either.
    assert.equal((await api('GET', `/grants/applications/${draft.id}`, officer)).statusCode, 404);
    // The owner saves the draft with the version read; a stale version is a conflict.
    assert.equal(
      (await api('PUT', `/grants/applications/${draft.id}`, owner, { ...draftContent(300), version: 1 }))
        .statusCode,
      200,
    );
    assert.equal(
      (await api('PUT', `/grants/applications/${draft.id}`, owner, { ...draftContent(400), version: 1 }))
        .statusCode,
      409,
    );
  });

  it('checks eligibility on submission and names every rule broken', async () => {
    const call = await createCall(test.app, officer, { maxAmount: 1_000_000 });
    const unregistered = await createOrganisation(test.app, test.database, {
      registrationNumber: null,
      type: 'other',
    });
    const draft = (
      await api('POST', '/grants/applications', unregistered, {
        callId: call.id,
        ...draftContent(2_000_000),
        district: null,
        budgetLines: [{ item: 'All', amount: 5 }],
      })
    ).json();
    const refused = await api('POST', `/grants/applications/${draft.id}/submit`, unregistered, {
      version: 1,
    });
    assert.equal(refused.statusCode, 422);
    assert.deepEqual(
      refused.json().errors.map((error: { code: string }) => error.code),
      ['registration_required', 'type_not_eligible', 'over_maximum', 'budget_mismatch', 'district_required'],
    );
    const closed = await createCall(test.app, officer, { opensOn: '2020-01-01', closesOn: '2020-12-31' });
    const late = await api('POST', '/grants/applications', unregistered, {
      callId: closed.id,
      ...draftContent(10),
    });
    assert.equal(late.json().code, 'grants_call_closed');
    const noProfile = await signedInAs(test.app, test.database, 'organisation');
    const anonymous = await api('POST', '/grants/applications', noProfile, {
      callId: call.id,
      ...draftContent(10),
    });
    assert.equal(anonymous.json().code, 'grants_profile_required');
  });

  it('stores attachments encrypted, judged by their bytes, readable by the owner and the office only', async () => {
    const call = await createCall(test.app, officer);
    const owner = await createOrganisation(test.app, test.database);
    const other = await createOrganisation(test.app, test.database);
    const draft = (
      await api('POST', '/grants/applications', owner, { callId: call.id, ...draftContent(600) })
    ).json();
    const pdf = Buffer.from('%PDF-1.4\nconfidential budget plan\n%%EOF\n');
    const upload = (headers: Headers, body: Buffer, type: string) =>
      test.app.inject({
        method: 'POST',
        url: `/api/v1/grants/applications/${draft.id}/attachments`,
        headers: { ...headers, 'content-type': type },
        payload: body,
      });
    assert.equal((await upload(owner, Buffer.from('MZ not a pdf'), 'application/pdf')).statusCode, 415);
    assert.equal((await upload(other, pdf, 'application/pdf')).statusCode, 404);
    const stored = await upload(owner, pdf, 'application/octet-stream');
    assert.equal(stored.statusCode, 201, stored.body);
    assert.equal(stored.json().contentType, 'application/pdf');
    const row = await grantsDb(test.database.db)
      .selectFrom('grants_attachments')
      .selectAll()
      .where('id', '=', stored.json().id)
      .executeTakeFirstOrThrow();
    assert.ok(!row.data_enc.includes(pdf.toString('base64')) && !row.data_enc.includes('confidential'));
    const url = `/grants/applications/${draft.id}/attachments/${stored.json().id}`;
    assert.equal((await api('GET', url, owner)).body, pdf.toString());
    assert.equal((await api('GET', url, other)).statusCode, 404);
  });

  it('runs an award to its end: tranches within the award, activity reports, a final report, open data', async () => {
    const call = await createCall(test.app, officer, { kind: 'neighbourhood' });
    const organisation = await createOrganisation(test.app, test.database, {
      name: 'Unique Village Association',
    });
    const awarded = await awardedApplication(test.app, organisation, officer, call.id, 2_000_000);
    assert.equal(awarded.status, 'awarded');
    const district = (await api('GET', '/vocabularies/districts/buk-gu')).json();
    const tagged = district.modules.find((group: { module: string }) => group.module === 'grants');
    assert.ok(
      tagged?.records.some((record: { path: string }) => record.path === `/grants#grant-${awarded.id}`),
      'the district’s page lists the awarded grant',
    );
    assert.equal(
      (
        await api('POST', `/grants/applications/${awarded.id}/tranches`, officer, {
          amount: 1_500_000,
          dueOn: '2026-03-01',
        })
      ).statusCode,
      201,
    );
    const tooMuch = await api('POST', `/grants/applications/${awarded.id}/tranches`, officer, {
      amount: 600_000,
      dueOn: '2026-06-01',
    });
    assert.equal(tooMuch.json().code, 'grants_tranches_exceed_award');
    const report = (activity: string | null, kind = 'activity') =>
      api('POST', `/grants/applications/${awarded.id}/reports`, organisation, {
        kind,
        activity,
        heldOn: '2026-04-01',
        participants: 25,
        summary: 'Done.',
      });
    assert.equal(
      (await report('programme')).statusCode,
      400,
      'a collaboration kind is refused for a neighbourhood',
    );
    assert.equal((await report('map_drawing')).statusCode, 201);
    assert.equal((await report(null, 'final')).statusCode, 201);
    assert.equal((await report('festival')).json().code, 'grants_wrong_status');

    const giving = await api('GET', '/grants/360giving.csv');
    const [header, ...rows] = parse(giving.body, { bom: true }) as string[][];
    assert.deepEqual(header?.slice(0, 11), [
      'Identifier',
      'Title',
      'Description',
      'Currency',
      'Amount Awarded',
      'Award Date',
      'Recipient Org:Identifier',
      'Recipient Org:Name',
      'Funding Org:Identifier',
      'Funding Org:Name',
      'Grant Programme:Code',
    ]);
    const ours = rows.filter((row) => row[7] === 'Unique Village Association');
    assert.equal(ours.length, 1);
    assert.match(ours[0]?.[0] ?? '', /^360G-gwangju-/);
    assert.equal(ours[0]?.[4], '2000000');
    assert.equal(ours[0]?.[9], 'Gwangju Metropolitan City');
    // Only awarded grants: every row's recipient has an award.
    const overview = (await api('GET', '/grants')).json() as Overview;
    assert.equal(rows.length, overview.awards.length);
    const search = await api('GET', `/portal/search?q=${encodeURIComponent('Unique Village')}`);
    assert.equal(search.statusCode, 200);
    const grantsHits = search.json().groups.find((group: { module: string }) => group.module === 'grants');
    assert.equal(grantsHits?.hits.length, 1);
    assert.match(grantsHits.hits[0].title.en, /Human rights map/);
  });
});
