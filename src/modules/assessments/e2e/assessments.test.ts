// The assessments pages in Chromium: an officer completes a polling station's checklist with the
// keyboard alone (attaching a PDF as an item's evidence) and takes the assessment to its
// recommendations; the department answers the
// recommendation; the officer tracks the revision and closes the assessment; the public summary then
// shows what was recommended, answered and changed. The template's versions are reached from the
// templates page. Every page of the module passes axe in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type Account,
  assertNoPageErrors,
  checkAccessibility,
  type Harness,
  signIn,
  startHarness,
  waitForHeading,
} from '../../../kernel/web/e2e/harness.ts';
import type { TemplateInput } from '../contract.ts';
import { reviseTemplate } from '../server/commands/write-template.ts';
import { latestTemplates } from '../server/queries.ts';
import { assessmentsDb } from '../server/tables.ts';
import { assessmentInProgress, closedAssessment, officerSession } from '../test/factories.ts';

/** A tiny valid PDF, made here: what the server keeps is decided from its first bytes. */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** Waits until no part of the page says it is still loading. */
const settled = (page: Page) =>
  page
    .locator('main [role="status"]', { hasText: /^(불러오는 중|Loading)…$/ })
    .first()
    .waitFor({ state: 'detached' });

/** The label of the control that has focus, as a screen reader would name it. */
const focusedLabel = (page: Page) =>
  page.evaluate(
    () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ?? '',
  );

/** Presses Tab and checks where focus went: the checklist's order must be the reading order. */
async function tabExpecting(page: Page, label: RegExp): Promise<void> {
  await page.keyboard.press('Tab');
  assert.match(await focusedLabel(page), label);
}

describe('the assessments pages in the browser', () => {
  let harness: Harness;
  let officer: Account;
  let department: Account;
  let assessmentId: number;
  let subjectId: number;
  let summaryId: number;

  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer');
    department = await harness.createAccount('department', 'Roads', { departmentCode: 'ROADS' });
    const db = harness.database.db;
    const session = officerSession(officer.id);
    ({ assessmentId, subjectId } = await assessmentInProgress(
      db,
      session,
      {
        title: 'Buk-gu community centre polling station',
        departmentCode: 'ROADS',
        details: { kind: 'polling_station', address: '1 Example-ro', district: 'buk-gu' },
      },
      'polling-station',
    ));
    const enterprise = {
      title: 'Sample Urban Corporation',
      departmentCode: 'ROADS',
      details: { kind: 'enterprise' as const, sector: 'Transport' },
    };
    const rate = (itemKey: string, rating: number) => ({
      itemKey,
      rating,
      notApplicable: false,
      evidence: 'Document',
      finding: '',
    });
    summaryId = await closedAssessment(db, session, enterprise, 'enterprise-ungp', [
      rate('declaration', 2),
      rate('impact-assessment', 1),
      rate('grievance', 3),
    ]);
    // A second version of the checklist: the assessment above keeps version 1.
    const [current] = await latestTemplates(assessmentsDb(db), 'polling-station');
    if (!current) throw new Error('the polling station template is not loaded');
    const sections = current.sections.map((section, index) =>
      index === 0
        ? { ...section, items: section.items.map((item) => ({ ...item, weight: item.weight + 1 })) }
        : section,
    );
    const input: TemplateInput = {
      subjectKind: current.subject_kind,
      title: { ko: current.title_ko, en: current.title_en },
      sections,
    };
    await reviseTemplate(db, { userId: officer.id }, 'polling-station', input, current.version);
  });
  after(() => harness?.close());

  it('lets an assessor rate the checklist by keyboard and the department answer; the public sees the result', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, `/assessments/work/${assessmentId}`);
    await waitForHeading(page, /^Assessment: Buk-gu community centre polling station/);
    await settled(page);
    // From the heading, Tab on to the first rating; then each item is rated, evidenced and saved in
    // the same order, by keyboard alone.
    await page.locator('h1').focus();
    for (let presses = 0; presses < 40 && !(await focusedLabel(page)).startsWith('Rating'); presses++) {
      await page.keyboard.press('Tab');
    }
    const ratings = [4, 3, 2, 4, 1, 0];
    // The third item ("ground floor") requires evidence: a PDF attached by keyboard stands for it.
    const withFile = 2;
    for (const [index, rating] of ratings.entries()) {
      if (index > 0) {
        // Each item offers its evidence file before its rating.
        await tabExpecting(page, /^Evidence file for "/);
        if (index === withFile) {
          await page
            .locator(':focus')
            .setInputFiles({ name: 'ramp-photo.pdf', mimeType: 'application/pdf', buffer: pdf });
        }
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.textContent ?? ''), 'Upload the file');
        if (index === withFile) {
          await page.keyboard.press('Enter');
          await page.getByText('ramp-photo.pdf was uploaded.').waitFor({ state: 'attached' });
          await page.getByRole('link', { name: /^ramp-photo\.pdf \(PDF, 1 KB\)$/ }).waitFor();
        }
        await tabExpecting(page, /^Rating \(0–4\)/);
      }
      assert.match(await focusedLabel(page), /^Rating \(0–4\)/);
      await page.keyboard.press(String(rating));
      await tabExpecting(page, /^Not applicable/);
      await tabExpecting(page, /^Evidence/);
      if (index !== withFile) await page.keyboard.type(`Site visit photo ${index + 1}`);
      await tabExpecting(page, /^Finding/);
      await page.keyboard.press('Tab');
      assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /^Save "/);
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: /" saved\.$/ })
        .waitFor();
      await page.getByText(`${index + 1} of 6 applicable items rated`).waitFor();
    }
    // Weights 2,1 | 3,2 | 2,1 on a scale of 4: (2·4 + 1·3 + 3·2 + 2·4 + 2·1 + 1·0) / 4 / 11 = 61.4 %.
    await page.getByText('Overall score: 61.4').waitFor();
    await checkAccessibility(page, 'the rated checklist (en)');
    const href = await page.getByRole('link', { name: /^ramp-photo\.pdf/ }).getAttribute('href');
    const downloaded = await page.evaluate(async (url) => {
      const response = await fetch(url ?? '', { credentials: 'same-origin' });
      return { status: response.status, start: (await response.text()).slice(0, 5) };
    }, href);
    assert.deepEqual(downloaded, { status: 200, start: '%PDF-' });

    await page.getByRole('button', { name: 'Go on to recommendations' }).click();
    await page.getByText('The assessment has moved to "Recommendations".').waitFor();
    await page.getByRole('textbox', { name: /^Recommendation/ }).fill('Install a ramp at the side entrance.');
    await page.getByRole('button', { name: 'Add the recommendation' }).click();
    await page.getByText('Recommendation added.').waitFor();
    await page.getByRole('button', { name: 'Send the recommendations to the department' }).click();
    await page.getByText('The assessment has moved to "Department response".').waitFor();

    const departmentPage = await harness.newPage({ language: 'ko' });
    await signIn(departmentPage, department, `/assessments/work/${assessmentId}`);
    await waitForHeading(departmentPage, /^평가: Buk-gu community centre polling station/);
    await settled(departmentPage);
    assert.equal(
      await departmentPage.getByRole('button', { name: /저장/ }).count(),
      0,
      'no rating of its own subject',
    );
    await departmentPage.getByLabel(/^답변/).selectOption('partly');
    await departmentPage.getByRole('button', { name: '답변 보내기' }).click();
    await departmentPage
      .getByRole('alert')
      .getByText(/까닭을 적어/)
      .waitFor();
    await departmentPage
      .getByLabel(/^까닭/)
      .fill('The ramp is budgeted for next year; a portable ramp meanwhile.');
    await departmentPage.getByRole('button', { name: '답변 보내기' }).click();
    await departmentPage.getByText('답변을 보냈습니다.').waitFor();
    await departmentPage.getByRole('link', { name: /^ramp-photo\.pdf/ }).waitFor();
    await checkAccessibility(departmentPage, 'the department’s response (ko)');

    await page.reload();
    await settled(page);
    await page.getByRole('button', { name: 'Start revision tracking' }).click();
    await page.getByText('The assessment has moved to "Revision tracking".').waitFor();
    await page.getByLabel(/^What changed/).fill('Portable ramp placed at the side entrance');
    await page.getByLabel(/^Date of the change/).fill('2026-04-01');
    await page.getByLabel(/^Evidence \(gazette/).fill('Photo of 1 April');
    await page.getByRole('button', { name: 'Record the change' }).click();
    await page.getByText('Change recorded.').waitFor();
    await page.getByLabel(/^Evidence file for change 1/).waitFor();
    await checkAccessibility(page, 'revision tracking with its evidence upload (en)');
    await page.getByLabel(/^Public summary/).fill('Access to the polling station assessed on site.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Scope and summary saved.').waitFor();
    await page.getByRole('button', { name: 'Close the assessment (publishes the result)' }).click();
    await page.getByText('The assessment has moved to "Closed".').waitFor();

    const visitor = await harness.newPage({ language: 'en' });
    await visitor.goto('/assessments');
    await waitForHeading(visitor, 'Human rights impact assessment and management');
    await settled(visitor);
    await visitor.getByRole('link', { name: 'Buk-gu community centre polling station' }).click();
    await waitForHeading(visitor, 'Assessment result: Buk-gu community centre polling station');
    await visitor.getByText('Install a ramp at the side entrance.').waitFor();
    await visitor.getByText(/Partly accepted · Reasons: The ramp is budgeted/).waitFor();
    await visitor.getByText(/Portable ramp placed at the side entrance/).waitFor();
    await visitor.getByText('Access to the polling station assessed on site.').waitFor();
    assertNoPageErrors(visitor);
    const renovated = visitor.getByRole('row', { name: /Polling stations renovated/ });
    await visitor.goto('/assessments');
    await settled(visitor);
    const districtPage = await fetch(`${harness.baseUrl}/api/v1/vocabularies/districts/buk-gu`);
    assert.match(await districtPage.text(), new RegExp(`/assessments/summaries/${assessmentId}`));
    assert.match((await renovated.textContent()) ?? '', /22\D*1\D*23$/, 'historical 22 + 1 tracked = 23');
  });

  it('passes axe on every page of the module in both languages', async () => {
    const pages: [string, RegExp][] = [
      ['/assessments', /^(인권영향평가와 인권경영|Human rights impact assessment and management)$/],
      [`/assessments/summaries/${summaryId}`, /^(평가 결과|Assessment result): Sample Urban Corporation$/],
      [
        '/assessments/enterprises',
        /^(공공기관 인권경영 비교|Municipal enterprises’ human rights management compared)$/,
      ],
      ['/assessments/work', /^(인권영향평가 업무|Impact assessment work)$/],
      [`/assessments/work/${assessmentId}`, /^(평가|Assessment): Buk-gu/],
      [`/assessments/subjects/${subjectId}`, /^(평가 대상|Subject): Buk-gu/],
      ['/assessments/templates', /^(평가표|Assessment templates)$/],
      ['/assessments/templates/polling-station/versions', /^(평가표 판 이력|Template versions): /],
    ];
    for (const language of ['ko', 'en'] as const) {
      const page = await harness.newPage({ language });
      await signIn(page, officer, '/assessments');
      for (const [path, heading] of pages) {
        await page.goto(path);
        await waitForHeading(page, heading);
        await settled(page);
        await checkAccessibility(page, `${path} (${language})`);
      }
    }
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/assessments/templates');
    await waitForHeading(page, 'Assessment templates');
    await settled(page);
    await page
      .getByRole('link', {
        name: 'Versions of Polling station access assessment (platform default template)',
      })
      .click();
    await waitForHeading(
      page,
      'Template versions: Polling station access assessment (platform default template)',
    );
    await settled(page);
    const version1 = page.getByRole('region', { name: /^Version 1: / });
    await version1.getByRole('link', { name: /^Buk-gu community centre polling station/ }).waitFor();
    await version1.getByText('This is the first version.').waitFor();
    const version2 = page.getByRole('region', { name: /^Version 2: / });
    await version2
      .getByText(/^Item changed: .+ \(weight\)$/)
      .first()
      .waitFor();
    await version2.getByText('No assessment uses this version.').waitFor();
    await page.goto('/assessments/enterprises');
    await settled(page);
    await page.getByRole('img', { name: /Overall human rights management score by enterprise/ }).waitFor();
  });
});
