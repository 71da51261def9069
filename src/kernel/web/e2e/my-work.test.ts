// My work in Chromium, by keyboard: a department user signs in and lands on My work, finds the
// committee's recommendation to their department with its due date and state in words, opens it from
// there, answers it, and finds the list empty after; an officer sees the same work in the table of
// departments. Axe runs on each state in Korean and English.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createRecommendation } from '../../../modules/recommendations/server/commands/save-recommendation.ts';
import { recommendationInput } from '../../../modules/recommendations/test/factories.ts';
import { addCalendarDays, clock } from '../../server/city/clock.ts';
import type { Language } from '../../shared/language.ts';
import {
  type Account,
  assertNoPageErrors,
  checkAccessibility,
  type Harness,
  startHarness,
  waitForHeading,
  waitForLoaded,
} from './harness.ts';
import { activate, typeInto } from './keyboard.ts';

const myWork: Record<Language, string> = { ko: '내 업무', en: 'My work' };
const text = { ko: '장애인 이동권을 위해 저상버스를 늘릴 것', en: 'Add low-floor buses for disabled people' };

/** Signs in from the login page with the keyboard only, and lands wherever the app sends a user. */
async function signInByKeyboard(page: Page, account: Account): Promise<void> {
  await page.goto('/login');
  await typeInto(page.getByLabel(/^(이메일|Email)/), account.email);
  await typeInto(page.getByLabel(/^(비밀번호|Password)/), account.password);
  await activate(page.getByRole('button', { name: /^(로그인|Sign in)$/ }));
  await page.waitForURL((url) => url.pathname !== '/login');
}

describe('my work in the browser', () => {
  let harness: Harness;
  let officer: Account;
  let department: Account;
  let dueOn: string;

  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer');
    department = await harness.createAccount('department', '이부서', { departmentCode: 'DHRP-DHR' });
    // Recorded in the register as the office records a committee's recommendation, due in five days.
    dueOn = addCalendarDays(clock().today(), 5);
    await createRecommendation(
      harness.database.db,
      { userId: officer.id },
      recommendationInput({
        source: { kind: 'committee', reference: '2026년 제3차 인권증진시민위원회 회의록' },
        text,
        departments: ['DHRP-DHR'],
        issuedOn: clock().today(),
        answerDue: dueOn,
        implementationDue: null,
      }),
    );
  });
  after(() => harness?.close());

  it('lands a department user on My work, where the committee’s recommendation is answered and leaves the list', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signInByKeyboard(page, department);
    await waitForHeading(page, myWork.ko);
    assert.equal(new URL(page.url()).pathname, '/staff/my-work');
    await waitForLoaded(page);

    const recommendations = page.getByRole('region', { name: /^권고/ });
    const link = recommendations.getByRole('link', { name: text.ko });
    await link.waitFor();
    const item = recommendations.getByRole('listitem').filter({ hasText: text.ko });
    const [year, month, day] = dueOn.split('-').map(Number);
    const entry = await item.textContent();
    assert.ok(entry?.includes(`기한: ${year}년 ${month}월 ${day}일`), `the due date is shown: ${entry}`);
    assert.ok(entry?.includes('기한 임박 (5일 남음)'), `the state is said in words: ${entry}`);
    assert.ok(entry?.includes('권고에 회신하기'));
    await checkAccessibility(page, 'My work with an item (ko)');

    // Open it from My work and answer the department's part.
    await activate(link);
    await waitForHeading(page, '권고와 그 경과');
    await waitForLoaded(page);
    const answer = page.getByRole('combobox', { name: /^회신/ });
    await answer.focus();
    await answer.selectOption('accepted');
    await typeInto(page.getByRole('textbox', { name: /^이유/ }), '내년 예산에 반영합니다');
    await activate(page.getByRole('button', { name: '회신 보내기' }));
    await page.getByText('회신을 보냈습니다.').waitFor();

    // Back on My work, the item is gone. Other work of the department stays (the demo data's sample
    // impact assessment waits for its answer), so the list is not necessarily empty.
    await page.goBack();
    await waitForHeading(page, myWork.ko);
    await waitForLoaded(page);
    await page.getByRole('link', { name: text.ko }).waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('link', { name: text.ko }).count(), 0);
    await checkAccessibility(page, 'My work, after the answer (ko)');
    assertNoPageErrors(page);
  });

  it('passes axe in both languages, for a department and for the office’s table of departments', async () => {
    const other = await harness.createAccount('department', '삼부서', { departmentCode: 'DHRP-DHR' });
    // An overdue one, so that both the list and the office's table have something in them.
    await createRecommendation(
      harness.database.db,
      { userId: officer.id },
      recommendationInput({
        text: { ko: '기한이 지난 권고', en: 'An overdue recommendation' },
        departments: ['DHRP-DHR'],
        issuedOn: addCalendarDays(clock().today(), -20),
        answerDue: addCalendarDays(clock().today(), -2),
        implementationDue: null,
      }),
    );
    for (const language of ['ko', 'en'] as Language[]) {
      const page = await harness.newPage({ language });
      await signInByKeyboard(page, other);
      await waitForHeading(page, myWork[language]);
      await waitForLoaded(page);
      await page.getByText(language === 'ko' ? '기한 지남 (2일 지남)' : 'Overdue (2 days late)').waitFor();
      await checkAccessibility(page, `My work of a department (${language})`);

      const office = await harness.newPage({ language });
      await signInByKeyboard(office, officer);
      await waitForHeading(office, myWork[language]);
      await waitForLoaded(office);
      const table = office.getByRole('table', {
        name:
          language === 'ko'
            ? '부서별 기다리는 일과 기한이 지난 일'
            : 'Work waiting and overdue, by department',
      });
      await table.waitFor();
      const row = table.getByRole('row', { name: /DHRP-DHR|민주인권|Democracy and Human Rights/ });
      await row
        .getByRole('link', { name: language === 'ko' ? '기한이 지난 권고' : 'An overdue recommendation' })
        .waitFor();
      await checkAccessibility(office, `My work of an officer, with the departments (${language})`);
      assertNoPageErrors(office);
    }
  });
});
