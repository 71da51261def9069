// One indicator through the yearly cycle in Chromium: the office confirms its target from the
// proposal; the responsible department enters the year's values by form, is told on the field that a
// large change needs a comment, adds a breakdown, and sees its completeness; the office writes a
// qualitative indicator's questionnaire by keyboard, shares its link and enters a paper response,
// which residents then answer (once per browser); the office writes the self-assessment by keyboard (and is stopped by a
// conflict instead of overwriting a colleague's text); the committee reads the generated report and
// comments; the office adds a complementation action by keyboard, the owner department closes it, the
// committee reads it; the office closes the year; and the public page shows the value. Every page
// passes axe in both languages.
//
// Each step change is confirmed in the page beside what the server says is still empty; each form's
// fields are read back after a reload; the office answers the committee's comment; actions take
// progress notes and a cancellation with its reason; step 6 gathers the results; and after closing,
// the year is reopened read-only from the cycles list while its unfinished action goes on.
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
import { activate, chooseByKeyboard, typeInto } from '../../../kernel/web/e2e/keyboard.ts';
import { apiSession } from './seed-data.ts';

describe('one indicator through the yearly cycle in the browser', () => {
  let harness: Harness;
  let officer: Account;
  let department: Account;
  let committee: Account;
  let token = '';

  /**
   * Moves the cycle on by keyboard through the confirmation step, which must list `empty` (what the
   * server says is still missing) before anything moves.
   */
  const moveCycle = async (page: Page, button: string, step: string, empty: (string | RegExp)[] = []) => {
    await activate(page.getByRole('button', { name: button, exact: true }));
    const confirm = page.getByRole('region', { name: /^Confirm: / });
    await confirm.waitFor();
    assert.equal(
      await confirm
        .getByRole('heading', { level: 3 })
        .evaluate((heading) => heading === document.activeElement),
      true,
      'focus moves to the confirmation',
    );
    await waitForLoaded(page);
    for (const text of empty) await confirm.getByRole('listitem').filter({ hasText: text }).first().waitFor();
    assert.equal(
      await page.getByText(`The 2024 cycle has moved to "${step}".`).count(),
      0,
      'nothing moves before the confirmation',
    );
    await activate(confirm.getByRole('button', { name: /^Yes, go ahead: / }));
    await page.getByText(`The 2024 cycle has moved to "${step}".`).waitFor();
  };

  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer', 'Officer Kim');
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
  });
  after(() => harness?.close());

  it('lets the office confirm the target proposed from last year’s value', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/indicators/targets');
    await waitForHeading(page, 'Indicator targets and plans');
    await waitForLoaded(page);
    await page.getByText("Proposal: last year's target none, latest value 40 (2023)").waitFor();
    assert.equal(await page.getByLabel(/^Target value/).inputValue(), '40');
    await checkAccessibility(page, 'the targets page (en)');
    await page.getByLabel(/^Target value/).fill('50');
    await page.getByLabel(/^Target year/).fill('2026');
    await page.getByLabel(/^Implementation plan/).fill('Survey every district.');
    await page.getByRole('button', { name: 'Save the target and plan' }).click();
    await page.getByText('The target and plan of indicator 1-1 are saved.').waitFor();
    await page
      .getByRole('row', {
        name: /^1-1 Protection of privacy 50 \(2026\) Survey every district\. Confirmed Officer Kim, /,
      })
      .waitFor();
    await checkAccessibility(page, 'the targets page after saving (en)');
    await page.reload();
    await waitForHeading(page, 'Indicator targets and plans');
    await waitForLoaded(page);
    assert.deepEqual(
      [
        await page.getByLabel(/^Target value/).inputValue(),
        await page.getByLabel(/^Target year/).inputValue(),
        await page.getByLabel(/^Implementation plan/).inputValue(),
      ],
      ['50', '2026', 'Survey every district.'],
      'the target and plan read back after a reload',
    );
    const korean = await harness.newPage({ language: 'ko' });
    await signIn(korean, officer, '/staff/indicators/targets');
    await waitForHeading(korean, '인권지표 목표와 추진계획');
    await waitForLoaded(korean);
    await checkAccessibility(korean, 'the targets page (ko)');

    await page.goto('/staff/indicators/cycles');
    await waitForHeading(page, 'Indicator assessment cycle');
    await waitForLoaded(page);
    // The confirmation lists what is still empty; going back moves nothing and returns focus.
    await activate(page.getByRole('button', { name: 'Start data collection', exact: true }));
    const confirm = page.getByRole('region', { name: /^Confirm: / });
    await confirm.getByText(/^\d+ of \d+ indicators have no saved target\.$/).waitFor();
    await checkAccessibility(page, 'the cycle page asking for confirmation (en)');
    await activate(confirm.getByRole('button', { name: 'Go back' }));
    await confirm.waitFor({ state: 'detached' });
    assert.equal(
      await page
        .getByRole('button', { name: 'Start data collection', exact: true })
        .evaluate((button) => button === document.activeElement),
      true,
    );
    await moveCycle(page, 'Start data collection', 'Data collection', [/indicators have no saved target/]);
    assertNoPageErrors(page);
  });

  it('lets the responsible department enter the values, with a comment for a large change', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, department, '/staff/indicators/entry');
    await waitForHeading(page, '인권지표 값 입력');
    await waitForLoaded(page);
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
    await page.reload();
    await waitForHeading(page, '인권지표 값 입력');
    await waitForLoaded(page);
    assert.equal(await page.getByLabel(/^값: 전체/).inputValue(), '60');
    assert.equal(await page.getByLabel(/^값: Sex female/).inputValue(), '58');
    assert.equal(await page.getByLabel(/^설명: 전체/).inputValue(), '조사 대상을 모든 구로 넓혔습니다.');
    const english = await harness.newPage({ language: 'en' });
    await signIn(english, department, '/staff/indicators/entry');
    await waitForHeading(english, 'Indicator value entry');
    await waitForLoaded(english);
    await english.getByText('Last year: 40').waitFor();
    await checkAccessibility(english, 'the value entry page (en)');
    assertNoPageErrors(page);
  });

  it('lets the office write a questionnaire by keyboard, share its link and enter a paper response', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/indicators/cycles');
    await waitForHeading(page, 'Indicator assessment cycle');
    await waitForLoaded(page);
    await activate(page.getByRole('main').getByRole('link', { name: 'Indicator questionnaires' }));
    await waitForHeading(page, 'Indicator questionnaires');
    await waitForLoaded(page);
    const choices = await page
      .getByLabel(/^Qualitative indicator/)
      .locator('option')
      .allTextContents();
    assert.deepEqual(choices, ['2-1 Ratio of part-time workers'], 'qualitative indicators only');
    await page.getByRole('heading', { level: 2, name: 'Write the questionnaire' }).waitFor();
    await checkAccessibility(page, 'the questionnaire editor (en)');

    await typeInto(page.getByLabel(/^Questionnaire title \(Korean\)/), '시민 인권 인식 조사');
    await typeInto(page.getByLabel(/^Questionnaire title \(English\)/), 'Residents’ human rights survey');
    const question = (number: number) => page.getByRole('group', { name: `Question ${number}`, exact: true });
    const prompts = [
      ['존중받는다고 느낍니까?', 'Do you feel respected?'],
      ['사는 곳', 'Where do you live?'],
      ['아는 제도', 'Which systems do you know?'],
      ['하고 싶은 말', 'Anything else?'],
    ];
    const kinds = ['likert', 'single', 'multiple', 'text'];
    const options = [
      [],
      [
        ['동구', 'Dong-gu'],
        ['서구', 'Seo-gu'],
      ],
      [
        ['인권옴부즈맨', 'Ombudsman'],
        ['인권교육', ''],
      ],
      [],
    ];
    for (const [index, [ko, en]] of prompts.entries()) {
      const number = index + 1;
      if (number > 1) await activate(page.getByRole('button', { name: 'Add a question' }));
      const group = question(number);
      await chooseByKeyboard(group.getByLabel(`Type of question ${number}`), kinds[index] ?? '');
      await typeInto(group.getByLabel(/\(Korean\)/).first(), ko ?? '');
      await typeInto(group.getByLabel(/\(English\)/).first(), en ?? '');
      for (const [at, [optionKo, optionEn]] of (options[index] ?? []).entries()) {
        const option = `Question ${number}, option ${at + 1}`;
        await typeInto(group.getByLabel(new RegExp(`^${option} \\(Korean\\)`)), optionKo ?? '');
        if (optionEn) await typeInto(group.getByLabel(new RegExp(`^${option} \\(English\\)`)), optionEn);
      }
    }
    // An option left without its English text: the server's message links to that very field.
    await activate(page.getByRole('button', { name: 'Save the questionnaire' }));
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await activate(summary.getByRole('link').first());
    const missing = page.getByLabel(/^Question 3, option 2 \(English\)/);
    assert.equal(await missing.evaluate((field) => field === document.activeElement), true);
    assert.equal(await missing.getAttribute('aria-invalid'), 'true');
    await checkAccessibility(page, 'the questionnaire editor with an error (en)');
    await typeInto(missing, 'Human rights education');
    await activate(page.getByRole('button', { name: 'Save the questionnaire' }));
    await page.getByText('The questionnaire of indicator 2-1 is saved.').waitFor();

    const link = page.getByRole('link', { name: /\/questionnaires\// });
    const address = new URL((await link.getAttribute('href')) ?? '');
    token = address.pathname.split('/').pop() ?? '';
    assert.match(token, /^[A-Za-z0-9_-]{32}$/);

    await page
      .getByRole('group', { name: /Do you feel respected/ })
      .getByLabel('5', { exact: true })
      .focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Dong-gu', { exact: true }).focus();
    await page.keyboard.press('Space');
    await typeInto(page.getByRole('textbox', { name: 'Anything else?' }), 'Answered on paper.');
    await activate(page.getByRole('button', { name: 'Record the paper response' }));
    await page.getByText('The paper response is recorded.').waitFor();
    await page.getByText('Responses recorded: 1 (a number only staff see)').waitFor();
    await page.getByText('Responses: fewer than 5').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Answered on paper.' }).waitFor();
    await page.getByText('This questionnaire has answers, so it can no longer be changed.').waitFor();
    await checkAccessibility(page, 'the questionnaire page with a response (en)');

    const korean = await harness.newPage({ language: 'ko' });
    await signIn(korean, officer, '/staff/indicators/questionnaires');
    await waitForHeading(korean, '인권지표 설문');
    await waitForLoaded(korean);
    await korean.getByText('기록된 응답: 1건(직원에게만 보이는 수)').waitFor();
    await checkAccessibility(korean, 'the questionnaire page (ko)');
    assertNoPageErrors(page);
  });

  it('takes anonymous answers to a questionnaire through its public link, in both languages', async () => {
    const korean = await harness.newPage({ language: 'ko' });
    await korean.goto(`/questionnaires/${token}`);
    await waitForHeading(korean, '설문: 시민 인권 인식 조사');
    await waitForLoaded(korean);
    await checkAccessibility(korean, 'the public questionnaire (ko)');

    const page = await harness.newPage({ language: 'en' });
    await page.goto(`/questionnaires/${token}`);
    await waitForHeading(page, 'Questionnaire: Residents’ human rights survey');
    await waitForLoaded(page);
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
    // One answer per browser: coming back, the page says so instead of offering the form again.
    await page.reload();
    await waitForHeading(page, 'Questionnaire: Residents’ human rights survey');
    await page
      .getByText('You have already answered this questionnaire from this browser.', { exact: false })
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'Send my answers' }).count(), 0);
    assertNoPageErrors(page);
  });

  it('lets the office write the self-assessment by keyboard, and not overwrite a colleague’s', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/indicators/cycles');
    await waitForHeading(page, 'Indicator assessment cycle');
    await waitForLoaded(page);
    await moveCycle(page, 'Start the self-assessment', 'Self-assessment', [
      /^\d+ of \d+ indicators have no value for 2024\.$/,
      /^Questionnaires still taking answers, which this move closes \(1\): 2-1$/,
      /questionnaires are not yet aggregated into the indicator's values: 2-1$/,
    ]);
    await activate(page.getByRole('main').getByRole('link', { name: 'Indicator self-assessment' }));
    await waitForHeading(page, 'Indicator self-assessment');
    await waitForLoaded(page);
    await checkAccessibility(page, 'the self-assessment page (en)');
    await chooseByKeyboard(page.getByLabel(/^Score: Participation & Communication/), '3');
    await typeInto(
      page.getByLabel(/^Narrative: Participation & Communication/),
      'Privacy improved after the survey was widened.',
    );
    await activate(page.getByRole('button', { name: 'Save the self-assessment' }));
    await page.getByText('The self-assessment of "Participation & Communication" is saved.').waitFor();
    await page
      .getByRole('row', {
        name: /^Participation & Communication 3\/5 Privacy improved after the survey.* Officer Kim, /,
      })
      .waitFor();
    await page.reload();
    await waitForHeading(page, 'Indicator self-assessment');
    await waitForLoaded(page);
    await chooseByKeyboard(page.getByLabel(/^Area/), '1');
    assert.equal(await page.getByLabel(/^Score: Participation & Communication/).inputValue(), '3');
    assert.equal(
      await page.getByLabel(/^Narrative: Participation & Communication/).inputValue(),
      'Privacy improved after the survey was widened.',
    );

    // A colleague saves the second area meanwhile; this page still holds the version it read.
    const call = await apiSession(harness.baseUrl, officer);
    await call('PUT', '/indicators/cycles/2024/assessments/2', {
      version: 0,
      score: 4,
      narrative: 'Written by a colleague.',
    });
    await chooseByKeyboard(page.getByLabel(/^Area/), '2');
    await chooseByKeyboard(page.getByLabel(/^Score: Guaranteeing a Happy Life/), '2');
    await typeInto(page.getByLabel(/^Narrative: Guaranteeing a Happy Life/), 'My older draft.');
    await activate(page.getByRole('button', { name: 'Save the self-assessment' }));
    await page
      .getByRole('alert')
      .getByText('Someone else changed this first. Please reload and try again.')
      .waitFor();
    await checkAccessibility(page, 'the self-assessment page with a conflict (en)');
    await activate(page.getByRole('button', { name: 'Load the latest saved version' }));
    await page.getByText('The latest version, saved by someone else, is loaded.').waitFor();
    assert.equal(
      await page.getByLabel(/^Narrative: Guaranteeing a Happy Life/).inputValue(),
      'Written by a colleague.',
    );

    const korean = await harness.newPage({ language: 'ko' });
    await signIn(korean, department, '/staff/indicators/assessments');
    await waitForHeading(korean, '인권지표 자체 평가');
    await waitForLoaded(korean);
    await korean
      .getByText('자체 평가는 평가 주기가 "자체 평가" 단계일 때 인권담당관실만 쓸 수 있습니다.')
      .waitFor();
    assert.equal(await korean.getByRole('button', { name: '자체 평가 저장' }).count(), 0, 'departments read');
    await korean.getByRole('row', { name: /^참여와 소통 3\/5/ }).waitFor();
    await checkAccessibility(korean, 'the self-assessment page of a department (ko)');

    await activate(page.getByRole('link', { name: 'Back to the assessment cycle' }));
    await waitForHeading(page, 'Indicator assessment cycle');
    await waitForLoaded(page);
    await moveCycle(page, "Report to the citizens' committee", "Report to the citizens' committee", [
      /^3 of 5 areas have no self-assessment\.$/,
    ]);
    assertNoPageErrors(page);
  });

  it('gives the report to the committee, who comment on it', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, committee, '/staff/indicators/report');
    await waitForHeading(page, 'Indicator assessment report');
    await waitForLoaded(page);
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
    await waitForLoaded(korean);
    await korean.getByText('점수: 3/5').waitFor();
    await checkAccessibility(korean, 'the report page (ko)');
    assertNoPageErrors(page);
  });

  it('lets the office answer the committee’s comment by keyboard, shown with who and when', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/indicators/report');
    await waitForHeading(page, 'Indicator assessment report');
    await waitForLoaded(page);
    await page.getByText('No answer yet.').waitFor();
    await activate(page.getByRole('button', { name: 'Send the answer' }));
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    assert.equal(await page.getByLabel(/^Answer to comment 1/).getAttribute('aria-invalid'), 'true');
    await checkAccessibility(page, 'the report page answering, with an error (en)');
    await typeInto(page.getByLabel(/^Answer to comment 1/), 'We will publish by district from 2025.');
    await activate(page.getByRole('button', { name: 'Send the answer' }));
    await page.getByText('Your answer is recorded.').waitFor();
    await page.reload();
    await waitForHeading(page, 'Indicator assessment report');
    await waitForLoaded(page);
    const answers = page.getByRole('list', { name: "The Human Rights Office's answers" });
    await answers.getByText('We will publish by district from 2025.').waitFor();
    await answers.getByText(/^Answer: Officer Kim, /).waitFor();
    await checkAccessibility(page, 'the report page with an answer (en)');
    const korean = await harness.newPage({ language: 'ko' });
    await signIn(korean, committee, '/staff/indicators/report');
    await waitForHeading(korean, '인권지표 평가 보고서');
    await waitForLoaded(korean);
    await korean.getByText(/^답변: Officer Kim, /).waitFor();
    await checkAccessibility(korean, 'the report page with an answer (ko)');
    assertNoPageErrors(page);
  });

  it('lets the office add a complementation action by keyboard, which the owner department closes', async () => {
    const office = await harness.newPage({ language: 'en' });
    await signIn(office, officer, '/staff/indicators/cycles');
    await waitForHeading(office, 'Indicator assessment cycle');
    await waitForLoaded(office);
    await moveCycle(office, 'Start complementation', 'Complementation', [
      /^3 of 5 areas have no self-assessment\.$/,
    ]);
    await activate(office.getByRole('main').getByRole('link', { name: 'Indicator complementation actions' }));
    await waitForHeading(office, 'Indicator complementation actions');
    await waitForLoaded(office);
    await checkAccessibility(office, 'the actions page (en)');
    const form = office
      .locator('form')
      .filter({ has: office.getByRole('button', { name: 'Add the action' }) });
    await activate(form.getByRole('button', { name: 'Add the action' }));
    await office.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    assert.equal(await form.getByLabel(/^Action/).getAttribute('aria-invalid'), 'true');
    await checkAccessibility(office, 'the actions page with errors (en)');
    await chooseByKeyboard(form.getByLabel(/^Indicator/), '1-1');
    await typeInto(form.getByLabel(/^Action/), 'Survey the privacy of older residents.');
    await chooseByKeyboard(form.getByLabel(/^Owner department/), 'DHRP-DHR');
    // A due date already past, so the action shows as overdue.
    await typeInto(form.getByLabel(/^Due date/), '2025-01-31');
    await activate(form.getByRole('button', { name: 'Add the action' }));
    await office.getByText('An action for indicator 1-1 is added.').waitFor();
    await office
      .getByRole('row', {
        name: /^Survey the privacy of older residents\. 1-1 Democracy and Human Rights Division 2025-01-31 Planned \(overdue\) no notes$/,
      })
      .waitFor();
    await office.getByText('Actions past their due date and not done: 1').waitFor();
    await checkAccessibility(office, 'the actions page with an action (en)');

    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, department, '/staff/indicators/actions');
    await waitForHeading(page, '인권지표 보완 조치');
    await waitForLoaded(page);
    assert.equal(await page.getByRole('button', { name: '보완 조치 더하기' }).count(), 0, 'the office adds');
    assert.equal(await page.getByLabel(/^기한/).count(), 0, 'the department changes only the status');
    await checkAccessibility(page, 'the actions page of the owner department (ko)');
    await chooseByKeyboard(page.getByLabel(/^진행 상태/), 'done');
    await activate(page.getByRole('button', { name: '조치 저장' }));
    await page.getByText('1-1 지표의 조치를 "완료"(으)로 저장했습니다.').waitFor();
    await page.getByRole('row', { name: /완료 기록 없음$/ }).waitFor();
    assert.equal(await page.getByText('(기한 지남)').count(), 0, 'a done action is not overdue');

    const reader = await harness.newPage({ language: 'en' });
    await signIn(reader, committee, '/staff/indicators/actions');
    await waitForHeading(reader, 'Indicator complementation actions');
    await waitForLoaded(reader);
    await reader
      .getByRole('row', { name: /^Survey the privacy of older residents\. .* Done no notes$/ })
      .waitFor();
    assert.equal(await reader.locator('main form:not(.year-picker)').count(), 0, 'the committee reads only');
    await checkAccessibility(reader, 'the actions page of the committee (en)');
    const korean = await harness.newPage({ language: 'ko' });
    await signIn(korean, committee, '/staff/indicators/actions');
    await waitForHeading(korean, '인권지표 보완 조치');
    await waitForLoaded(korean);
    await checkAccessibility(korean, 'the actions page of the committee (ko)');
    assertNoPageErrors(office);
    assertNoPageErrors(page);
  });

  it('takes progress notes on actions, and cancels one only with a reason', async () => {
    const office = await harness.newPage({ language: 'en' });
    await signIn(office, officer, '/staff/indicators/actions');
    await waitForHeading(office, 'Indicator complementation actions');
    await waitForLoaded(office);
    const form = office
      .locator('form')
      .filter({ has: office.getByRole('button', { name: 'Add the action' }) });
    for (const [text, due] of [
      ['Train district staff on privacy.', '2025-09-30'],
      ['Translate the survey.', '2025-03-31'],
    ] as const) {
      await chooseByKeyboard(form.getByLabel(/^Indicator/), '1-1');
      await typeInto(form.getByLabel(/^Action/), text);
      await chooseByKeyboard(form.getByLabel(/^Owner department/), 'DHRP-DHR');
      await typeInto(form.getByLabel(/^Due date/), due);
      await activate(form.getByRole('button', { name: 'Add the action' }));
      await office.getByText('An action for indicator 1-1 is added.').waitFor();
      await office.getByRole('row', { name: new RegExp(`^${text.replace('.', '\\.')} `) }).waitFor();
      await office.reload();
      await waitForHeading(office, 'Indicator complementation actions');
      await waitForLoaded(office);
    }
    const chooser = office.getByLabel(/^Action to update/);
    const optionFor = async (text: string) =>
      (await chooser.locator('option', { hasText: text }).getAttribute('value')) ?? '';
    await chooseByKeyboard(chooser, await optionFor('Translate the survey.'));
    await activate(office.getByRole('button', { name: 'Cancel the action' }));
    await office.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    assert.equal(await office.getByLabel(/^Reason for cancelling/).getAttribute('aria-invalid'), 'true');
    await checkAccessibility(office, 'the actions page, cancelling without a reason (en)');
    await typeInto(office.getByLabel(/^Reason for cancelling/), 'The survey is already bilingual.');
    await activate(office.getByRole('button', { name: 'Cancel the action' }));
    await office.getByText('The action for indicator 1-1 is cancelled.').waitFor();
    await chooseByKeyboard(chooser, await optionFor('Train district staff on privacy.'));
    await typeInto(office.getByLabel(/^Progress note/), 'Trainers booked.');
    await activate(office.getByRole('button', { name: 'Add the note' }));
    await office.getByText('A progress note is added to the action for indicator 1-1.').waitFor();
    await office.reload();
    await waitForHeading(office, 'Indicator complementation actions');
    await waitForLoaded(office);
    await office
      .getByRole('row', {
        name: /^Translate the survey\. .* Cancelled Cancelled: The survey is already bilingual\. \(Officer Kim, /,
      })
      .waitFor();
    await office
      .getByRole('row', { name: /^Train district staff on privacy\. .* Trainers booked\. \(Officer Kim, / })
      .waitFor();
    assert.equal(
      await chooser.locator('option', { hasText: 'Translate the survey.' }).count(),
      0,
      'a cancelled action is no longer offered for change',
    );
    await checkAccessibility(office, 'the actions page with notes and a cancellation (en)');

    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, department, '/staff/indicators/actions');
    await waitForHeading(page, '인권지표 보완 조치');
    await waitForLoaded(page);
    assert.equal(
      await page.getByRole('button', { name: '조치 취소' }).count(),
      0,
      'cancelling is the office’s',
    );
    await typeInto(page.getByRole('textbox', { name: /^진행 기록/ }), '강사 두 명을 정했습니다.');
    await activate(page.getByRole('button', { name: '기록 남기기' }));
    await page.getByText('1-1 지표의 조치에 진행 기록을 남겼습니다.').waitFor();
    await page.getByText(/강사 두 명을 정했습니다\. \(Democracy and Human Rights Division, /).waitFor();
    await checkAccessibility(page, 'the actions page with notes (ko)');
    assertNoPageErrors(office);
    assertNoPageErrors(page);
  });

  it('closes the year, after which no value is entered', async () => {
    const office = await harness.newPage({ language: 'en' });
    await signIn(office, officer, '/staff/indicators/cycles');
    await waitForHeading(office, 'Indicator assessment cycle');
    await waitForLoaded(office);
    await moveCycle(office, 'Start collecting results', 'Collection of results', [
      /^1 of 3 actions are not finished \(they go on after the cycle closes\)\.$/,
    ]);

    // Step 6: the collection of results, by the office and the committee.
    await activate(office.getByRole('main').getByRole('link', { name: 'Indicator collection of results' }));
    await waitForHeading(office, 'Indicator collection of results');
    await waitForLoaded(office);
    await office
      .getByRole('row', { name: /^1-1 Protection of privacy 50 \(by 2026\) 60 40 \(2023\) / })
      .waitFor();
    await office.getByRole('row', { name: /^Done 1$/ }).waitFor();
    await office.getByRole('row', { name: /^Cancelled 1$/ }).waitFor();
    await office
      .getByRole('row', { name: /^Train district staff on privacy\. .* Trainers booked\./ })
      .waitFor();
    await checkAccessibility(office, 'the collection of results (en)');
    const korean = await harness.newPage({ language: 'ko' });
    await signIn(korean, committee, '/staff/indicators/results');
    await waitForHeading(korean, '인권지표 결과 취합');
    await waitForLoaded(korean);
    await korean.getByRole('row', { name: /^완료 1$/ }).waitFor();
    await checkAccessibility(korean, 'the collection of results (ko)');

    await office.goto('/staff/indicators/cycles');
    await waitForHeading(office, 'Indicator assessment cycle');
    await waitForLoaded(office);
    await moveCycle(office, "Close the cycle (locks the year's data)", 'Closed', [
      /^3 of 5 areas have no self-assessment\.$/,
      /^1 of 3 actions are not finished/,
    ]);
    await office.getByRole('row', { name: /^2024 Closed/ }).waitFor();

    const closed = await harness.newPage({ language: 'ko' });
    await signIn(closed, department, '/staff/indicators/entry');
    await waitForHeading(closed, '인권지표 값 입력');
    await waitForLoaded(closed);
    await closed
      .getByText('2024년 평가 주기는 종료되어 읽기 전용입니다.', { exact: false })
      .first()
      .waitFor();
    assert.equal(await closed.getByLabel(/^값: 전체/).count(), 0, 'a closed year takes no value');
    await checkAccessibility(closed, 'the value entry page of a closed year (ko)');
  });

  it('reopens the closed year read-only from the cycles list, where its unfinished action goes on', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/indicators/cycles');
    await waitForHeading(page, 'Indicator assessment cycle');
    await waitForLoaded(page);
    await page.getByText('No cycle is in progress.').waitFor();
    await activate(page.getByRole('link', { name: '2024', exact: true }));
    await page.getByRole('heading', { level: 2, name: 'The 2024 cycle' }).waitFor();
    await waitForLoaded(page);
    assert.equal(await page.getByRole('button', { name: /^Close the cycle/ }).count(), 0);
    await checkAccessibility(page, 'a closed cycle reopened (en)');

    await activate(page.getByRole('main').getByRole('link', { name: 'Indicator targets and plans' }));
    await waitForHeading(page, 'Indicator targets and plans');
    await waitForLoaded(page);
    assert.match(page.url(), /\?year=2024$/);
    await page
      .getByRole('row', { name: /^1-1 Protection of privacy 50 \(2026\) Survey every district\./ })
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save the target and plan' }).count(), 0);
    await checkAccessibility(page, 'the targets of a closed year (en)');

    await activate(page.getByRole('main').getByRole('link', { name: 'Indicator self-assessment' }));
    await waitForHeading(page, 'Indicator self-assessment');
    await waitForLoaded(page);
    await page.getByRole('row', { name: /^Participation & Communication 3\/5 Privacy improved/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save the self-assessment' }).count(), 0);

    await activate(page.getByRole('main').getByRole('link', { name: 'Indicator assessment report' }));
    await waitForHeading(page, 'Indicator assessment report');
    await waitForLoaded(page);
    await page.getByText('Please publish the data by district next year.').waitFor();
    await page.getByText('We will publish by district from 2025.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Send the answer' }).count(), 0);
    await checkAccessibility(page, 'the report of a closed year (en)');

    await activate(page.getByRole('main').getByRole('link', { name: 'Indicator questionnaires' }));
    await waitForHeading(page, 'Indicator questionnaires');
    await waitForLoaded(page);
    await page.getByText(/^Responses recorded: \d+ \(a number only staff see\)$/).waitFor();
    await checkAccessibility(page, 'the questionnaire of a closed year (en)');

    await activate(page.getByRole('main').getByRole('link', { name: 'Indicator complementation actions' }));
    await waitForHeading(page, 'Indicator complementation actions');
    await waitForLoaded(page);
    await page
      .getByText("This year's cycle is closed. Unfinished actions go on until they are done or cancelled.")
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'Add the action' }).count(), 0);
    // Only the unfinished action is offered; it takes a note and moves after the year closed.
    const chooser = page.getByLabel(/^Action to update/);
    assert.deepEqual(await chooser.locator('option').allTextContents(), [
      '1-1: Train district staff on privacy.',
    ]);
    await chooseByKeyboard(page.getByLabel(/^Status/), 'in_progress');
    await activate(page.getByRole('button', { name: 'Save the action' }));
    await page.getByText(/^The action for indicator 1-1 is saved as "In progress"/).waitFor();
    await typeInto(page.getByLabel(/^Progress note/), 'First session held in 2025.');
    await activate(page.getByRole('button', { name: 'Add the note' }));
    await page.getByText('A progress note is added to the action for indicator 1-1.').waitFor();
    await page
      .getByRole('row', {
        name: /^Train district staff on privacy\. .* In progress .*First session held in 2025\./,
      })
      .waitFor();
    await checkAccessibility(page, 'the actions of a closed year (en)');

    const korean = await harness.newPage({ language: 'ko' });
    await signIn(korean, committee, '/staff/indicators/cycles?year=2024');
    await waitForHeading(korean, '인권지표 평가 주기');
    await waitForLoaded(korean);
    await korean.getByRole('heading', { level: 2, name: '2024년 평가 주기' }).waitFor();
    await checkAccessibility(korean, 'a closed cycle reopened (ko)');
    await activate(korean.getByRole('main').getByRole('link', { name: '인권지표 보완 조치' }));
    await waitForHeading(korean, '인권지표 보완 조치');
    await waitForLoaded(korean);
    await checkAccessibility(korean, 'the actions of a closed year (ko)');
    assertNoPageErrors(page);
  });

  it('shows the value and the target on the public page, in both languages', async () => {
    for (const language of ['ko', 'en'] as const) {
      const page = await harness.newPage({ language });
      await page.goto('/indicators/1-1');
      await waitForHeading(page, language === 'ko' ? /^인권지표 1-1: / : /^Human rights indicator 1-1: /);
      await waitForLoaded(page);
      await page.getByRole('cell', { name: '60' }).first().waitFor();
      await checkAccessibility(page, `the public page of 1-1 after the cycle (${language})`);
      assertNoPageErrors(page);
    }
  });
});
