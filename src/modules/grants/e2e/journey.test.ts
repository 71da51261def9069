// Grants in Chromium: an organisation fills in its profile and applies for a neighbourhood grant with
// the keyboard (a refused submission first names the rule broken), an officer declares no conflict,
// scores, selects and awards it, and the organisation files an activity report. Then every page of
// the module, in both languages and for each audience, passes axe.
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
import { createCall } from '../server/commands/save-call.ts';
import { callInput } from '../test/factories.ts';

/**
 * Presses Tab until the focused control's label (or a link's or button's text) matches `name`, as a
 * keyboard user moves through a form; fails, listing what it passed, if Tab never gets there.
 */
async function keyTo(page: Page, name: RegExp): Promise<void> {
  const passed: string[] = [];
  while (passed.length < 80) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const active = document.activeElement as HTMLInputElement | null;
      return (active?.labels?.[0]?.textContent ?? active?.textContent ?? '').trim();
    });
    if (name.test(label)) return;
    passed.push(label);
  }
  assert.fail(`Tab never reached ${name}: ${passed.join(' | ')}`);
}

async function choose(page: Page, label: RegExp, steps: number): Promise<string> {
  await keyTo(page, label);
  for (let step = 0; step < steps; step++) await page.keyboard.press('ArrowDown');
  return page.getByLabel(label).inputValue();
}

describe('grants in the browser', () => {
  let harness: Harness;
  let organisation: Account;
  let officer: Account;
  let callId = '';
  let applicationId = '';
  const callTitle = callInput().title;
  before(async () => {
    harness = await startHarness();
    organisation = await harness.createAccount('organisation', 'Sample neighbourhood');
    officer = await harness.createAccount('officer');
    callId = (await createCall(harness.database.db, { userId: null }, callInput())).id;
  });
  after(() => harness?.close());

  it('lets an organisation apply by keyboard, an officer select and award, and the organisation report', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, organisation, '/grants/organisation');
    await waitForHeading(page, '우리 단체의 신청');
    await waitForLoaded(page);
    await keyTo(page, /^단체 이름/);
    await page.keyboard.type('[예시] 푸른마을 인권모임');
    await keyTo(page, /^등록번호/);
    await page.keyboard.type('123-45-67890');
    assert.equal(await choose(page, /^단체 유형/, 3), 'neighbourhood_group');
    await keyTo(page, /^단체 정보 저장$/);
    await page.keyboard.press('Enter');
    await page.getByText('단체 정보를 저장했습니다.').waitFor();

    await keyTo(page, new RegExp(`^${callTitle.ko.replace(/[[\]]/g, '\\$&')}$`));
    await page.keyboard.press('Enter');
    await waitForHeading(page, callTitle.ko);
    await waitForLoaded(page);
    await keyTo(page, /^이 공모에 신청하기$/);
    await page.keyboard.press('Enter');
    await waitForHeading(page, '신청서: (제목 없음)');
    await waitForLoaded(page);
    applicationId = new URL(page.url()).pathname.split('/').at(-1) ?? '';

    await keyTo(page, /^사업 이름/);
    await page.keyboard.type('우리 마을 인권지도 그리기');
    await keyTo(page, /^사업 내용/);
    await page.keyboard.type('주민이 함께 마을의 장벽을 찾아 지도로 그립니다.');
    assert.equal(await choose(page, /^자치구/, 4), 'buk-gu');
    await keyTo(page, /^신청 금액/);
    await page.keyboard.type('9000000');
    await keyTo(page, /^항목 1(\s|$)/);
    await page.keyboard.type('워크숍');
    await keyTo(page, /^항목 1 금액/);
    await page.keyboard.type('9000000');
    await keyTo(page, /^제출하기$/);
    await page.keyboard.press('Enter');
    const refused = page.getByRole('alert').filter({ hasText: '신청 자격 요건' });
    await refused.waitFor();
    await refused.getByRole('link', { name: /최대 금액/ }).waitFor();
    assert.equal(await page.getByLabel(/^신청 금액/).getAttribute('aria-invalid'), 'true');
    await checkAccessibility(page, 'a refused submission (ko)');

    await page.getByLabel(/^첨부할 파일/).setInputFiles({
      name: 'plan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% sample plan\n%%EOF\n'),
    });
    await keyTo(page, /^파일 올리기$/);
    await page.keyboard.press('Enter');
    await page.getByText('파일을 올렸습니다.').waitFor();
    await page.getByRole('link', { name: /^파일 1 \(application\/pdf/ }).waitFor();

    await page.getByLabel(/^신청 금액/).fill('');
    await page.getByLabel(/^신청 금액/).focus();
    await page.keyboard.type('3000000');
    await page.getByLabel(/^항목 1 금액/).fill('');
    await page.getByLabel(/^항목 1 금액/).focus();
    await page.keyboard.type('3000000');
    await keyTo(page, /^제출하기$/);
    await page.keyboard.press('Enter');
    await page.getByText('신청서를 제출했습니다.').waitFor();
    await waitForHeading(page, '신청서: 우리 마을 인권지도 그리기');
    await page.getByText('제출됨').waitFor();
    await checkAccessibility(page, 'a submitted application (ko)');

    const office = await harness.newPage({ language: 'en' });
    await signIn(office, officer, '/grants/office');
    await waitForHeading(office, 'Grant review');
    await waitForLoaded(office);
    await office.getByRole('link', { name: '우리 마을 인권지도 그리기' }).click();
    await waitForHeading(office, 'Application: 우리 마을 인권지도 그리기');
    await waitForLoaded(office);
    await office.getByLabel(/^Conflict of interest/).selectOption('false');
    await office.getByRole('button', { name: 'Declare' }).click();
    await office.getByText('Your declaration is saved.').waitFor();
    await office.getByLabel(/^Human rights value/).selectOption('4');
    await office.getByLabel(/^Feasibility/).selectOption('5');
    await office.getByRole('button', { name: 'Save the scores' }).click();
    await office.getByText('Average weighted score: 88 out of 100 (1 reviewers)').waitFor();
    await checkAccessibility(office, 'the review of an application (en)');
    await office.getByRole('button', { name: 'Select', exact: true }).click();
    await office.getByText('The decision is saved.').waitFor();
    await office.getByText('Selected', { exact: true }).waitFor();
    await office.getByRole('button', { name: 'Award the grant' }).click();
    await office.getByText('The grant is awarded.').waitFor();
    // The award form (whose amount field is also "Amount…") gives way to the tranches once reloaded.
    await office.getByRole('heading', { level: 2, name: 'Payment tranches' }).waitFor();
    assert.equal(await office.getByLabel(/^Amount to award/).count(), 0);
    await office.getByLabel(/^Amount/).fill('3000000');
    await office.getByLabel(/^Due on/).fill('2026-06-01');
    await office.getByRole('button', { name: 'Add a tranche' }).click();
    await office.getByText('The tranche is added.').waitFor();
    await checkAccessibility(office, 'an awarded application with a tranche (en)');

    await page.reload();
    await waitForHeading(page, '신청서: 우리 마을 인권지도 그리기');
    await waitForLoaded(page);
    await page.getByText('지원 결정', { exact: true }).waitFor();
    assert.equal(await choose(page, /^활동 종류/, 2), 'map_drawing');
    await keyTo(page, /^활동 날짜/);
    await page.keyboard.type('2026-05-18');
    await keyTo(page, /^참여 인원/);
    await page.keyboard.type('20');
    await keyTo(page, /^활동 내용/);
    await page.keyboard.type('주민 20명이 마을의 계단과 경사로를 조사해 지도에 표시했습니다.');
    await keyTo(page, /^보고서 제출$/);
    await page.keyboard.press('Enter');
    await page.getByText('보고서를 제출했습니다.').waitFor();
    await page.getByRole('row', { name: /^2026-05-18 인권지도 그리기 20/ }).waitFor();
    await checkAccessibility(page, 'an awarded application with a report (ko)');
  });

  it('passes axe on every page of the module in both languages', async () => {
    assert.ok(applicationId, 'the journey above made an application');
    const visits: { account: Account | null; path: string; heading: Record<'ko' | 'en', string | RegExp> }[] =
      [
        {
          account: null,
          path: '/grants',
          heading: { ko: '인권단체·인권마을 지원', en: 'Grants to organisations and neighbourhoods' },
        },
        { account: null, path: `/grants/calls/${callId}`, heading: callTitle },
        {
          account: organisation,
          path: '/grants/organisation',
          heading: { ko: '우리 단체의 신청', en: 'Our applications' },
        },
        {
          account: organisation,
          path: `/grants/applications/${applicationId}`,
          heading: { ko: /^신청서: /, en: /^Application: / },
        },
        {
          account: officer,
          path: `/grants/applications/${applicationId}`,
          heading: { ko: /^신청서: /, en: /^Application: / },
        },
        { account: officer, path: '/grants/office', heading: { ko: '지원사업 심사', en: 'Grant review' } },
        { account: officer, path: `/grants/calls/${callId}`, heading: callTitle },
      ];
    for (const language of ['ko', 'en'] as const) {
      for (const visit of visits) {
        const page = await harness.newPage({ language });
        if (visit.account) await signIn(page, visit.account, visit.path);
        else await page.goto(visit.path);
        await waitForHeading(page, visit.heading[language]);
        await waitForLoaded(page);
        await checkAccessibility(
          page,
          `${visit.path} as ${visit.account ? 'signed in' : 'the public'} (${language})`,
        );
        await page.close();
      }
    }
    const page = await harness.newPage({ language: 'en' });
    await page.goto('/grants');
    await waitForHeading(page, 'Grants to organisations and neighbourhoods');
    await waitForLoaded(page);
    await page.getByRole('row', { name: /우리 마을 인권지도 그리기/ }).waitFor();
    const table4 = page.locator('table').filter({ has: page.locator('caption', { hasText: 'Table 4' }) });
    const cells = await table4
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    assert.deepEqual(cells[0], ['2013', '3 (the text of 2.6 says 5)', '50,000']);
    assert.equal(cells.length, 6);
    assertNoPageErrors(page);
  });
});
