// The staff area in Chromium: signing in (a wrong password is announced and tied to its field), the
// menus and pages each role gets, every staff page passing axe in Korean and in English, and the forms
// that write: charter articles (with the server's 409 shown), users, the audit check, and two-step
// verification from enrolment to a sign-in that asks for the code.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { authenticator } from 'otplib';
import type { Locator, Page } from 'playwright-core';
import type { Language } from '../../shared/language.ts';
import {
  type Account,
  checkAccessibility,
  type Harness,
  signIn,
  startHarness,
  waitForHeading,
  waitForLoaded,
} from './harness.ts';

const staffPages: { path: string; heading: Record<Language, string> }[] = [
  { path: '/staff/my-work', heading: { ko: '내 업무', en: 'My work' } },
  { path: '/staff', heading: { ko: '직원 대시보드', en: 'Staff dashboard' } },
  { path: '/staff/account', heading: { ko: '내 계정', en: 'Your account' } },
  { path: '/staff/users', heading: { ko: '사용자 관리', en: 'Users' } },
  { path: '/staff/audit', heading: { ko: '감사 기록', en: 'Audit trail' } },
  { path: '/staff/rights', heading: { ko: '인권헌장 조항 관리', en: 'Human rights charter articles' } },
];

function staffMenu(page: Page) {
  return page.getByRole('navigation', { name: /^(직원 메뉴|Staff menu)$/ });
}

function staffMenuButton(page: Page) {
  return staffMenu(page).getByRole('button', { name: /^(직원 메뉴|Staff menu)$/ });
}

/** Opens the staff menu with a click and returns its landmark. */
async function openStaffMenu(page: Page): Promise<Locator> {
  await staffMenuButton(page).click();
  assert.equal(await staffMenuButton(page).getAttribute('aria-expanded'), 'true');
  return staffMenu(page);
}

function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

describe('staff pages in the browser', () => {
  let harness: Harness;
  let admin: Account;
  let committee: Account;
  before(async () => {
    harness = await startHarness();
    admin = await harness.createAccount('admin', '김관리');
    committee = await harness.createAccount('committee', '이위원');
  });
  after(() => harness?.close());

  it('announces a wrong password on its field, then signs in to the dashboard', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await page.goto('/staff/users');
    await page.waitForURL('**/login?next=%2Fstaff%2Fusers');
    await page.goto('/login');
    await waitForHeading(page, '직원 로그인');
    await page.getByLabel('이메일').fill(admin.email);
    await page.getByLabel('비밀번호').fill('not the password at all');
    await page.getByRole('button', { name: '로그인' }).click();

    const summary = page.getByRole('alert').filter({ hasText: '문제가 있습니다' });
    await summary.waitFor();
    assert.ok(
      await summary.evaluate((element) => element === document.activeElement),
      'the summary takes focus',
    );
    const message = '이메일 또는 비밀번호(또는 인증 코드)가 올바르지 않습니다.';
    await summary.getByRole('link', { name: message }).waitFor();
    const password = page.getByLabel('비밀번호');
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    assert.match(
      await textOf(page.locator(`[id="${describedBy}"]`)),
      new RegExp(message.replace(/[().]/g, '\\$&')),
    );
    await summary.getByRole('link', { name: message }).click();
    assert.ok(
      await password.evaluate((element) => element === document.activeElement),
      'the link focuses the field',
    );

    await password.fill(admin.password);
    await page.getByRole('button', { name: '로그인' }).click();
    // Signed in, staff land on My work; the dashboard is one link away.
    await waitForHeading(page, '내 업무');
    assert.equal(new URL(page.url()).pathname, '/staff/my-work');
    await page.goto('/staff');
    await waitForHeading(page, '직원 대시보드');
    await page.getByText('김관리').first().waitFor();
    assert.ok(
      await page
        .getByRole('definition')
        .filter({ hasText: /^관리자$/ })
        .isVisible(),
      'the role is shown',
    );
  });

  it('shows each role only its own staff menu, and a "not allowed" page elsewhere', async () => {
    const adminPage = await harness.newPage({ language: 'en' });
    await signIn(adminPage, admin, '/staff');
    await waitForHeading(adminPage, 'Staff dashboard');
    // The menus come from every module's manifest; the kernel's own items are checked here.
    const adminLinks = await (await openStaffMenu(adminPage)).getByRole('link').allTextContents();
    for (const item of ['My work', 'Dashboard', 'My account', 'Users', 'Charter articles', 'Audit trail']) {
      assert.ok(adminLinks.includes(item), `the admin's menu has ${item}`);
    }

    const page = await harness.newPage({ language: 'en' });
    await signIn(page, committee, '/staff/users');
    await waitForHeading(page, 'Not allowed');
    assert.equal(new URL(page.url()).pathname, '/staff/users');
    assert.match(await textOf(page.locator('main')), /Committee member/);
    const links = await (await openStaffMenu(page)).getByRole('link').allTextContents();
    assert.ok(links.includes('Dashboard') && links.includes('My account'));
    assert.ok(!links.includes('Users') && !links.includes('Audit trail'), 'no admin items for the committee');
    await checkAccessibility(page, 'the not-allowed page with the staff menu open');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitForHeading(page, 'Gwangju Human Rights City Platform');
    assert.equal(await staffMenu(page).count(), 0, 'no staff menu after signing out');
  });

  it('opens the staff menu by keyboard, grouped by module, and closes it on Escape, a link or a click outside', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, admin, '/staff');
    await waitForHeading(page, 'Staff dashboard');
    // The dashboard is the full map: the same groups, under headings.
    const map = page.locator('main');
    for (const group of ['Workspace', 'Human rights indicators', 'Human rights ombudsman']) {
      assert.ok(await map.getByRole('heading', { level: 3, name: group }).isVisible(), `a heading ${group}`);
    }
    assert.ok(await map.getByRole('link', { name: 'Audit trail' }).isVisible());

    const menu = staffMenu(page);
    const button = staffMenuButton(page);
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await menu.getByRole('link').count(), 0, 'closed, the menu shows no link');
    const panel = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
    assert.equal(await panel.isVisible(), false, 'aria-controls names the hidden panel');

    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await button.getAttribute('aria-expanded'), 'true', 'Enter opens it');
    assert.ok(await panel.isVisible());
    // One labelled group per module: the kernel's own pages first, as "Workspace".
    const groups = menu.getByRole('group');
    const workspace = menu.getByRole('group', { name: 'Workspace' });
    assert.deepEqual(await workspace.getByRole('link').allTextContents(), [
      'My work',
      'Dashboard',
      'My account',
      'Users',
      'Notifications',
      'Notification settings',
      'Mail outbox',
      'Charter articles',
      'Audit trail',
    ]);
    const indicators = menu.getByRole('group', { name: 'Human rights indicators' });
    assert.ok(
      (await indicators.getByRole('link').count()) > 1,
      'a module with several staff pages is one group',
    );
    assert.ok((await groups.count()) > 2, 'the domain modules have groups of their own');
    assert.equal(
      await workspace.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current'),
      'page',
      'the current page is marked',
    );
    await checkAccessibility(page, 'the staff menu open (en)');

    // Tab goes on into the panel (no trap, no arrow keys needed); Escape closes it from there.
    await page.keyboard.press('Tab');
    assert.ok(await isFocused(workspace.getByRole('link', { name: 'My work' })), 'Tab enters the panel');
    await page.keyboard.press('Escape');
    assert.equal(await button.getAttribute('aria-expanded'), 'false', 'Escape closes it');
    assert.ok(await isFocused(button), 'focus returns to the button');
    assert.equal(await panel.isVisible(), false);
    await checkAccessibility(page, 'the staff menu closed (en)');

    await page.keyboard.press('Space');
    assert.equal(await button.getAttribute('aria-expanded'), 'true', 'Space opens it');
    await workspace.getByRole('link', { name: 'Audit trail' }).focus();
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Audit trail');
    assert.equal(new URL(page.url()).pathname, '/staff/audit');
    assert.equal(await button.getAttribute('aria-expanded'), 'false', 'following a link closes it');
    assert.ok(await isFocused(page.locator('h1')), 'focus goes to the new page');

    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    await page.locator('h1').click();
    assert.equal(await button.getAttribute('aria-expanded'), 'false', 'a click outside closes it');
  });

  it('reflows at 320 CSS px with the staff menu open, and one open menu closes the other', async () => {
    const page = await harness.newPage({ width: 320, language: 'ko' });
    await signIn(page, admin, '/staff');
    await waitForHeading(page, '직원 대시보드');
    const mainMenuButton = page
      .getByRole('navigation', { name: '주 메뉴' })
      .getByRole('button', { name: '메뉴' });
    await mainMenuButton.click();
    await openStaffMenu(page);
    assert.equal(await mainMenuButton.getAttribute('aria-expanded'), 'false', 'only one panel is open');
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(scrollWidth <= clientWidth, `the staff menu scrolls sideways: ${scrollWidth} > ${clientWidth}`);
    await checkAccessibility(page, 'the staff menu open at 320px (ko)');
  });

  for (const language of ['ko', 'en'] as const) {
    it(`every staff page passes axe in ${language === 'ko' ? 'Korean' : 'English'} (signed in as admin)`, async () => {
      const page = await harness.newPage({ language });
      await signIn(page, admin);
      for (const { path, heading } of staffPages) {
        await page.goto(path);
        await waitForHeading(page, heading[language]);
        await waitForLoaded(page);
        assert.equal(await page.locator('h1').count(), 1, `exactly one h1 on ${path}`);
        await checkAccessibility(page, `${path} (${language})`);
      }
      // The states a form can be in: errors shown, an edit form open, a verification result.
      await page.goto('/staff/users');
      await page.getByRole('button', { name: /^(사용자 만들기|Create user)$/ }).click();
      await page.getByRole('alert').waitFor();
      await page
        .getByRole('button', { name: /^(.+ 계정 고치기|Edit the account of .+)$/ })
        .first()
        .click();
      await checkAccessibility(page, `/staff/users with errors and an edit form (${language})`);
      await page.goto('/staff/audit');
      await page.getByRole('button', { name: /^(해시 사슬 검증|Verify the hash chain)$/ }).click();
      await page.getByText(/^(정상\(OK\)|OK):/).waitFor();
      await checkAccessibility(page, `/staff/audit verified (${language})`);
      // Changing how one signs in asks for the current password: the fields with their errors.
      await page.goto('/staff/account');
      const twoStep = page.getByRole('region', { name: /^(2단계 인증|Two-step verification)$/ });
      await twoStep
        .getByRole('button', { name: /^(2단계 인증 설정 시작|Start setting up two-step verification)$/ })
        .click();
      await twoStep.getByRole('alert').waitFor();
      const changePassword = page.getByRole('region', { name: /^(비밀번호 바꾸기|Change your password)$/ });
      await changePassword.getByRole('button', { name: /^(저장|Save)$/ }).click();
      await changePassword.getByRole('alert').waitFor();
      await checkAccessibility(page, `/staff/account with errors (${language})`);
      await openStaffMenu(page);
      await staffMenu(page)
        .getByRole('group', { name: language === 'ko' ? '업무 공간' : 'Workspace' })
        .waitFor();
      await checkAccessibility(page, `the staff menu open (${language})`);
    });
  }

  it('keeps charter articles: adds one, and shows why one in use cannot be deleted', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, admin, '/staff/rights');
    await waitForHeading(page, '인권헌장 조항 관리');
    const table = page.getByRole('table', { name: '인권헌장 조항' });
    await table.waitFor();

    await page.getByRole('button', { name: '조항 추가' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '문제가 있습니다' });
    await summary.waitFor();
    assert.equal(await page.getByLabel('제목(한국어)').getAttribute('aria-invalid'), 'true');

    await page.getByLabel('코드').fill('article-7');
    await page.getByLabel('번호').fill('7');
    await page.getByLabel('제목(한국어)').fill('차별받지 않을 권리');
    await page.getByLabel('제목(영어)').fill('The right not to be discriminated against');
    await page.getByRole('button', { name: '조항 추가' }).click();
    await page.getByText('조항 차별받지 않을 권리을(를) 추가했습니다.').waitFor();
    await table.getByRole('rowheader', { name: '차별받지 않을 권리', exact: true }).waitFor();

    await page.getByRole('button', { name: '[예시] 존엄하게 살 권리 삭제' }).click();
    await page.getByRole('button', { name: '삭제합니다' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '삭제할 수 없습니다' });
    await refusal.waitFor();
    assert.match(await textOf(refusal), /기록 2건에 이 용어가 붙어 있어/);
    await table.getByRole('rowheader', { name: '[예시] 존엄하게 살 권리' }).waitFor();

    await page.getByRole('button', { name: '차별받지 않을 권리 삭제' }).click();
    await page.getByRole('button', { name: '삭제합니다' }).click();
    await page.getByText('조항 차별받지 않을 권리을(를) 삭제했습니다.').waitFor();
    // The table reloads after the message: wait for the row to go (if it stays, this times out).
    await table
      .getByRole('rowheader', { name: '차별받지 않을 권리', exact: true })
      .waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('lets an admin create a user and change their role', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, admin, '/staff/users');
    await waitForHeading(page, 'Users');
    const form = page.getByRole('region', { name: 'New user' });
    await form.getByLabel('Email').fill('officer.park@gwangju.example');
    await form.getByLabel(/^Name/).fill('Park Officer');
    await form.getByLabel(/^Role/).selectOption('officer');
    await form.getByLabel(/^First password/).fill('a long first password');
    await form.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('Created the account of Park Officer.').waitFor();
    const row = page.getByRole('row', { name: /Park Officer/ });
    await row.waitFor();

    await row.getByRole('button', { name: 'Edit the account of Park Officer' }).click();
    const edit = page.getByRole('region', { name: 'Edit account: Park Officer' });
    assert.ok(await edit.getByRole('heading').evaluate((element) => element === document.activeElement));
    await edit.getByLabel(/^Role/).selectOption('department');
    await edit.getByRole('button', { name: 'Save' }).click();
    // The department role needs a department: the server's rule, shown on the field.
    await edit
      .getByRole('alert')
      .getByRole('link', { name: 'The department role needs a department code.' })
      .waitFor();
    await edit.getByLabel(/^Department/).selectOption('DHRP-DHR');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved the account of Park Officer.').waitFor();
    const changed = page.getByRole('row', { name: /Park Officer/ });
    await changed.getByRole('cell', { name: 'Department staff', exact: true }).waitFor();
    await changed.getByRole('cell', { name: 'DHRP-DHR', exact: true }).waitFor();
  });

  it('enrols two-step verification and then asks for the code at sign-in', async () => {
    const account = await harness.createAccount('officer', '박담당');
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, account, '/staff/account');
    await waitForHeading(page, '내 계정');
    const twoStep = page.getByRole('region', { name: '2단계 인증' });
    // A session alone cannot enrol: the current password is asked, and a wrong one is said on its field.
    await twoStep.getByLabel(/^현재 비밀번호/).fill('not the password at all');
    await twoStep.getByRole('button', { name: '2단계 인증 설정 시작' }).click();
    await twoStep
      .getByRole('alert')
      .getByRole('link', { name: '현재 비밀번호가 올바르지 않습니다.' })
      .waitFor();
    assert.equal(await twoStep.getByLabel(/^현재 비밀번호/).getAttribute('aria-invalid'), 'true');
    await twoStep.getByLabel(/^현재 비밀번호/).fill(account.password);
    await twoStep.getByRole('button', { name: '2단계 인증 설정 시작' }).click();
    const key = await textOf(page.locator('code.secret'));
    assert.match(key, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/, 'the key is shown in groups of four');
    assert.match(await textOf(page.getByText(/^otpauth:\/\/totp\//)), /issuer=rightscity/);
    const secret = key.replace(/ /g, '');
    await page.getByLabel('앱에 표시된 코드로 확인').fill(authenticator.generate(secret));
    await page.getByRole('button', { name: '2단계 인증 켜기' }).click();
    await page.getByText('2단계 인증을 켰습니다.').waitFor();

    await page.getByRole('button', { name: '로그아웃' }).click();
    await waitForHeading(page, '광주 인권도시 플랫폼');
    await page.goto('/login');
    await page.getByLabel('이메일').fill(account.email);
    await page.getByLabel('비밀번호').fill(account.password);
    await page.getByRole('button', { name: '로그인' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /6자리 코드를 입력해 주세요/ })
      .waitFor();
    // The next time step: the code used for enrolment may not be used again.
    const nextCode = authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
    await page.getByLabel(/^인증 코드/).fill(nextCode);
    await page.getByRole('button', { name: '로그인' }).click();
    await waitForHeading(page, '내 업무');

    // The phone is lost: an admin resets the factor, confirming with the admin's own password.
    for (const language of ['ko', 'en'] as const) {
      const adminPage = await harness.newPage({ language });
      await signIn(adminPage, admin, '/staff/users');
      await adminPage
        .getByRole('button', {
          name: language === 'en' ? 'Edit the account of 박담당' : '박담당 계정 고치기',
        })
        .click();
      const reset = adminPage.getByRole('region', {
        name: language === 'en' ? 'Reset two-step verification' : '2단계 인증 초기화',
      });
      await reset.getByRole('button').click();
      await reset.getByRole('alert').waitFor();
      await checkAccessibility(
        adminPage,
        `/staff/users resetting a second factor, with an error (${language})`,
      );
      if (language === 'ko') continue;
      await reset.getByLabel(/^Your \(administrator\) password/).fill(admin.password);
      await reset.getByRole('button', { name: 'Reset two-step verification' }).click();
      await adminPage.getByText('Reset the two-step verification of 박담당.').waitFor();
      const row = adminPage.getByRole('row', { name: /박담당/ });
      await row.getByRole('cell', { name: 'Off', exact: true }).waitFor();
    }
  });
});
