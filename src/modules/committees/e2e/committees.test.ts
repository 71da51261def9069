// The committees' pages in Chromium: a citizen finds a roundtable in the calendar and registers with
// the keyboard alone; the secretariat records attendance (the quorum follows) and takes the minutes
// from draft to published, which the public then reads; axe passes on every page of the module in
// Korean and English, for the public, the secretariat and a department.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { runCommand } from '../../../kernel/server/command.ts';
import {
  type Account,
  checkAccessibility,
  type Harness,
  signIn,
  startHarness,
  waitForHeading,
} from '../../../kernel/web/e2e/harness.ts';
import { addDecision } from '../server/commands/meetings.ts';
import { addDays, seoulDate } from '../server/seoul.ts';
import { scheduleTestMeeting, seatTestMember } from '../test/factories.ts';

/** Presses Tab until `target` has focus, as a keyboard user would; fails if Tab never reaches it. */
async function tabUntil(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  assert.fail(`Tab never reached ${target}`);
}

/** Every part of the page has its data. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('main [role="status"]')].some((region) =>
        region.textContent?.includes('…'),
      ),
  );
}

const roundtableTitle = '인권 라운드테이블: 도시의 지속가능발전목표';
const committeeTitle = '인권증진시민위원회 정기회의(시험)';

describe('the committees’ pages in the browser', () => {
  let harness: Harness;
  let roundtableId: string;
  let committeeMeetingId: string;
  let officer: Account;
  let department: Account;

  before(async () => {
    harness = await startHarness();
    const at = (days: number, hour: number) => `${addDays(seoulDate(), days)}T${hour}:00:00+09:00`;
    roundtableId = await scheduleTestMeeting(harness.database, 'roundtable', {
      kind: 'roundtable',
      title: roundtableTitle,
      organiser: 'Gwangju Human Rights Council',
      capacity: 30,
      startsAt: at(14, 19),
      endsAt: at(14, 21),
    });
    committeeMeetingId = await scheduleTestMeeting(harness.database, 'citizen-committee', {
      title: committeeTitle,
      startsAt: at(-2, 14),
      endsAt: at(-2, 16),
    });
    const term = { start: addDays(seoulDate(), -200), end: addDays(seoulDate(), 500) };
    for (const name of ['[예시] 김위원', '[예시] 이위원', '[예시] 박위원']) {
      await seatTestMember(harness.database, 'citizen-committee', term, name);
    }
    await runCommand(harness.database.db, { userId: null }, (context) =>
      addDecision(context, committeeMeetingId, {
        text: '청사 접근성 개선 권고',
        recommendations: [{ departmentCode: 'TEST-DEPT', body: '민원실 경사로를 설치할 것' }],
      }),
    );
    officer = await harness.createAccount('officer', '사무국 담당자');
    department = await harness.createAccount('department', '시험 부서');
  });
  after(() => harness?.close());

  it('lets a citizen register for a roundtable with the keyboard alone', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await page.goto('/');
    await waitForHeading(page, '광주 인권도시 플랫폼');
    await tabUntil(page, page.getByRole('link', { name: '인권 회의 일정' }).first());
    await page.keyboard.press('Enter');
    await waitForHeading(page, '인권 위원회와 회의');
    await settled(page);
    await tabUntil(page, page.getByRole('link', { name: roundtableTitle }));
    await page.keyboard.press('Enter');
    await waitForHeading(page, roundtableTitle);
    await settled(page);
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /19:00–21:00/,
      'the time is shown in Seoul time',
    );
    await tabUntil(page, page.getByLabel(/^이름/));
    await page.keyboard.type('김시민');
    await tabUntil(page, page.getByLabel(/^연락처/));
    await page.keyboard.type('citizen@example.org');
    await tabUntil(page, page.getByRole('button', { name: '참가 신청하기' }));
    await page.keyboard.press('Enter');
    await page.getByText('참가가 확정되었습니다.').waitFor();
    const token = (await page.locator('.registration-token').textContent()) ?? '';
    assert.ok(token.length >= 20, 'the cancellation code is shown');
    await checkAccessibility(page, 'the roundtable after registering (ko)');

    await page.goto('/committees/cancel');
    await waitForHeading(page, '참가 신청 취소');
    await tabUntil(page, page.getByLabel(/^취소 코드/));
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    await page.getByText('신청을 취소했습니다.').waitFor();
  });

  it('lets the secretariat record attendance and publish the minutes, which the public then reads', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, officer, `/committees/meetings/${committeeMeetingId}`);
    await waitForHeading(page, committeeTitle);
    await settled(page);
    await page.getByLabel(/^\[예시\] 김위원/).check();
    await page.getByLabel(/^\[예시\] 이위원/).check();
    await page.getByRole('button', { name: '출석 저장' }).click();
    await page.getByText(/출석 2명 \/ 재적 3명, 의사정족수 2명: 성원/).waitFor();

    await page.getByLabel(/^회의록 내용/).fill('위원 2명 출석. 접근성 개선 권고를 의결함.');
    await page.getByRole('button', { name: '초안 저장' }).click();
    await page.getByText('회의록 상태: 초안', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: '회의록 승인' }).click();
    await page.getByRole('button', { name: '회의록 공개' }).waitFor();
    await checkAccessibility(page, 'a meeting for the secretariat (ko)');
    await page.getByRole('button', { name: '회의록 공개' }).click();
    await page.getByText('회의록 상태: 공개됨', { exact: false }).first().waitFor();

    const citizen = await harness.newPage({ language: 'en' });
    await citizen.goto(`/committees/meetings/${committeeMeetingId}`);
    await waitForHeading(citizen, committeeTitle);
    await citizen.getByText('위원 2명 출석. 접근성 개선 권고를 의결함.').waitFor();
    await citizen.getByText('청사 접근성 개선 권고').waitFor();
    assert.equal(await citizen.getByText('[예시] 김위원').count(), 0, 'attendance is not public');
  });

  for (const language of ['ko', 'en'] as const) {
    it(`passes axe on every page of the module (${language})`, async () => {
      const page = await harness.newPage({ language });
      const publicPages = [
        '/committees',
        `/committees/meetings/${roundtableId}`,
        `/committees/meetings/${committeeMeetingId}`,
        '/committees/cancel',
      ];
      for (const path of publicPages) {
        await page.goto(path);
        await page.locator('h1').waitFor();
        await settled(page);
        await checkAccessibility(page, `${path} for the public (${language})`);
      }
      const staff = await harness.newPage({ language });
      await signIn(staff, officer, '/committees/secretariat');
      for (const path of [
        '/committees/secretariat',
        '/committees/recommendations',
        `/committees/meetings/${roundtableId}`,
      ]) {
        await staff.goto(path);
        await staff.locator('h1').waitFor();
        await settled(staff);
        if (path.includes('meetings')) {
          await staff.getByRole('button', { name: /신청자 보기|Show registrants/ }).click();
          await staff.getByRole('table').last().waitFor();
        }
        await checkAccessibility(staff, `${path} for the secretariat (${language})`);
      }
      const departmentPage = await harness.newPage({ language });
      await signIn(departmentPage, department, '/committees/recommendations');
      await departmentPage.getByText('민원실 경사로를 설치할 것').waitFor();
      await checkAccessibility(departmentPage, `/committees/recommendations for a department (${language})`);
    });
  }
});
