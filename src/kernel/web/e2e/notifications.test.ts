// Notifications in Chromium, by keyboard: the header's unread count is a link named by its count in
// words; a new notification while on a page is announced politely; the list marks one and all read;
// the preferences page saves a choice per kind (radio groups in fieldsets) and the mail language; axe
// passes on both pages in Korean and English.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCommand } from '../../server/command.ts';
import { notify } from '../../server/notifications/notify.ts';
import {
  type Account,
  checkAccessibility,
  type Harness,
  signIn,
  startHarness,
  waitForHeading,
  waitForLoaded,
} from './harness.ts';
import { activate } from './keyboard.ts';

describe('notifications in the browser', () => {
  let harness: Harness;
  let officer: Account;

  const write = (userId: string, number: number) =>
    runCommand(harness.database.db, { userId: null }, ({ trx }) =>
      notify(trx, {
        kind: 'recommendations.addressed',
        recipients: { userIds: [userId] },
        title: { ko: `시험 알림 ${number}`, en: `Test notice ${number}` },
        path: '/staff/recommendations',
      }),
    );

  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer', '박담당');
    await write(officer.id, 1);
    await write(officer.id, 2);
  });
  after(() => harness?.close());

  it('names the unread count in the header, announces a new one, and marks read by keyboard', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, officer, '/staff/account');
    const count = page.getByRole('link', { name: /^알림 2\s?건 읽지 않음$/ });
    await count.waitFor();

    // A notification that arrives while the user is here is announced once the count is read again.
    await write(officer.id, 3);
    await page.evaluate(() => window.dispatchEvent(new Event('rightscity:notifications-changed')));
    await page.getByRole('link', { name: /^알림 3\s?건 읽지 않음$/ }).waitFor();
    await page.getByRole('status').filter({ hasText: '새 알림이 왔습니다. 읽지 않은 알림 3건' }).waitFor();

    await activate(page.getByRole('link', { name: /^알림 3\s?건 읽지 않음$/ }));
    await waitForHeading(page, '알림');
    await waitForLoaded(page);
    await checkAccessibility(page, 'notifications (ko)');
    await page.getByText('읽지 않은 알림 3건, 전체 3건').waitFor();
    // Newest first, each a link to its page.
    const links = page.getByRole('main').getByRole('link', { name: /^시험 알림/ });
    assert.deepEqual(await links.allTextContents(), ['시험 알림 3', '시험 알림 2', '시험 알림 1']);

    await activate(page.getByRole('button', { name: '읽음으로 표시: 시험 알림 3' }));
    await page.getByRole('status').filter({ hasText: '읽음으로 표시했습니다.' }).waitFor();
    await page.getByText('읽지 않은 알림 2건, 전체 3건').waitFor();
    await page.getByRole('link', { name: /^알림 2\s?건 읽지 않음$/ }).waitFor();

    await activate(page.getByRole('button', { name: '모두 읽음으로 표시' }));
    await page.getByText('읽지 않은 알림 0건, 전체 3건').waitFor();
    await page.getByRole('link', { name: '알림 (읽지 않은 알림 없음)' }).waitFor();
  });

  it('saves a choice per kind and the mail language, and passes axe in both languages', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, officer, '/staff/account');
    await activate(page.getByRole('link', { name: '알림 받는 방법과 메일 언어 설정' }));
    await waitForHeading(page, '알림 설정');
    await waitForLoaded(page);
    await checkAccessibility(page, 'notification settings (ko)');

    const kind = page.getByRole('group', { name: '부서에 전달된 권고' });
    const digest = kind.getByRole('radio', { name: '하루 한 번 모아서 메일로' });
    await digest.focus();
    await digest.press('Space');
    assert.ok(await digest.isChecked());
    const english = page.getByRole('group', { name: '메일 언어' }).getByRole('radio', { name: 'English' });
    await english.focus();
    await english.press('Space');
    await activate(page.getByRole('button', { name: '저장' }));
    await page.getByRole('status').filter({ hasText: '알림 설정을 저장했습니다.' }).waitFor();

    const englishPage = await harness.newPage({ language: 'en' });
    await signIn(englishPage, officer, '/staff/notifications/preferences');
    await waitForHeading(englishPage, 'Notification settings');
    await waitForLoaded(englishPage);
    const addressed = englishPage.getByRole('group', { name: 'Recommendations addressed to my department' });
    assert.ok(await addressed.getByRole('radio', { name: 'Daily digest email' }).isChecked());
    assert.ok(
      await englishPage
        .getByRole('group', { name: 'Language of my mail' })
        .getByRole('radio', { name: 'English' })
        .isChecked(),
    );
    await checkAccessibility(englishPage, 'notification settings (en)');
    await englishPage.goto('/staff/notifications');
    await waitForHeading(englishPage, 'Notifications');
    await waitForLoaded(englishPage);
    await checkAccessibility(englishPage, 'notifications (en)');
  });
});
