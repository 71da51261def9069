// One indicator through the yearly cycle in Chromium: the office confirms its target from the
// proposal; the responsible department enters the year's values by form, is told on the field that a
// large change needs a comment, adds a breakdown, and sees its completeness; the office moves the
// cycle on; the committee reads the generated report and comments; the office closes the year; and
// the public page shows the value. Every page passes axe, the public one in both languages.
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
import { apiSession } from './seed-data.ts';

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('main [role="status"]')].some((region) =>
        region.textContent?.includes('…'),
      ),
  );
}

describe('one indicator through the yearly cycle in the browser', () => {
  let harness: Harness;
  let officer: Account;
  let department: Account;
  let committee: Account;
  let token = '';

  const moveCycle = async (page: Page, button: string, step: string) => {
    await page.getByRole('button', { name: button }).click();
    await page.getByText(`The 2024 cycle has moved to "${step}".`).waitFor();
  };

  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer');
    department = await harness.createAccount('department', 'Democracy and Human Rights Division', {
      departmentCode: 'DHRP-DHR',
    });
    committee = await harness.createAccount('committee');
    const call = await apiSession(harness.baseUrl, officer);
    const { indicator } = (await call('GET', '/indicators/1-1')) as unknown as {
      indicator: Record<string, unknown>;
    };
    const kept = ['ohchrType', 'kind', 'status', 'task', 'unit', 'numerator', 'denominator', 'dataSource']
      .concat(['periodicity', 'baseline', 'target', 'minValue', 'changeThresholdPercent', 'tags'])
      .map((key) => [key, indicator[key]]);
    await call('PUT', '/indicators/1-1', {
      ...Object.fromEntries(kept),
      version: indicator.version,
      direction: 'increase',
      responsibleDepartment: 'DHRP-DHR',
      maxValue: 100,
    });
    await call('POST', '/indicators/1-1/observations', 'Year,Value\n2023,40\n');
    await call('POST', '/indicators/cycles', { year: 2024 });
    const qualitative = (await call('GET', '/indicators/2-1')) as unknown as {
      indicator: Record<string, unknown>;
    };
    await call('PUT', '/indicators/2-1', {
      ...Object.fromEntries(kept.map(([key]) => [key as string, qualitative.indicator[key as string]])),
      version: qualitative.indicator.version,
      kind: 'qualitative',
      direction: null,
      responsibleDepartment: null,
      maxValue: null,
    });
    const questionnaire = await call('PUT', '/indicators/cycles/2024/questionnaires/2-1', {
      version: 0,
      title: { ko: '시민 인권 인식 조사', en: 'Residents’ human rights survey' },
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
            { ko: '인권교육', en: 'Human rights education' },
          ],
        },
        { kind: 'text', prompt: { ko: '하고 싶은 말', en: 'Anything else?' } },
      ],
    });
    token = questionnaire.token as unknown as string;
  });
  after(() => harness?.close());

  it('lets the office confirm the target proposed from last year’s value', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/indicators/targets');
    await waitForHeading(page, 'Indicator targets and plans');
    await settled(page);
    await page.getByText("Proposal: last year's target none, latest value 40 (2023)").waitFor();
    assert.equal(await page.getByLabel(/^Target value/).inputValue(), '40');
    await checkAccessibility(page, 'the targets page (en)');
    await page.getByLabel(/^Target value/).fill('50');
    await page.getByLabel(/^Target year/).fill('2026');
    await page.getByLabel(/^Implementation plan/).fill('Survey every district.');
    await page.getByRole('button', { name: 'Save the target and plan' }).click();
    await page.getByText('The target and plan of indicator 1-1 are saved.').waitFor();
    await page
      .getByRole('row', { name: /^1-1 Protection of privacy 50 \(2026\) Survey every district\. Confirmed$/ })
      .waitFor();
    await checkAccessibility(page, 'the targets page after saving (en)');
    const korean = await harness.newPage({ language: 'ko' });
    await signIn(korean, officer, '/staff/indicators/targets');
    await waitForHeading(korean, '인권지표 목표와 추진계획');
    await settled(korean);
    await checkAccessibility(korean, 'the targets page (ko)');

    await page.goto('/staff/indicators/cycles');
    await waitForHeading(page, 'Indicator assessment cycle');
    await settled(page);
    await moveCycle(page, 'Start data collection', 'Data collection');
    assertNoPageErrors(page);
  });

  it('lets the responsible department enter the values, with a comment for a large change', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, department, '/staff/indicators/entry');
    await waitForHeading(page, '인권지표 값 입력');
    await settled(page);
    const choices = await page.getByLabel(/^지표/).locator('option').allTextContents();
    assert.deepEqual(choices, ['1-1 사생활 보호'], 'only the department’s own indicator');
    await page.getByText('지난해 값: 40').waitFor();
    await page.getByLabel(/^값: 전체/).fill('60');
    await page.getByRole('button', { name: '값 저장' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /30%보다 크게 바뀌었습니다/ })
      .waitFor();
    assert.equal(await page.getByLabel(/^설명: 전체/).getAttribute('aria-invalid'), 'true');
    await checkAccessibility(page, 'the value entry page with an error (ko)');

    await page.getByLabel(/^분류/).selectOption('Sex');
    await page.getByLabel(/^항목/).fill('female');
    await page.getByRole('button', { name: '분류 더하기' }).click();
    await page.getByLabel(/^값: Sex female/).fill('58');
    await page.getByLabel(/^설명: 전체/).fill('조사 대상을 모든 구로 넓혔습니다.');
    await page.getByRole('button', { name: '값 저장' }).click();
    await page.getByText('1-1 지표의 2024년 값을 저장했습니다.').waitFor();
    await page.getByText('DHRP-DHR: 1개 중 1개 입력').waitFor();
    await page.getByRole('row', { name: /사생활 보호 입력함/ }).waitFor();
    await checkAccessibility(page, 'the value entry page after saving (ko)');
    const english = await harness.newPage({ language: 'en' });
    await signIn(english, department, '/staff/indicators/entry');
    await waitForHeading(english, 'Indicator value entry');
    await settled(english);
    await english.getByText('Last year: 40').waitFor();
    await checkAccessibility(english, 'the value entry page (en)');
    assertNoPageErrors(page);
  });

  it('takes anonymous answers to a questionnaire through its public link, in both languages', async () => {
    const korean = await harness.newPage({ language: 'ko' });
    await korean.goto(`/questionnaires/${token}`);
    await waitForHeading(korean, '설문: 시민 인권 인식 조사');
    await settled(korean);
    await checkAccessibility(korean, 'the public questionnaire (ko)');

    const page = await harness.newPage({ language: 'en' });
    await page.goto(`/questionnaires/${token}`);
    await waitForHeading(page, 'Questionnaire: Residents’ human rights survey');
    await settled(page);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('alert').getByText('Answer at least one question.').waitFor();
    await checkAccessibility(page, 'the public questionnaire with an error (en)');
    await page
      .getByRole('group', { name: /Do you feel respected/ })
      .getByLabel('4', { exact: true })
      .check();
    await page.getByLabel('Seo-gu').check();
    await page.getByLabel('Ombudsman').check();
    await page.getByRole('textbox', { name: 'Anything else?' }).fill('More parks, please.');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Thank you: your answers are recorded.').waitFor();
    await page.getByText('Responses: fewer than 5').waitFor();
    assert.equal(await page.getByText('More parks, please.').count(), 0, 'free text is not published');
    await checkAccessibility(page, 'the public questionnaire after answering (en)');
    assertNoPageErrors(page);
  });

  it('takes the cycle to the committee, who read the report and comment, then closes the year', async () => {
    const office = await harness.newPage({ language: 'en' });
    await signIn(office, officer, '/staff/indicators/cycles');
    await waitForHeading(office, 'Indicator assessment cycle');
    await settled(office);
    await moveCycle(office, 'Start the self-assessment', 'Self-assessment');
    const call = await apiSession(harness.baseUrl, officer);
    await call('PUT', '/indicators/cycles/2024/assessments/1', {
      version: 0,
      score: 3,
      narrative: 'Privacy improved after the survey was widened.',
    });
    await moveCycle(office, "Report to the citizens' committee", "Report to the citizens' committee");

    const page = await harness.newPage({ language: 'en' });
    await signIn(page, committee, '/staff/indicators/report');
    await waitForHeading(page, 'Indicator assessment report');
    await settled(page);
    await page.getByRole('heading', { level: 2, name: '1. Participation & Communication' }).waitFor();
    await page.getByText('Privacy improved after the survey was widened.').waitFor();
    await page.getByRole('row', { name: /^1-1 Protection of privacy 50 \(by 2026\) 60 / }).waitFor();
    await checkAccessibility(page, 'the report page (en)');
    await page.getByLabel(/^Comment/).fill('Please publish the data by district next year.');
    await page.getByRole('button', { name: 'Send the comment' }).click();
    await page.getByText('Your comment is recorded.').waitFor();
    await page.getByText('Please publish the data by district next year.').waitFor();
    await checkAccessibility(page, 'the report page with a comment (en)');
    const korean = await harness.newPage({ language: 'ko' });
    await signIn(korean, committee, '/staff/indicators/report');
    await waitForHeading(korean, '인권지표 평가 보고서');
    await settled(korean);
    await korean.getByText('점수: 3/5').waitFor();
    await checkAccessibility(korean, 'the report page (ko)');
    assertNoPageErrors(page);

    await moveCycle(office, 'Start complementation', 'Complementation');
    await moveCycle(office, 'Start collecting results', 'Collection of results');
    await moveCycle(office, "Close the cycle (locks the year's data)", 'Closed');
    await office.getByRole('row', { name: /^2024 Closed/ }).waitFor();

    const closed = await harness.newPage({ language: 'ko' });
    await signIn(closed, department, '/staff/indicators/entry');
    await waitForHeading(closed, '인권지표 값 입력');
    await closed.getByText('진행 중인 평가 주기가 없습니다.').waitFor();
  });

  it('shows the value and the target on the public page, in both languages', async () => {
    for (const language of ['ko', 'en'] as const) {
      const page = await harness.newPage({ language });
      await page.goto('/indicators/1-1');
      await waitForHeading(page, language === 'ko' ? /^인권지표 1-1: / : /^Human rights indicator 1-1: /);
      await settled(page);
      await page.getByRole('cell', { name: '60' }).first().waitFor();
      await checkAccessibility(page, `the public page of 1-1 after the cycle (${language})`);
      assertNoPageErrors(page);
    }
  });
});
