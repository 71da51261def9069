// The plan's pages in Chromium: an officer adds a task (with a cooperating department, a tag and a
// milestone set by keyboard, a validation error landing on its field first), the lead department
// reports on it and attaches a PDF, the officer accepts the report, and the public page shows the
// new progress and the milestone; a file attached by mistake is removed by keyboard after an inline
// confirmation. Axe runs on every page of the module in Korean and in English.
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
  waitForLoaded,
} from '../../../kernel/web/e2e/harness.ts';

const year = 2026;
/** The smallest file the server takes for a PDF: it decides by the first bytes, `%PDF-`. */
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** What the page's hidden announcer (the shell's live region) says now. */
async function announced(page: Page, text: string | RegExp): Promise<void> {
  await page
    .locator('.visually-hidden[role="status"]')
    .filter({ hasText: text })
    .waitFor({ state: 'attached' });
}

async function isFocused(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((id) => document.activeElement?.id === id, selector);
}

describe('the plan’s pages in the browser', () => {
  let harness: Harness;
  let officer: Account;
  let department: Account;
  let committee: Account;
  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer');
    // DHRP-DHR is the Democracy and Human Rights Division of datasets/gwangju/departments.csv.
    department = await harness.createAccount('department', 'Division user', { departmentCode: 'DHRP-DHR' });
    committee = await harness.createAccount('committee');
  });
  after(() => harness?.close());

  it('shows the basic plans, the sample year and a sample task to everyone, in both languages', async () => {
    for (const language of ['ko', 'en'] as const) {
      const page = await harness.newPage({ language });
      await page.goto('/plan');
      await waitForHeading(
        page,
        language === 'ko' ? '인권도시 기본계획과 시행계획' : 'Basic plans and annual action plans',
      );
      await waitForLoaded(page);
      await page
        .getByText(
          language === 'ko' ? '연차별 시행계획의 정책과제 수' : 'Policy tasks in the annual action plan',
        )
        .waitFor();
      await page.getByText('123', { exact: true }).waitFor();
      await checkAccessibility(page, `the plans page (${language})`);

      await page
        .getByRole('link', { name: language === 'ko' ? '2022년 시행계획' : 'The 2022 action plan' })
        .click();
      await waitForHeading(
        page,
        language === 'ko' ? '2022년 인권도시 시행계획' : 'The 2022 human rights city action plan',
      );
      await waitForLoaded(page);
      await page
        .getByRole('img', { name: language === 'ko' ? /분야별 진척도/ : /Progress by area/ })
        .waitFor();
      await checkAccessibility(page, `the 2022 action plan (${language})`);

      await page.getByRole('link', { name: /Review of mobility rights|장애인 이동권 점검/ }).click();
      await waitForHeading(page, /S-1-1/);
      await waitForLoaded(page);
      await page.getByText(language === 'ko' ? /상반기 점검/ : /Mid-year review/).waitFor();
      await checkAccessibility(page, `a sample task (${language})`);
    }
  });

  it('takes a task from its creation through a department report and its acceptance to the public page', async () => {
    const office = await harness.newPage({ language: 'ko' });
    await signIn(office, officer, `/plan/staff?year=${year}`);
    await waitForHeading(office, '시행계획 과제 관리');
    await waitForLoaded(office);
    await checkAccessibility(office, 'the staff page without tasks (ko)');
    await office.getByLabel(/^과제 코드/).fill('E2E-1');
    await office.getByLabel(/^분야/).selectOption('social-minorities');
    await office.getByLabel(/^과제명\(한국어\)/).fill('브라우저 시험 과제');
    await office.getByLabel(/^과제명\(영어\)/).fill('Browser test task');
    await office.getByLabel(/^주관 부서/).selectOption('DHRP-DHR');
    await office.getByLabel(/^계획 예산/).fill('2000000');

    // By keyboard: a cooperating department, a target group, and a milestone (a second one added
    // and removed again), each change said aloud.
    await office.getByRole('checkbox', { name: '5·18선양과' }).focus();
    await office.keyboard.press('Space');
    assert.equal(await office.getByRole('checkbox', { name: '5·18선양과' }).isChecked(), true);
    await office.getByLabel('더할 대상 집단').focus();
    await office.keyboard.press('ArrowDown');
    assert.equal(await office.getByLabel('더할 대상 집단').inputValue(), 'women');
    await office.keyboard.press('Tab');
    await office.keyboard.press('Enter');
    await announced(office, '대상 집단에 여성을(를) 더했습니다.');
    await office.getByRole('button', { name: '빼기 여성' }).waitFor();
    await office.getByLabel(/^관련 인권지표 코드/).fill('1-1');
    const addMilestone = office.getByRole('button', { name: '일정 더하기' });
    await addMilestone.focus();
    await office.keyboard.press('Enter');
    await announced(office, '일정 1을(를) 더했습니다.');
    assert.ok(await isFocused(office, 'field-milestones.0.date'), 'focus moves to the new milestone');
    await office.getByLabel(/^날짜/).fill('2026-06-30');
    // Tab would walk the date's own parts (year, month, day) first.
    await office.getByLabel(/^내용\(한국어\)/).focus();
    await office.keyboard.type('상반기 점검 회의');
    await addMilestone.focus();
    await office.keyboard.press('Enter');
    await announced(office, '일정 2을(를) 더했습니다.');
    assert.ok(await isFocused(office, 'field-milestones.1.date'));
    await office.getByRole('button', { name: '일정 2 빼기' }).focus();
    await office.keyboard.press('Enter');
    await announced(office, '일정 2을(를) 뺐습니다. 남은 일정: 1개');
    assert.ok(await isFocused(office, 'field-milestones.0.date'), 'focus moves to the row left');
    assert.equal(await office.getByRole('group', { name: /^일정 \d/ }).count(), 1);

    // The milestone's English text is missing: the error is on that field and the summary links to it.
    await office.getByRole('button', { name: '과제 추가' }).click();
    const summary = office.locator('.error-summary');
    await summary.waitFor();
    const english = office.getByLabel(/^내용\(영어\)/);
    assert.equal(await english.getAttribute('aria-invalid'), 'true');
    await checkAccessibility(office, 'the task form with a milestone error (ko)');
    await summary.getByRole('link').first().click();
    assert.ok(await isFocused(office, 'field-milestones.0.en'), 'the summary link lands on the field');
    await office.keyboard.type('Mid-year review meeting');
    await office.getByRole('button', { name: '과제 추가' }).click();
    await office.getByText('과제 E2E-1를 추가했습니다.').waitFor();
    await office.getByRole('link', { name: '브라우저 시험 과제', exact: true }).waitFor();
    await checkAccessibility(office, 'the staff page with a task (ko)');

    const division = await harness.newPage({ language: 'ko' });
    await signIn(division, department, `/plan/staff?year=${year}`);
    await waitForHeading(division, '시행계획 과제 관리');
    await waitForLoaded(division);
    assert.equal(
      await division.getByRole('heading', { name: '과제 추가' }).count(),
      0,
      'a department adds no task',
    );
    await division.getByRole('link', { name: '브라우저 시험 과제', exact: true }).click();
    await waitForHeading(division, '과제 E2E-1: 브라우저 시험 과제');
    await waitForLoaded(division);
    await checkAccessibility(division, 'the task page for its department (ko)');
    await division.getByLabel(/^보고 기간/).selectOption(`${year}-Q1`);
    await division.getByLabel(/^상태/).selectOption('completed');
    await division.getByLabel(/^추진 내용/).fill('계획대로 마쳤습니다.');
    await division.getByLabel(/^집행 예산/).fill('1500000');
    await division.getByRole('button', { name: '보고 제출' }).click();
    await division.getByText(`${year}-Q1 보고를 제출했습니다.`).waitFor();
    await division.getByRole('cell', { name: '검토 대기' }).first().waitFor();
    await checkAccessibility(division, 'the task page after a report (ko)');
    await division
      .getByLabel(new RegExp(`^${year}-Q1 보고에 붙일 파일`))
      .setInputFiles({ name: '증빙 회의록.pdf', mimeType: 'application/pdf', buffer: pdf });
    await division.getByRole('button', { name: '파일 올리기' }).click();
    await division.getByText(`${year}-Q1 보고에 증빙 회의록.pdf 파일을 붙였습니다.`).waitFor();
    const evidence = division
      .getByRole('row', { name: /검토 대기/ })
      .getByRole('link', { name: /증빙 회의록\.pdf/ });
    await evidence.waitFor();
    await checkAccessibility(division, 'the task page with an evidence file (ko)');

    await office.getByRole('link', { name: '브라우저 시험 과제', exact: true }).click();
    await waitForHeading(office, '과제 E2E-1: 브라우저 시험 과제');
    await waitForLoaded(office);
    await checkAccessibility(office, 'the task page awaiting review (ko)');
    const href = await office.getByRole('link', { name: /증빙 회의록\.pdf/ }).getAttribute('href');
    assert.deepEqual(
      await office.evaluate(async (url) => {
        const response = await fetch(url ?? '');
        return [response.status, (await response.text()).slice(0, 5)];
      }, href),
      [200, '%PDF-'],
      'the office downloads the evidence',
    );
    await office.getByRole('group', { name: /^일정 1/ }).waitFor();
    assert.equal(await office.getByLabel(/^내용\(영어\)/).inputValue(), 'Mid-year review meeting');
    await office.getByRole('button', { name: '빼기 여성' }).waitFor();
    assert.equal(await office.getByRole('checkbox', { name: '5·18선양과' }).isChecked(), true);
    await office.getByRole('button', { name: `${year}-Q1 보고 승인` }).click();
    await office.getByText('보고를 검토했습니다.').waitFor();
    await office.getByRole('cell', { name: '승인', exact: true }).first().waitFor();

    const visitor = await harness.newPage({ language: 'ko' });
    await visitor.goto(`/plan/${year}`);
    await waitForHeading(visitor, `${year}년 인권도시 시행계획`);
    await waitForLoaded(visitor);
    const row = visitor.getByRole('row', { name: /브라우저 시험 과제/ });
    await row.getByRole('cell', { name: '100%' }).waitFor();
    await row.getByRole('cell', { name: '완료' }).waitFor();
    await checkAccessibility(visitor, `the ${year} action plan after the acceptance (ko)`);
    await row.getByRole('link', { name: '브라우저 시험 과제', exact: true }).click();
    await waitForHeading(visitor, '과제 E2E-1: 브라우저 시험 과제');
    await visitor.getByText(`${year}-Q1 보고 승인: 완료, 진척도 100%`).waitFor();
    await visitor.getByText('상반기 점검 회의').waitFor();
    // The register's links, read through its public API: none yet for this task.
    await visitor
      .getByRole('region', { name: '이 과제로 이행하는 권고' })
      .getByText('이 과제에 연결된 공개 권고가 없습니다.')
      .waitFor();
    assertNoPageErrors(visitor);
  });

  it('passes axe on the staff pages in English, with the committee’s comment and the office’s answer', async () => {
    const member = await harness.newPage({ language: 'en' });
    await signIn(member, committee, `/plan/staff?year=${year}`);
    await waitForHeading(member, 'Action plan tasks');
    await waitForLoaded(member);
    await checkAccessibility(member, 'the staff page for the committee (en)');
    await member.getByRole('link', { name: 'Browser test task', exact: true }).click();
    await waitForHeading(member, 'Task E2E-1: Browser test task');
    await waitForLoaded(member);
    await member.getByLabel(/^Comment/).fill('Please publish the evidence.');
    await member.getByRole('button', { name: 'Add the comment' }).click();
    await member.getByText('The comment was added.').waitFor();
    await checkAccessibility(member, 'the task page for the committee (en)');

    const office = await harness.newPage({ language: 'en' });
    await signIn(office, officer, `/plan/staff?year=${year}`);
    await waitForHeading(office, 'Action plan tasks');
    await waitForLoaded(office);
    await checkAccessibility(office, 'the staff page for the office (en)');
    await office.getByRole('link', { name: 'Browser test task', exact: true }).click();
    await waitForHeading(office, 'Task E2E-1: Browser test task');
    await waitForLoaded(office);
    await office.getByLabel(/^Comment/).fill('Published on the city site.');
    await office.getByRole('button', { name: 'Answer' }).click();
    await office.getByText('The comment was added.').waitFor();
    await office.getByText('(Answer to comment').waitFor();
    await checkAccessibility(office, 'the task page for the office (en)');
    // A malformed indicator code: the API names the list's entry, the form shows it on the field.
    const indicators = office.getByLabel(/^Linked indicator codes/);
    await indicators.fill('1-1, one');
    await office.getByRole('button', { name: 'Save the changes' }).click();
    await office.locator('.error-summary').waitFor();
    assert.equal(await indicators.getAttribute('aria-invalid'), 'true');
    await checkAccessibility(office, 'the task form with an indicator error (en)');
    await indicators.fill('1-1, 2-3');
    await office.getByLabel(/^Budget planned/).fill('2500000');
    await office.getByRole('button', { name: 'Save the changes' }).click();
    await office.getByText('Task E2E-1 was saved.').waitFor();
    await office.getByRole('definition').filter({ hasText: 'KRW 2,500,000' }).waitFor();

    await office.getByRole('link', { name: 'Back to the action plan tasks' }).click();
    await waitForHeading(office, 'Action plan tasks');
    await waitForLoaded(office);
    await office.getByLabel(/^Reports per year/).selectOption('2');
    await office.getByLabel(/^Yearly review \(Korean\)/).fill('상반기에 계획대로 추진했습니다.');
    await office.getByLabel(/^Yearly review \(English\)/).fill('The first half went to plan.');
    await office.getByRole('button', { name: 'Save reporting and review' }).click();
    await office.getByText(`The settings of ${year} were saved.`).waitFor();
    await office.getByText('Reports per year: Half-yearly').waitFor();
    await checkAccessibility(office, 'the staff page with a yearly review (en)');

    const administrator = await harness.newPage({ language: 'en' });
    await signIn(administrator, await harness.createAccount('admin'), `/plan/staff?year=${year}`);
    await waitForHeading(administrator, 'Action plan tasks');
    await waitForLoaded(administrator);
    await administrator.getByLabel(/^Status code/).fill('delayed');
    await administrator.getByLabel(/^Name \(Korean\)/).fill('지연');
    await administrator.getByLabel(/^Name \(English\)/).fill('Delayed');
    await administrator.getByLabel(/^Progress \(%\)/).fill('10');
    await administrator.getByRole('button', { name: 'Save the status' }).click();
    await administrator.getByText('Status delayed was saved.').waitFor();
    await administrator.getByRole('rowheader', { name: '지연' }).waitFor();
    await checkAccessibility(administrator, 'the staff page with the status list (en)');

    const division = await harness.newPage({ language: 'en' });
    await signIn(division, department, '/plan/staff/tasks/1');
    await waitForHeading(division, /^Task S-1: /);
    await waitForLoaded(division);
    await checkAccessibility(division, 'a task page for its department (en)');

    await division.goto(`/plan/staff?year=${year}`);
    await waitForHeading(division, 'Action plan tasks');
    await waitForLoaded(division);
    await division.getByRole('link', { name: 'Browser test task', exact: true }).click();
    await waitForHeading(division, 'Task E2E-1: Browser test task');
    await waitForLoaded(division);
    await division.getByLabel(/^Reporting period/).selectOption(`${year}-H2`);
    await division.getByLabel(/^Status/).selectOption('in-progress');
    await division.getByLabel(/^What was done/).fill('Second half under way.');
    await division.getByRole('button', { name: 'Submit the report' }).click();
    await division.getByText(`The report for ${year}-H2 was submitted.`).waitFor();
    const fileField = division.getByLabel(new RegExp(`^File for the ${year}-H2 report`));
    await fileField.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('notes'),
    });
    await division.getByRole('button', { name: 'Upload the file' }).click();
    await division
      .locator('.error-summary')
      .getByText(/notes\.txt: only PDF/)
      .waitFor();
    assert.equal(await fileField.getAttribute('aria-invalid'), 'true');
    await checkAccessibility(division, 'the evidence upload with a refused file (en)');
    await fileField.setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: pdf });
    await division.getByRole('button', { name: 'Upload the file' }).click();
    await division.getByText(`minutes.pdf was attached to the ${year}-H2 report.`).waitFor();
    await division
      .getByRole('row', { name: /Awaiting review/ })
      .getByRole('link', { name: /minutes\.pdf/ })
      .waitFor();
    await checkAccessibility(division, 'the task page with an evidence file (en)');

    // A file sent by mistake: removed by keyboard, after a confirmation that takes the focus.
    await fileField.setInputFiles({ name: 'wrong.pdf', mimeType: 'application/pdf', buffer: pdf });
    await division.getByRole('button', { name: 'Upload the file' }).click();
    await division.getByText(`wrong.pdf was attached to the ${year}-H2 report.`).waitFor();
    await division.getByRole('button', { name: 'Remove wrong.pdf' }).focus();
    await division.keyboard.press('Enter');
    const confirmRemoval = division.getByRole('button', { name: 'Confirm removal of wrong.pdf' });
    await confirmRemoval.waitFor();
    assert.equal(
      await division.evaluate(() => document.activeElement?.textContent),
      'Confirm removal of wrong.pdf',
      'the confirmation takes the focus',
    );
    await division.getByText('Remove wrong.pdf? This cannot be undone.').waitFor();
    await checkAccessibility(division, 'the confirmation of a file removal (en)');
    await division.keyboard.press('Enter');
    await announced(division, 'wrong.pdf was removed.');
    await division
      .getByRole('link', { name: /wrong\.pdf/ })
      .first()
      .waitFor({ state: 'detached' });
    await division.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Remove minutes.pdf',
    );
    await division
      .getByRole('row', { name: /Awaiting review/ })
      .getByRole('link', { name: /minutes\.pdf/ })
      .waitFor();
    await checkAccessibility(division, 'the task page after a file removal (en)');
    assertNoPageErrors(division);
  });
});
