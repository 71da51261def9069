import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { modules } from '../../../server/modules.ts';
import { createUser, signIn } from '../accounts/testing.ts';
import { loadDataset } from '../seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { buildReport, labelLines } from './html.ts';

const chromiumPath = '/usr/bin/chromium';
/** The tables of the seed document that the report regenerates from the database. */
const seedTables = ['Table 1', 'Table 3', 'Table 4', 'Table 5', 'Table 6', 'Table 7'];

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
}

describe('annual report', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
  });
  after(() => test.close());

  it("regenerates every seed table the modules publish, with each of its rows' figures", async () => {
    const html = await buildReport(test.database.db, modules, { year: 2026, language: 'en' });
    const text = textOf(html);
    const published = modules.flatMap((module) =>
      (module.openData ?? []).filter((dataset) => dataset.seedTable),
    );
    assert.deepEqual(
      [...new Set(published.filter((dataset) => dataset.report).map((dataset) => dataset.seedTable))].sort(),
      seedTables,
      'Tables 1, 3, 4, 5, 6 and 7 are each placed in the report',
    );
    for (const dataset of published.filter((item) => item.report)) {
      assert.ok(html.includes(`id="dataset-${dataset.id}"`), `${dataset.id} is in the report`);
      const rows = await dataset.rows(test.database.db);
      assert.ok(rows.length > 0, `${dataset.id} has rows`);
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== 'number') continue;
          // A year is printed as written (2018); any other number grouped (1,800).
          const printed = /(^|_)year$/.test(column) ? String(value) : value.toLocaleString('en-GB');
          assert.ok(text.includes(printed), `${dataset.id}: ${column} ${printed} is in the report`);
        }
      }
    }
  });

  it('is laid out like the seed document, in the language asked, with a chart beside its table', async () => {
    const ko = await buildReport(test.database.db, modules, { year: 2026, language: 'ko' });
    assert.match(ko, /<html lang="ko">/);
    assert.match(ko, /광주광역시 인권도시 연례 보고서 2026/);
    const parts = [...ko.matchAll(/<section id="part-(\w+)"/g)].map((match) => match[1]);
    assert.deepEqual(
      parts,
      ['preamble', 'systems', 'collaboration', 'sdgs', 'un'].filter((part) => parts.includes(part)),
    );
    assert.ok(parts.includes('preamble') && parts.includes('collaboration'), parts.join());
    // The city's population opens the headline figures.
    assert.match(textOf(ko), /광주광역시 인구\s+1,480,000/);
    // Every chart is named for screen readers and followed by the table of its values.
    const charts = [...ko.matchAll(/<figure class="chart"><svg role="img" aria-labelledby="([^"]+)-title"/g)];
    assert.ok(charts.length > 0, 'the report has charts');
    for (const [, id] of charts) {
      const after = ko.slice(ko.indexOf(`aria-labelledby="${id}-title"`));
      assert.ok(after.indexOf('<table>') < after.indexOf('</section>'), `${id}: a table follows its chart`);
    }
  });

  it('charts the column each dataset declares, with every bar named in full and apart', async () => {
    const reported = modules.flatMap((module) => (module.openData ?? []).filter((dataset) => dataset.report));
    for (const language of ['ko', 'en'] as const) {
      const html = await buildReport(test.database.db, modules, { year: 2026, language });
      for (const dataset of reported) {
        const chart = dataset.report?.chart;
        const section = html.slice(html.indexOf(`id="dataset-${dataset.id}"`)).split('</section>')[0] ?? '';
        if (!chart) {
          assert.ok(
            !section.includes('<figure class="chart">'),
            `${dataset.id} declares no chart and has none`,
          );
          continue;
        }
        const names = dataset.columns.map((column) => column.name);
        const labels = chart.label.map((column) => (typeof column === 'string' ? column : column[language]));
        for (const name of [...labels, chart.value]) {
          assert.ok(
            names.includes(name),
            `${dataset.id}: the chart's column ${name} is one of the dataset's`,
          );
        }
        const rows = (await dataset.rows(test.database.db)).filter(
          (row) => typeof row[chart.value] === 'number',
        );
        const svg = section.slice(section.indexOf('<svg'), section.indexOf('</svg>'));
        // Each bar is its label (one text of tspans), its rect and its value: the values are the declared column's.
        const values = [...svg.matchAll(/<\/rect><text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
        const expected = rows.map((row) =>
          (row[chart.value] as number).toLocaleString(language === 'ko' ? 'ko-KR' : 'en-GB'),
        );
        assert.deepEqual(values, expected, `${dataset.id} (${language}) plots ${chart.value}`);
        const barLabels = [...svg.matchAll(/<text text-anchor="end">(.*?)<\/text>/g)].map((match) =>
          textOf(match[1] ?? '')
            .replace(/\s+/g, ' ')
            .trim(),
        );
        assert.equal(barLabels.length, rows.length);
        assert.equal(
          new Set(barLabels).size,
          barLabels.length,
          `${dataset.id} (${language}): no two bars read the same`,
        );
        for (const [index, row] of rows.entries()) {
          const full = labels
            .map((column) => String(row[column] ?? ''))
            .filter(Boolean)
            .join(' · ');
          assert.equal(
            barLabels[index]?.replace(/\s/g, ''),
            full.replace(/\s/g, ''),
            `${dataset.id}: a label is never cut`,
          );
        }
      }
    }
  });

  it('leaves the columns written in Korean out of the English report, and keeps them in the Korean one', async () => {
    const en = await buildReport(test.database.db, modules, { year: 2026, language: 'en' });
    const ko = await buildReport(test.database.db, modules, { year: 2026, language: 'ko' });
    const korean = [];
    for (const dataset of modules.flatMap((module) => module.openData ?? [])) {
      // A dataset with no rows prints no table (the action plan before its tasks are entered).
      if (!dataset.report || (await dataset.rows(test.database.db)).length === 0) continue;
      korean.push(...dataset.columns.filter((column) => column.language === 'ko'));
    }
    assert.ok(korean.length > 0, 'some reported columns are written in Korean');
    for (const column of korean) {
      assert.ok(
        !en.includes(`<th scope="col">${column.description.en}</th>`),
        `${column.name} is not in English`,
      );
      assert.ok(ko.includes(`<th scope="col">${column.description.ko}</th>`), `${column.name} is in Korean`);
    }
  });

  it('breaks a long label into lines between words, never cutting it', () => {
    assert.deepEqual(labelLines('Ensure healthy lives and promote well-being for all', 20), [
      'Ensure healthy lives',
      'and promote',
      'well-being for all',
    ]);
    // Hangul counts double, and a word longer than a line breaks between its characters.
    assert.deepEqual(labelLines('모든 연령층의 건강한 삶 보장', 10), [
      '모든',
      '연령층의',
      '건강한 삶',
      '보장',
    ]);
    assert.deepEqual(labelLines('가나다라마바사아', 6), ['가나다', '라마바', '사아']);
  });

  it('serves the HTML to everyone, with a policy that lets nothing run, and the PDF to staff only', async () => {
    const html = await test.app.inject({ method: 'GET', url: '/api/v1/report/2026.html?lang=en' });
    assert.equal(html.statusCode, 200);
    assert.match(String(html.headers['content-type']), /^text\/html/);
    assert.match(
      String(html.headers['content-security-policy']),
      /default-src 'none'; style-src 'unsafe-inline'/,
    );
    assert.match(html.body, /Gwangju Metropolitan City Human Rights City Annual Report 2026/);
    const again = await test.app.inject({
      method: 'GET',
      url: '/api/v1/report/2026.html?lang=en',
      headers: { 'if-none-match': String(html.headers.etag) },
    });
    assert.equal(again.statusCode, 304);

    const anonymous = await test.app.inject({ method: 'GET', url: '/api/v1/report/2026.pdf' });
    assert.equal(anonymous.statusCode, 401);
    const committee = await signIn(test.app, await createUser(test.database, { role: 'committee' }));
    const refused = await test.app.inject({
      method: 'GET',
      url: '/api/v1/report/2026.pdf',
      headers: committee.headers,
    });
    assert.equal(refused.statusCode, 403);
    const bad = await test.app.inject({ method: 'GET', url: '/api/v1/report/26.html' });
    assert.equal(bad.statusCode, 400);
  });

  it('prints a PDF with a page per part and the Korean font embedded', {
    skip: existsSync(chromiumPath) ? false : 'Chromium is not installed',
  }, async () => {
    const officer = await signIn(test.app, await createUser(test.database, { role: 'officer' }));
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/report/2026.pdf?lang=ko',
      headers: officer.headers,
    });
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.equal(response.headers['cache-control'], 'no-store');
    const pdf = response.rawPayload.toString('latin1');
    assert.ok(pdf.startsWith('%PDF-'));
    const pages = (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
    const parts = (await buildReport(test.database.db, modules, { year: 2026, language: 'ko' })).match(
      /<section id="part-/g,
    )?.length;
    assert.ok(parts && pages >= parts + 1, `${pages} pages for ${parts} parts and the cover`);
    assert.match(pdf, /\/FontName\s*\/[A-Z]{6}\+NotoSansCJK/, 'Noto Sans CJK is embedded (as a subset)');
  });

  it('is written by the command line as HTML, and says how to get Chromium when it is missing', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rightscity-report-'));
    try {
      const out = join(dataDir, 'report.html');
      // The embedded engine in a fresh directory, whichever engine the suite runs on.
      const { DATABASE_URL: _server, ...inherited } = process.env;
      const env = { ...inherited, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
      const cli = (args: string[], extra: Record<string, string> = {}) =>
        spawnSync(process.execPath, ['bin/rightscity.mjs', 'report', '--year', '2026', ...args], {
          env: { ...env, ...extra },
          encoding: 'utf8',
          timeout: 120_000,
        });
      const html = cli(['--lang', 'ko', '--out', out]);
      assert.equal(html.status, 0, html.stderr);
      assert.match(readFileSync(out, 'utf8'), /광주광역시 인권도시 연례 보고서 2026/);
      const pdf = cli(['--format', 'pdf', '--out', join(dataDir, 'report.pdf')], {
        CHROMIUM_PATH: '/nonexistent/chromium',
      });
      assert.equal(pdf.status, 1);
      assert.match(pdf.stderr, /apt-get install chromium fonts-noto-cjk/);
      assert.match(pdf.stderr, /--format html/);
      assert.equal(existsSync(join(dataDir, 'report.pdf')), false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
