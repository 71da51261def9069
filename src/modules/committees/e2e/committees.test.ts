// The committees' pages in Chromium: a citizen finds a roundtable in the calendar and registers with
// the keyboard alone; the secretariat records attendance (the quorum follows) and takes the minutes
// from draft to published, which the public then reads; the secretariat edits a meeting with the
// keyboard (Seoul time, place, a tag), attaches a PDF to an agenda item and publishes the agenda, after
// which the public page offers the document; axe passes on every page of the module in Korean and
// English, for the public, the secretariat (with its edit forms open) and a department.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { addCalendarDays as addDays, cityToday } from '../../../kernel/server/city/clock.ts';
import { runCommand } from '../../../kernel/server/command.ts';
import { providedServices } from '../../../kernel/server/module.ts';
import { vocabDb } from '../../../kernel/server/vocabularies/tables.ts';
import {
  type Account,
  checkAccessibility,
  type Harness,
  signIn,
  startHarness,
  waitForHeading,
  waitForLoaded,
} from '../../../kernel/web/e2e/harness.ts';
import { modules } from '../../../server/modules.ts';
import { addAgendaItem, addDecision } from '../server/commands/meetings.ts';
import { scheduleTestMeeting, seatTestMember } from '../test/factories.ts';

/** Presses Tab until `target` has focus, as a keyboard user would; fails if Tab never reaches it. */
async function tabUntil(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  assert.fail(`Tab never reached ${target}`);
}

const roundtableTitle = '인권 라운드테이블: 도시의 지속가능발전목표';
const committeeTitle = '인권증진시민위원회 정기회의(시험)';
const workshopTitle = '인권증진시민위원회 워크숍(시험)';
const agendaTitle = '2027년 인권 실태조사 계획';
/** A tiny but valid PDF, made here: what the server checks is that it starts like one. */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

describe('the committees’ pages in the browser', () => {
  let harness: Harness;
  let roundtableId: string;
  let committeeMeetingId: string;
  let workshopId: string;
  let officer: Account;
  let department: Account;

  before(async () => {
    harness = await startHarness();
    const at = (days: number, hour: number) => `${addDays(cityToday(), days)}T${hour}:00:00+09:00`;
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
    workshopId = await scheduleTestMeeting(harness.database, 'citizen-committee', {
      title: workshopTitle,
      startsAt: at(30, 14),
      endsAt: at(30, 17),
      agendaPublished: false,
    });
    await runCommand(harness.database.db, { userId: null }, (context) =>
      addAgendaItem(context, workshopId, { title: agendaTitle, summary: '', documents: [] }),
    );
    const term = { start: addDays(cityToday(), -200), end: addDays(cityToday(), 500) };
    for (const name of ['[예시] 김위원', '[예시] 이위원', '[예시] 박위원']) {
      await seatTestMember(harness.database, 'citizen-committee', term, name);
    }
    // The register addresses recommendations to departments of the shared vocabulary only.
    await vocabDb(harness.database.db)
      .insertInto('vocab_terms')
      .values({ vocabulary: 'departments', code: 'TEST-DEPT', name_ko: 'TEST-DEPT', name_en: 'TEST-DEPT' })
      .onConflict((oc) => oc.columns(['vocabulary', 'code']).doNothing())
      .execute();
    await runCommand(harness.database.db, { userId: null }, (context) =>
      addDecision(context, providedServices(modules).recommendations, committeeMeetingId, {
        text: '청사 접근성 개선 권고',
        recommendations: [{ departmentCode: 'TEST-DEPT', body: '민원실 경사로를 설치할 것', tags: [] }],
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
    await waitForLoaded(page);
    await tabUntil(page, page.getByRole('link', { name: roundtableTitle }));
    await page.keyboard.press('Enter');
    await waitForHeading(page, roundtableTitle);
    await waitForLoaded(page);
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
    await waitForLoaded(page);
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
    // The decision's recommendation comes with it, under its department, with how it stands.
    await citizen.getByRole('heading', { level: 3, name: 'Recommendations of this meeting' }).waitFor();
    await citizen.getByRole('heading', { level: 4, name: 'TEST-DEPT' }).waitFor();
    await citizen.getByText('민원실 경사로를 설치할 것').waitFor();
    // Published with the minutes: it links to the public tracker, where its answer will be followed.
    await citizen.getByRole('link', { name: 'Follow it in the register of recommendations' }).waitFor();
    await checkAccessibility(citizen, 'published minutes with a recommendation (en)');
    assert.equal(await citizen.getByText('[예시] 김위원').count(), 0, 'attendance is not public');
  });

  it('lets the secretariat edit a meeting by keyboard, attach a PDF and publish it with the agenda', async () => {
    const editPath = `/committees/meetings/${workshopId}/edit`;
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, officer, editPath);
    await waitForHeading(page, '회의 정보 수정');
    await waitForLoaded(page);
    // A second secretary opens the same meeting before the first one saves.
    const other = await harness.newPage({ language: 'ko' });
    await signIn(other, officer, editPath);
    await waitForHeading(other, '회의 정보 수정');
    await waitForLoaded(other);

    const day = addDays(cityToday(), 31);
    const replace = async (label: RegExp, text: string) => {
      await tabUntil(page, page.getByLabel(label));
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
    };
    await replace(/^시작\(서울 시각\)/, `${day}T18:30`);
    await replace(/^끝\(서울 시각\)/, `${day}T20:00`);
    await replace(/^장소/, '광주광역시청 시민홀');
    await tabUntil(page, page.getByLabel('더할 대상 집단', { exact: true }));
    await page.keyboard.press('ArrowDown');
    await tabUntil(page, page.getByRole('button', { name: '대상 집단 더하기' }));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^빼기/ }).first().waitFor();
    await tabUntil(page, page.getByRole('button', { name: '회의 정보 저장' }));
    await page.keyboard.press('Enter');
    await page.getByText('회의 정보를 저장했습니다.').waitFor();
    await checkAccessibility(page, 'the meeting edited (ko)');

    // The other secretary's form still holds the old version: the answer asks to reload.
    await other.getByRole('button', { name: '회의 정보 저장' }).click();
    await other
      .getByRole('alert')
      .getByText(/새로 고친 뒤 다시 시도해 주세요/)
      .waitFor();

    await page.goto(`/committees/meetings/${workshopId}`);
    await waitForHeading(page, workshopTitle);
    await waitForLoaded(page);
    assert.match((await page.locator('main').textContent()) ?? '', /18:30–20:00/, 'Seoul time is kept');
    await page.getByLabel(new RegExp(`^${agendaTitle}: 올릴 자료 파일`)).setInputFiles({
      name: '실태조사 계획.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await page.getByRole('button', { name: '파일 올리기' }).click();
    await page.getByRole('link', { name: /실태조사 계획\.pdf/ }).waitFor();

    const citizen = await harness.newPage({ language: 'ko' });
    await citizen.goto(`/committees/meetings/${workshopId}`);
    await waitForHeading(citizen, workshopTitle);
    await waitForLoaded(citizen);
    assert.equal(
      await citizen.getByRole('link', { name: /실태조사 계획\.pdf/ }).count(),
      0,
      'not before publishing',
    );

    await page.goto(editPath);
    await waitForHeading(page, '회의 정보 수정');
    await waitForLoaded(page);
    await tabUntil(page, page.getByLabel('안건 공개'));
    await page.keyboard.press('Space');
    await tabUntil(page, page.getByRole('button', { name: '회의 정보 저장' }));
    await page.keyboard.press('Enter');
    await page.getByText('회의 정보를 저장했습니다.').waitFor();

    // Another visitor (the first one's browser may keep the public answer for a minute).
    const visitor = await harness.newPage({ language: 'ko' });
    await visitor.goto(`/committees/meetings/${workshopId}`);
    await waitForHeading(visitor, workshopTitle);
    await waitForLoaded(visitor);
    const link = visitor.getByRole('link', { name: /실태조사 계획\.pdf/ });
    await link.waitFor();
    await visitor.getByRole('link', { name: '여성' }).waitFor();
    const download = await visitor.request.get((await link.getAttribute('href')) ?? '');
    assert.equal(download.status(), 200);
    assert.equal((await download.body()).subarray(0, 5).toString(), '%PDF-');
    await checkAccessibility(visitor, 'the published agenda with its document (ko)');
  });

  for (const language of ['ko', 'en'] as const) {
    it(`passes axe on every page of the module (${language})`, async () => {
      const page = await harness.newPage({ language });
      const publicPages = [
        '/committees',
        `/committees/meetings/${roundtableId}`,
        `/committees/meetings/${committeeMeetingId}`,
        `/committees/meetings/${workshopId}`,
        '/committees/cancel',
      ];
      for (const path of publicPages) {
        await page.goto(path);
        await page.locator('h1').waitFor();
        await waitForLoaded(page);
        await checkAccessibility(page, `${path} for the public (${language})`);
      }
      const staff = await harness.newPage({ language });
      await signIn(staff, officer, '/committees/secretariat');
      for (const path of [
        '/committees/secretariat',
        `/committees/meetings/${roundtableId}`,
        `/committees/meetings/${workshopId}`,
        `/committees/meetings/${workshopId}/edit`,
      ]) {
        await staff.goto(path);
        await staff.locator('h1').waitFor();
        await waitForLoaded(staff);
        if (path === '/committees/secretariat') {
          // The edit forms open: a member's and a body's rules.
          await staff.getByRole('button', { name: /\[예시\] 김위원/ }).click();
          await staff.locator('#member-form:focus').waitFor();
          await staff
            .getByRole('button', { name: /인권증진시민위원회.*(규칙 수정|rules)|rules.*Citizen Committee/ })
            .click();
          await staff.locator('#field-seats').waitFor();
        }
        if (path.includes(roundtableId)) {
          await staff.getByRole('button', { name: /신청자 보기|Show registrants/ }).click();
          await staff.getByRole('table').last().waitFor();
        }
        await checkAccessibility(staff, `${path} for the secretariat (${language})`);
      }
      const departmentPage = await harness.newPage({ language });
      // The department finds the committee's recommendation in the register's one list.
      await signIn(departmentPage, department, '/staff/recommendations');
      await departmentPage.getByText('민원실 경사로를 설치할 것').first().waitFor();
      await checkAccessibility(departmentPage, `/staff/recommendations for a department (${language})`);
    });
  }
});
