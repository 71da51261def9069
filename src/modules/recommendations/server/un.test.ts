/**
 * UN recommendations (issue 16, item 2): the import of the OHCHR Universal Human Rights Index export
 * from fixture files (all or nothing, the bad row and column named in Korean and English, a second
 * import adding nothing), the UN fields and the source and mechanism filters of the public API, and
 * the rules of the register's form for a UN source (always public, one record per symbol and
 * paragraph, details only with a UN source).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { auditDb } from '../../../kernel/server/audit/tables.ts';
import { writeWorkbook, xlsxContentType } from '../../../kernel/server/spreadsheet.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import type { Recommendation, RecommendationList, UnDetails } from '../contract.ts';
import {
  addDepartments,
  createRecommendation,
  type Headers,
  recommendationInput,
} from '../test/factories.ts';

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url));

type Problem = { code: string; errors: { field: string; code: string; message: string }[] };

describe('UN recommendations', () => {
  let test: TestApp;
  let officer: Headers;
  let department: Headers;

  const upload = (
    body: Buffer | string,
    headers: Partial<Headers> = officer,
    type = 'text/csv',
    lang = 'ko',
  ) =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/recommendations/un/import?lang=${lang}`,
      headers: { ...headers, 'content-type': type, 'accept-language': lang },
      payload: body,
    });
  const unList = async (query = '') => {
    const response = await test.app.inject({ url: `/api/v1/recommendations?source=un&limit=100${query}` });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as RecommendationList;
  };

  before(async () => {
    test = await createTestApp();
    await addDepartments(test.database, ['HRO', 'DHRP-DHR']);
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    department = (
      await signIn(test.app, await createUser(test.database, { role: 'department', departmentCode: 'HRO' }))
    ).headers;
  });
  after(() => test?.close());

  it('imports nothing from a file with a bad mechanism, and names the row and column in Korean and English', async () => {
    const ko = await upload(fixture('uhri-bad-mechanism.csv'));
    assert.equal(ko.statusCode, 400, ko.body);
    assert.match(String(ko.headers['content-type']), /application\/problem\+json/);
    const problem = ko.json() as Problem;
    assert.equal(problem.code, 'validation_failed');
    assert.deepEqual(
      problem.errors.map((error) => [error.field, error.code]),
      [['file.4.Mechanism', 'un_mechanism']],
    );
    assert.match(problem.errors[0]?.message ?? '', /^4행 'Mechanism' 열: 알 수 없는 기구 유형/);
    const en = (await upload(fixture('uhri-bad-mechanism.csv'), officer, 'text/csv', 'en')).json() as Problem;
    assert.match(en.errors[0]?.message ?? '', /^Line 4, column 'Mechanism': Unknown mechanism/);
    assert.equal((await unList()).total, 0);
  });

  it('imports nothing from a file with a missing symbol, naming its row and column', async () => {
    const response = await upload(fixture('uhri-missing-symbol.csv'));
    assert.equal(response.statusCode, 400, response.body);
    assert.deepEqual(
      (response.json() as Problem).errors.map((error) => [error.field, error.code]),
      [['file.3.Document Symbol', 'required']],
    );
    assert.equal((await unList()).total, 0);
  });

  it('imports nothing from a file that is not UTF-8, naming the row and column of the bad characters', async () => {
    const response = await upload(fixture('uhri-bad-encoding.csv'));
    assert.equal(response.statusCode, 400, response.body);
    assert.deepEqual(
      (response.json() as Problem).errors.map((error) => [error.field, error.code]),
      [['file.4.Text', 'encoding']],
    );
    assert.equal((await unList()).total, 0);
  });

  it('imports nothing when a row repeats a symbol and paragraph, names an unknown department, or lacks a column', async () => {
    const good = fixture('uhri-good.csv').toString('utf8').trimEnd().split('\n');
    const repeated = [...good, good[1]].join('\n');
    let response = await upload(repeated);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      (response.json() as Problem).errors.map((error) => [error.field, error.code]),
      [['file.5.Document Symbol', 'un_repeated']],
    );
    response = await upload([good[0], good[1]?.replace(',HRO,korea', ',NO-SUCH,korea')].join('\n'));
    assert.deepEqual(
      (response.json() as Problem).errors.map((error) => [error.field, error.code]),
      [['file.2.Departments', 'recommendations_unknown_department']],
    );
    response = await upload('Text,Document Symbol\nx,y\n');
    assert.deepEqual((response.json() as Problem).errors.map((error) => error.field).sort(), [
      'file.1.Document Publication Date',
      'file.1.Reccomending Body',
    ]);
    assert.equal((await unList()).total, 0);
  });

  it('is the office’s: a department or the public cannot import', async () => {
    assert.equal((await upload(fixture('uhri-good.csv'), department)).statusCode, 403);
    assert.equal((await upload(fixture('uhri-good.csv'), {})).statusCode, 401);
    assert.equal((await unList()).total, 0);
  });

  it('imports the UHRI export with its mechanism, body, symbol, paragraph and original text, public', async () => {
    const response = await upload(fixture('uhri-good.csv'));
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { created: 3, existing: 0 });
    const list = await unList();
    assert.equal(list.total, 3);
    const bySymbol = new Map(list.items.map((item) => [item.un?.symbol, item]));
    const upr = bySymbol.get('A/HRC/37/11');
    assert.deepEqual(upr?.un, {
      mechanism: 'upr',
      body: 'UPR',
      symbol: 'A/HRC/37/11',
      paragraph: '132.45',
      originalLanguage: 'en',
      originalText: '132.45 Adopt a comprehensive anti-discrimination law (test fixture)',
      addressedTo: 'korea',
      cycle: '30 Session',
      year: 2018,
      annotationId: '00000000-0000-4000-8000-000000000001',
    });
    assert.equal(upr?.source.kind, 'un');
    assert.equal(upr?.source.reference, 'A/HRC/37/11, para. 132.45');
    assert.equal(upr?.issuedOn, '2018-01-03');
    assert.equal(upr?.isPublic, true);
    assert.deepEqual(
      upr?.departments.map((part) => part.code),
      ['HRO'],
    );
    // Not translated yet: the Korean text is the UN's own words.
    assert.equal(upr?.text.ko, upr?.un?.originalText);

    const cerd = bySymbol.get('CERD/C/KOR/CO/17-19');
    assert.equal(cerd?.un?.mechanism, 'treaty_body');
    assert.equal(cerd?.un?.paragraph, '14');
    assert.equal(cerd?.un?.addressedTo, 'city');
    assert.equal(cerd?.text.ko, '이주노동자가 구제 수단에 접근할 수 있도록 할 것 (시험 자료)');
    assert.deepEqual(
      cerd?.departments.map((part) => part.code),
      ['DHRP-DHR', 'HRO'],
    );

    const housing = bySymbol.get('A/HRC/40/61/Add.1');
    assert.equal(housing?.un?.mechanism, 'special_procedure');
    assert.equal(housing?.un?.body, 'SR on adequate housing');
    assert.equal(housing?.un?.paragraph, '85(c)');
    assert.equal(housing?.un?.originalLanguage, 'fr');
    assert.match(housing?.un?.originalText ?? '', /^Le Rapporteur spécial/);
    assert.equal(housing?.text.en, 'Guarantee security of tenure (test fixture)');
    // The Excel day number 46078 of the export is 2026-02-25 (days since 1899-12-30).
    assert.equal(housing?.issuedOn, '2026-02-25');

    // One record's page, with its UN fields and its timeline.
    const one = await test.app.inject({ url: `/api/v1/recommendations/${housing?.id}` });
    assert.equal(one.statusCode, 200);
    const record = one.json() as Recommendation;
    assert.equal(record.un?.symbol, 'A/HRC/40/61/Add.1');
    assert.deepEqual(
      record.timeline.map((event) => event.action),
      ['issue'],
    );

    // The mechanism filter, and the source filter leaving out the others.
    const ids = (items: RecommendationList) => items.items.map((item) => item.un?.symbol);
    assert.deepEqual(ids(await unList('&mechanism=treaty_body')), ['CERD/C/KOR/CO/17-19']);
    const committee = await createRecommendation(test.app, officer, { departments: ['HRO'], isPublic: true });
    assert.ok(!(await unList()).items.some((item) => item.id === committee.id));
    const all = await test.app.inject({ url: '/api/v1/recommendations?mechanism=upr' });
    assert.deepEqual(
      (all.json() as RecommendationList).items.map((item) => item.un?.symbol),
      ['A/HRC/37/11'],
    );

    // Each record is audited.
    const audited = await auditDb(test.database.db)
      .selectFrom('audit_trail')
      .select('entity_id')
      .where('action', '=', 'recommendations.import-un')
      .execute();
    assert.equal(audited.length, 3);
  });

  it('adds nothing when the same rows are imported again, and keeps what the office changed', async () => {
    const before = await unList();
    const upr = before.items.find((item) => item.un?.symbol === 'A/HRC/37/11');
    assert.ok(upr);
    const edited = await test.app.inject({
      method: 'PUT',
      url: `/api/v1/recommendations/${upr.id}`,
      headers: officer,
      payload: {
        source: upr.source.kind === 'un' ? { kind: 'un', reference: upr.source.reference } : upr.source,
        text: { ko: '포괄적 차별금지법을 제정할 것', en: upr.text.en },
        departments: ['HRO'],
        issuedOn: upr.issuedOn,
        answerDue: null,
        implementationDue: null,
        isPublic: true,
        tags: [],
        version: upr.version,
      },
    });
    assert.equal(edited.statusCode, 200, edited.body);
    const again = await upload(fixture('uhri-good.csv'));
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json(), { created: 0, existing: 3 });
    const after = await unList();
    assert.equal(after.total, 3);
    const kept = after.items.find((item) => item.id === upr.id);
    assert.equal(kept?.text.ko, '포괄적 차별금지법을 제정할 것');
    // The edit without `un` kept the UN details.
    assert.equal(kept?.un?.paragraph, '132.45');
  });

  it('reads the .xlsx the Index downloads', async () => {
    const workbook = writeWorkbook([
      {
        name: 'UHRI',
        columns: ['Text', 'Reccomending Body', 'Document Symbol', 'Document Publication Date'],
        rows: [
          {
            Text: '7. The Committee recommends accessible public transport (test fixture)',
            'Reccomending Body': '- CRPD',
            'Document Symbol': 'CRPD/C/KOR/CO/2-3',
            'Document Publication Date': '2022-10-24',
          },
        ],
      },
    ]);
    const response = await upload(workbook, officer, xlsxContentType);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { created: 1, existing: 0 });
    const crpd = (await unList()).items.find((item) => item.un?.symbol === 'CRPD/C/KOR/CO/2-3');
    assert.equal(crpd?.un?.paragraph, '7');
    assert.equal(crpd?.un?.mechanism, 'treaty_body');
  });

  it('records a UN recommendation through the form: public always, its details only with a UN source, once per symbol and paragraph', async () => {
    const un: UnDetails = {
      mechanism: 'treaty_body',
      body: 'CRC',
      symbol: 'CRC/C/KOR/CO/5-6',
      paragraph: '20(b)',
      originalLanguage: 'en',
      originalText: 'Ensure that children are heard in decisions affecting them (test fixture)',
      addressedTo: 'city',
      cycle: '5th-6th periodic report',
      year: 2019,
    };
    const post = (payload: object) =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/recommendations',
        headers: officer,
        payload: { ...payload },
      });
    const field = (response: Awaited<ReturnType<typeof post>>) =>
      (response.json() as Problem).errors.map((error) => [error.field, error.code]);
    const source = { kind: 'un' as const, reference: 'CRC/C/KOR/CO/5-6, para. 20(b)' };
    const departments = ['HRO'];

    let response = await post(recommendationInput({ source, un, departments, isPublic: false }));
    assert.equal(response.statusCode, 400);
    assert.deepEqual(field(response), [['body.isPublic', 'recommendations_un_public']]);
    response = await post(recommendationInput({ un, departments, isPublic: true }));
    assert.deepEqual(field(response), [['body.un', 'recommendations_un_source']]);
    response = await post(
      recommendationInput({
        source,
        un: { ...un, mechanism: 'council' as never },
        departments,
        isPublic: true,
      }),
    );
    assert.equal(response.statusCode, 400);
    assert.deepEqual(field(response)[0]?.[0], 'body.un.mechanism');

    const created = await createRecommendation(test.app, officer, {
      source,
      un,
      departments,
      isPublic: true,
    });
    assert.deepEqual(created.un, { ...un, annotationId: null });
    response = await post(recommendationInput({ source, un, departments, isPublic: true }));
    assert.deepEqual(field(response), [['body.un.paragraph', 'recommendations_un_duplicate']]);
    // The import meets the same key: the form's record is there already.
    const csv = `Text,Reccomending Body,Document Symbol,Document Publication Date,Paragraph\n"x (test fixture)",- CRC,CRC/C/KOR/CO/5-6,2019-10-24,20(b)\n`;
    assert.deepEqual((await upload(csv)).json(), { created: 0, existing: 1 });
  });
});
