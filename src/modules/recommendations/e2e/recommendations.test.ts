// The register in Chromium: the public tracker shows the seed's six ombudsman recommendations with
// "not recorded" where the seed is silent, filters by keyboard, and passes axe in Korean and English;
// an officer records a committee recommendation, the department answers its part, and a citizen on a
// phone finds it on /recommendations with its timeline.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Language } from '../../../kernel/shared/language.ts';
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
import { createRecommendation } from '../server/commands/save-recommendation.ts';
import { recommendationInput } from '../test/factories.ts';

const titles: Record<Language, string> = { ko: '권고 이행 현황', en: 'Recommendations tracker' };
const recordTitles: Record<Language, string> = {
  ko: '권고와 그 경과',
  en: 'A recommendation and its timeline',
};

describe('the recommendations register in the browser', () => {
  let harness: Harness;
  let officer: Account;
  let department: Account;
  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer');
    department = await harness.createAccount('department', undefined, { departmentCode: 'DHRP-DHR' });
  });
  after(() => harness?.close());

  it('lists the seed’s six ombudsman recommendations, filters by keyboard, and passes axe in both languages', async () => {
    for (const language of ['ko', 'en'] as Language[]) {
      const page = await harness.newPage({ language });
      await page.goto('/recommendations');
      await waitForHeading(page, titles[language]);
      await waitForLoaded(page);
      await page.getByRole('heading', { level: 2, name: language === 'ko' ? /6건/ : /of 6/ }).waitFor();
      await checkAccessibility(page, `the tracker (${language})`);

      // Filter to a status none of them has, by keyboard: choose, then press Enter on the button.
      await page.getByLabel(language === 'ko' ? '진행 상태' : 'Status').selectOption('implemented');
      await page.getByRole('button', { name: language === 'ko' ? '보기' : 'Show' }).press('Enter');
      await page
        .getByRole('heading', {
          level: 2,
          name: language === 'ko' ? '조건에 맞는 공개 권고가 없습니다.' : 'No public recommendation matches.',
        })
        .waitFor();
      assert.match(page.url(), /status=implemented/);
      await page.goto('/recommendations?source=ombudsman');
      await waitForLoaded(page);
      const link = page.getByRole('link', { name: /CCTV/ });
      await link.focus();
      await page.keyboard.press('Enter');
      await waitForHeading(page, recordTitles[language]);
      await waitForLoaded(page);
      await page.getByText('the installation of CCTV in psychiatric facilities', { exact: true }).waitFor();
      // The seed states no date, department or answer: the page says so rather than showing blanks.
      assert.ok((await page.getByText(language === 'ko' ? '기록 없음' : 'Not recorded').count()) >= 3);
      await checkAccessibility(page, `a historical recommendation (${language})`);
      assertNoPageErrors(page);
    }
  });

  it('lets an officer record a recommendation that the department answers and a citizen follows on a phone', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/recommendations');
    await waitForHeading(page, 'Recommendations (staff)');
    await waitForLoaded(page);
    await checkAccessibility(page, 'the staff register (en)');
    await page.getByRole('combobox', { name: /^Source/ }).selectOption('committee');
    await page.getByLabel(/^Source reference/).fill('Minutes of the 3rd meeting of 2026');
    await page.getByLabel(/^Text \(Korean\)/).fill('저상버스를 늘릴 것');
    await page.getByLabel(/^Text \(English\)/).fill('Add low-floor buses');
    await page.getByLabel(/^Issued on/).fill('2026-03-02');
    await page
      .getByRole('combobox', { name: /^Target groups to add/ })
      .selectOption('persons-with-disabilities');
    await page.getByRole('button', { name: 'Add to Target groups' }).press('Enter');
    await page.getByLabel(/^Show on the public tracker/).check();
    // No department chosen: the server's error lands on the group, and nothing is recorded.
    await page.getByRole('button', { name: 'Record the recommendation' }).press('Enter');
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Democracy and Human Rights Division').check();
    await page.getByRole('button', { name: 'Record the recommendation' }).press('Enter');
    await page.getByText('The recommendation is recorded.').waitFor();
    await page.getByRole('link', { name: 'Add low-floor buses' }).waitFor();
    assertNoPageErrors(page);

    const desk = await harness.newPage({ language: 'ko' });
    await signIn(desk, department, '/staff/recommendations');
    await waitForHeading(desk, '권고 관리');
    await waitForLoaded(desk);
    await desk.getByRole('link', { name: '저상버스를 늘릴 것' }).click();
    await waitForHeading(desk, recordTitles.ko);
    await waitForLoaded(desk);
    await checkAccessibility(desk, 'the answer form (ko)');
    await desk.getByRole('combobox', { name: /^회신/ }).selectOption('partly_accepted');
    await desk.getByRole('textbox', { name: /^이유/ }).fill('일부 노선부터 도입합니다');
    await desk.getByRole('button', { name: '회신 보내기' }).press('Enter');
    await desk.getByText('회신을 보냈습니다.').waitFor();
    await desk.getByText('일부 수용 — 이유: 일부 노선부터 도입합니다').waitFor();
    assertNoPageErrors(desk);

    const phone = await harness.newPage({ language: 'ko', width: 375, height: 740 });
    await phone.goto('/recommendations');
    await waitForHeading(phone, titles.ko);
    await waitForLoaded(phone);
    await phone.getByLabel('권고 주체').selectOption('committee');
    await phone.getByRole('button', { name: '보기' }).click();
    await phone.getByRole('link', { name: '저상버스를 늘릴 것' }).click();
    await waitForHeading(phone, recordTitles.ko);
    await waitForLoaded(phone);
    const steps = await phone
      .getByRole('list')
      .filter({ has: phone.locator('time') })
      .locator('li')
      .allTextContents();
    assert.equal(steps.length, 2);
    assert.match(steps[0] ?? '', /권고/);
    assert.match(steps[1] ?? '', /부서 회신 · 민주인권과 · 일부 수용 → 회신 완료/);
    await phone.getByRole('link', { name: '장애인' }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'no sideways scrolling on a phone');
    await checkAccessibility(phone, 'a recommendation on a phone (ko)');
  });

  it('lets the ombudsman publish an anonymised summary by keyboard, which the public then read instead of the text', async () => {
    const caseText = '피진정인 김철수 팀장에게 재발 방지 교육을 할 것';
    const id = await createRecommendation(
      harness.database.db,
      { userId: null },
      {
        ...recommendationInput({
          source: { kind: 'ombudsman', reference: '진정 2026-000777 결정' },
          text: { ko: caseText, en: caseText },
          departments: ['DHRP-DHR'],
        }),
      },
    );
    const ombudsman = await harness.createAccount('ombudsman');
    for (const language of ['ko', 'en'] as const) {
      const page = await harness.newPage({ language });
      await signIn(page, ombudsman, `/staff/recommendations/${id}`);
      await waitForHeading(page, recordTitles[language]);
      await waitForLoaded(page);
      await checkAccessibility(page, `the ombudsman's summary form (${language})`);
      if (language === 'en') {
        await page
          .getByRole('textbox', { name: /^Summary \(Korean\)/ })
          .fill('민원 담당 공무원의 재발 방지 교육');
        await page
          .getByRole('textbox', { name: /^Summary \(English\)/ })
          .fill('Training for complaint officers');
        await page.getByRole('button', { name: 'Publish the summary' }).press('Enter');
        await page.getByText('The summary is published.').waitFor();
        assertNoPageErrors(page);
      }
    }
    const citizen = await harness.newPage({ language: 'en' });
    await citizen.goto(`/recommendations/${id}`);
    await waitForHeading(citizen, recordTitles.en);
    await waitForLoaded(citizen);
    await citizen.getByText('Training for complaint officers').first().waitFor();
    const body = (await citizen.locator('main').textContent()) ?? '';
    assert.equal(body.includes('김철수'), false, 'no name on the public page');
    assert.equal(body.includes('2026-000777'), false, 'no case number on the public page');
    await checkAccessibility(citizen, 'a published ombudsman summary (en)');
  });
});
