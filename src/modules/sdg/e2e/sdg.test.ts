// The SDG module in Chromium: every page passes axe in Korean and English; an officer fills one cell
// of the Agenda 2030 self-assessment by keyboard (rating, narrative, evidence found by search),
// publishes it, follows a city (this very instance, by its address) and sees the comparison page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Language } from '../../../kernel/shared/language.ts';
import {
  type Account,
  checkAccessibility,
  type Harness,
  signIn,
  startHarness,
  waitForHeading,
} from '../../../kernel/web/e2e/harness.ts';
import { createAssessment } from '../server/commands/create-assessment.ts';
import { publishAssessment } from '../server/commands/publish-assessment.ts';
import { updateAssessmentCell } from '../server/commands/update-assessment-cell.ts';

const publicPages: {
  path: string;
  heading: Record<Language, string | RegExp>;
  ready: Record<Language, string>;
}[] = [
  {
    path: '/sdg',
    heading: { ko: '지속가능발전목표(SDGs)와 광주', en: 'The Sustainable Development Goals in Gwangju' },
    ready: {
      ko: '목표별 지속가능발전 의제와 관련 기록 수',
      en: 'Local agendas and related records per goal',
    },
  },
  {
    path: '/sdg/goals/11',
    heading: { ko: /^목표 11\. /, en: /^Goal 11\. / },
    ready: { ko: '목표 11에 연결된 지속가능발전 의제', en: 'Local agendas mapped to goal 11' },
  },
  {
    path: '/sdg/agendas',
    heading: { ko: '광주의 지속가능발전 의제', en: "Gwangju's local SDG agenda" },
    ready: { ko: '제5차 의제 합계', en: 'Totals of the 5th Agenda' },
  },
  {
    path: '/sdg/agenda-2030',
    heading: { ko: '광주 인권도시 의제 2030', en: 'Gwangju Human Rights Cities Agenda 2030' },
    ready: { ko: '2023년 자체 평가', en: 'Self-assessment 2023' },
  },
  {
    path: '/sdg/agenda-2030/2023',
    heading: {
      ko: '2023년 인권도시 의제 2030 자체 평가',
      en: 'Human Rights Cities Agenda 2030: self-assessment 2023',
    },
    ready: {
      ko: '2023년 자체 평가: 범주별·구성 요소별 등급과 근거',
      en: 'Self-assessment 2023: rating and evidence by category and component',
    },
  },
  {
    path: '/network',
    heading: { ko: '인권도시 네트워크', en: 'The network of human rights cities' },
    ready: { ko: '도시별 주요 수치', en: 'Headline figures by city' },
  },
];

async function waitForText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().waitFor();
}

describe('the SDG pages in the browser', () => {
  let harness: Harness;
  let officer: Account;

  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer');
    const { db } = harness.database;
    const system = { userId: null };
    await createAssessment(db, system, 2023);
    await updateAssessmentCell(
      db,
      system,
      { year: 2023, category: 'green', component: 'policies' },
      {
        version: 1,
        rating: 'developing',
        narrative: { ko: '제5차 의제를 시행합니다.', en: 'The 5th Agenda is under way.' },
        evidence: [
          {
            module: 'sdg',
            recordType: 'agenda',
            recordId: '5-14',
            title: {
              ko: '14. 보행자를 배려하는 사람 중심 교통환경',
              en: '14. Human-Oriented Traffic Environment',
            },
            path: '/sdg/agendas#agenda-14',
          },
        ],
      },
    );
    await publishAssessment(db, system, 2023, { version: 1, published: true });
  });
  after(() => harness?.close());

  for (const language of ['ko', 'en'] as const) {
    it(`passes axe on every public page (${language})`, async () => {
      const page = await harness.newPage({ language });
      for (const { path, heading, ready } of publicPages) {
        await page.goto(path);
        await waitForHeading(page, heading[language]);
        await waitForText(page, ready[language]);
        await checkAccessibility(page, `${path} (${language})`);
      }
      await page.goto('/sdg/agenda-2030/2023');
      const evidence = page.getByRole('link', {
        name:
          language === 'ko'
            ? '14. 보행자를 배려하는 사람 중심 교통환경'
            : '14. Human-Oriented Traffic Environment',
      });
      await evidence.waitFor();
      assert.equal(await evidence.getAttribute('href'), '/sdg/agendas#agenda-14');
      await page.goto('/sdg/goals/11');
      for (const number of [14, 15, 16]) {
        await page.getByRole('link', { name: new RegExp(`^${number} `) }).waitFor();
      }
    });
  }

  it('lets an officer fill one cell by keyboard, publish, follow a city and compare', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, officer, '/sdg/assessments');
    await waitForHeading(page, '인권도시 의제 2030 자체 평가');
    await page.getByRole('row', { name: /2023년 자체 평가/ }).waitFor();
    await checkAccessibility(page, 'the self-assessments (ko)');
    const year = page.getByLabel(/^평가 연도/);
    await year.fill('2026');
    await year.press('Enter');
    await waitForHeading(page, '2026년 자체 평가');

    const assess = page.getByRole('button', {
      name: '평가하기: 평화롭고 안전하며 회복력 있는 도시 / 제도와 절차',
    });
    await assess.focus();
    await page.keyboard.press('Enter');
    const cellHeading = page.getByRole('heading', {
      name: '칸 평가: 평화롭고 안전하며 회복력 있는 도시 / 제도와 절차',
    });
    await cellHeading.waitFor();
    assert.equal(await cellHeading.evaluate((element) => element === document.activeElement), true);
    await page.keyboard.press('Tab');
    for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByLabel(/^등급/).inputValue(), 'established');
    await page.keyboard.press('Tab');
    await page.keyboard.type('인권옴부즈맨과 인권위원회가 운영됩니다.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('The ombudsman and the committee are at work.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('보행자');
    await page.keyboard.press('Enter');
    const add = page.getByRole('button', { name: '근거에 더하기: 14. 보행자를 배려하는 사람 중심 교통환경' });
    await add.waitFor();
    await checkAccessibility(page, 'the cell form with search results (ko)');
    await add.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: '근거 기록' }).getByRole('link').first().waitFor();
    await page.getByRole('button', { name: '이 칸 저장' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('평화롭고 안전하며 회복력 있는 도시 / 제도와 절차 칸을 저장했습니다.').waitFor();
    const row = page.getByRole('row', { name: /^평화롭고 안전하며 회복력 있는 도시/ });
    await row.getByText('3 정착').waitFor();
    await row.getByText('근거 1건').waitFor();
    await checkAccessibility(page, 'the self-assessment after saving a cell (ko)');

    await page.getByRole('button', { name: '공개하기' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('2026년 자체 평가를 공개했습니다.').waitFor();

    await page.goto('/network/peers');
    await waitForHeading(page, '연결 도시 관리');
    await page.getByText('아직 연결된 도시가 없습니다.').waitFor();
    await checkAccessibility(page, 'the peer cities without peers (ko)');
    const address = page.getByLabel(/^플랫폼 주소/);
    await address.fill('ftp://nowhere.example');
    await address.press('Enter');
    await page
      .getByRole('alert')
      .getByRole('link', { name: /http:\/\/ 또는 https:\/\// })
      .waitFor();
    assert.equal(await address.getAttribute('aria-invalid'), 'true');
    await checkAccessibility(page, 'the peer cities with an error (ko)');
    await address.fill(harness.baseUrl);
    await address.press('Enter');
    await page.getByText(`${harness.baseUrl}의 피드를 받았습니다.`).waitFor();
    await page.getByRole('row', { name: new RegExp(harness.baseUrl.replace(/[.]/g, '\\.')) }).waitFor();
    await checkAccessibility(page, 'the peer cities with a peer (ko)');

    await page.getByRole('link', { name: '비교 페이지 보기' }).click();
    await waitForHeading(page, '인권도시 네트워크');
    const ratings = page
      .locator('table')
      .filter({ has: page.locator('caption', { hasText: '자체 평가 등급' }) });
    const compared = ratings.getByRole('row', { name: /^평화롭고 안전하며 회복력 있는 도시 \/ 제도와 절차/ });
    await compared.waitFor();
    assert.deepEqual(
      await compared.locator('td').allTextContents(),
      ['3 정착', '3 정착'],
      'this city and the followed city side by side',
    );
    await checkAccessibility(page, 'the comparison with a peer (ko)');

    const english = await harness.newPage({ language: 'en' });
    await signIn(english, officer, '/network/peers');
    await waitForHeading(english, 'Peer cities');
    await english.getByRole('button', { name: `Fetch the feed again: ${harness.baseUrl}` }).waitFor();
    await checkAccessibility(english, 'the peer cities (en)');
    await english.goto('/sdg/assessments/2026');
    await waitForHeading(english, 'Self-assessment 2026');
    await english
      .getByText('This assessment is published and cannot be changed. Withdraw it to edit it.')
      .waitFor();
    await checkAccessibility(english, 'a published self-assessment for the office (en)');
    await createAssessment(harness.database.db, { userId: null }, 2027);
    await english.goto('/sdg/assessments/2027');
    await waitForHeading(english, 'Self-assessment 2027');
    await english
      .getByRole('button', {
        name: 'Assess: Global, responsible, and unified city / Human rights norms and standards',
      })
      .click();
    await english
      .getByRole('heading', { name: /^Assessing: Global, responsible, and unified city/ })
      .waitFor();
    await checkAccessibility(english, 'a draft self-assessment with a cell open (en)');
    await english.goto('/network');
    await waitForHeading(english, 'The network of human rights cities');
    await english.getByRole('row', { name: /^Year assessed 2026 2026$/ }).waitFor();
    await checkAccessibility(english, 'the comparison with a peer (en)');
    await english.goto('/sdg/assessments');
    await waitForHeading(english, 'Human Rights Cities Agenda 2030: self-assessments');
    await english.getByRole('row', { name: /Self-assessment 2026/ }).waitFor();
    await checkAccessibility(english, 'the self-assessments (en)');
  });
});
