// The forum in Chromium: a citizen reads Table 5 from the chart's table of numbers and registers for
// an open edition with the keyboard alone; an officer links a UN document to a record that answers
// it, and the public register shows the link; every page of the module passes axe in Korean and
// English.
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
import { createEdition } from '../server/commands/editions.ts';
import { createSession } from '../server/commands/sessions.ts';

const openYear = 2030;

/** The rows of the table whose caption matches, header row first, as the page shows them. */
async function captionedRows(page: Page, caption: RegExp): Promise<string[][]> {
  const table = page.locator('table').filter({ has: page.locator('caption', { hasText: caption }) });
  await table.waitFor();
  return table.evaluate((element) =>
    [...element.querySelectorAll('tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
    ),
  );
}

/** What has focus, by its id (form controls) or its text (buttons). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element?.id || element?.textContent?.trim() || '';
  });
}

describe('the forum in the browser', () => {
  let harness: Harness;
  let officer: Account;

  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer');
    const { db } = harness.database;
    await createEdition(
      db,
      { userId: officer.id },
      {
        year: openYear,
        startsOn: '2030-10-14',
        endsOn: '2030-10-16',
        theme: { ko: '[예시] 인권도시의 미래', en: '[Sample] The future of human rights cities' },
        capacity: 3,
        registrationOpen: true,
      },
    );
    await createSession(db, { userId: officer.id }, openYear, {
      title: { ko: '[예시] 개회', en: '[Sample] Opening' },
      startsAt: '2030-10-14T09:30:00+09:00',
      endsAt: '2030-10-14T10:30:00+09:00',
      languages: ['ko', 'en'],
      speakers: [{ name: 'Sample Speaker', affiliation: null, origin: 'international' }],
    });
  });
  after(() => harness?.close());

  it('a citizen reads Table 5 from the chart’s table and registers for an edition by keyboard', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await page.goto('/forum');
    await waitForHeading(page, '세계인권도시포럼');
    const chart = page.getByRole('img', { name: /세계인권도시포럼 참가자와 발표자, 연도별/ });
    await chart.waitFor();
    assert.deepEqual(await captionedRows(page, /그래프의 값/), [
      ['연도', '참가자 수', '발표자 수', '국내 발표자', '해외 발표자'],
      ['2011', '500', '144', '37', '107'],
      ['2012', '500', '118', '52', '66'],
      ['2013', '600', '245', '123', '122'],
      ['2014', '700', '110', '52', '58'],
      ['2015', '1,000', '143', '91', '52'],
      ['2016', '1,000', '137', '106', '31'],
      ['2017', '1,300', '132', '67', '65'],
      ['2018', '1,800', '164', '77', '87'],
    ]);
    const table5 = await captionedRows(page, /^표 5: 세계인권도시포럼의 성장/);
    assert.deepEqual(table5.at(-2), ['2017', '1,300*', '132', '67', '65']);
    assert.deepEqual(table5.at(-1), ['2018', '1,800*', '164', '77', '87']);
    await page.getByText('*2017년 31개국 47개 도시, 2018년 44개국 57개 도시').waitFor();
    await page
      .getByText('*47 cities from 31 countries in 2017 and 57 cities from 44 countries in 2018')
      .waitFor();

    await page.getByRole('link', { name: `${openYear} 세계인권도시포럼` }).click();
    await waitForHeading(page, `${openYear} 세계인권도시포럼`);
    await page.getByText('정원 3명 가운데 3석이 남았습니다.').waitFor();
    await page.getByRole('rowheader', { name: '[예시] 개회' }).waitFor();
    await page.getByText(/09:30/).first().waitFor();

    // Before typing: Chromium's autofill leaves an empty style attribute on the fields typed into,
    // which the check for inline styles would count.
    await checkAccessibility(page, 'the edition page with its registration form (ko)');

    // The keyboard alone: type, Tab to the next control, Space ticks the box, Enter submits.
    await page.getByRole('textbox', { name: /^이름/ }).focus();
    await page.keyboard.type('김시민');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'field-email');
    await page.keyboard.type('citizen@example.org');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'field-consent');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), '신청하기');
    await page.keyboard.press('Enter');
    await page.getByText(/신청이 접수되었습니다\. 접수 번호: [0-9a-f-]{36}/).waitFor();
    await page.getByText('정원 3명 가운데 2석이 남았습니다.').waitFor();
    assert.equal(
      await page.getByText('김시민').count(),
      0,
      'the registrant’s name is not shown on the public page',
    );

    // Without consent, the server's message lands on the box and the summary links to it.
    await page.getByRole('textbox', { name: /^이름/ }).fill('다른 시민');
    await page.getByLabel(/^이메일/).fill('other@example.org');
    await page.getByRole('button', { name: '신청하기' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByLabel(/^이름과 이메일을/).getAttribute('aria-invalid'), 'true');
    assertNoPageErrors(page);
  });

  it('an officer links a UN document to a record that answers it', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/forum/un');
    await waitForHeading(page, 'UN document links');
    await page.getByLabel(/^UN document/).selectOption({
      label: 'A/HRC/27/59: UN document A/HRC/27/59 (on the concept of the human rights city)',
    });
    await page.getByLabel(/^Module/).fill('indicators');
    await page.getByLabel(/^Record type/).fill('indicator');
    await page.getByLabel(/^Record id/).fill('1-1');
    await page.getByLabel(/^Path/).fill('/indicators/1-1');
    await page.getByLabel(/^Link title \(Korean\)/).fill('인권지표 1-1');
    await page.getByLabel(/^Link title \(English\)/).fill('Human rights indicator 1-1');
    await page.getByRole('button', { name: 'Add the link' }).click();
    await page.getByText('The link is added.').waitFor();
    const rows = await captionedRows(page, /^A\/HRC\/27\/59: .*linked records$/);
    assert.deepEqual(
      rows.map((row) => row.slice(0, 2)),
      [
        ['Record', 'Module · type · id'],
        ['World Human Rights Cities Forum', 'forum · forum'],
        ['Human rights indicator 1-1', 'indicators · indicator · 1-1'],
      ],
    );
    await checkAccessibility(page, 'the UN links page after adding a link (en)');

    await page.goto('/forum/un');
    await waitForHeading(page, 'Links with the UN human rights system');
    const card = page.locator('li.card').filter({ has: page.locator('#document-a-hrc-27-59') });
    await card.getByRole('link', { name: 'Human rights indicator 1-1' }).waitFor();
    assert.equal(
      await card.getByRole('link', { name: 'Human rights indicator 1-1' }).getAttribute('href'),
      '/indicators/1-1',
    );
  });

  for (const language of ['ko', 'en'] as const) {
    it(`every page of the module passes axe in ${language === 'ko' ? 'Korean' : 'English'}`, async () => {
      const ko = language === 'ko';
      const page = await harness.newPage({ language });
      const pages: [string, string][] = [
        ['/forum', ko ? '세계인권도시포럼' : 'World Human Rights Cities Forum'],
        ['/forum/2018', ko ? '2018 세계인권도시포럼' : 'World Human Rights Cities Forum 2018'],
        ['/forum/2011', ko ? '2011 세계인권도시포럼' : 'World Human Rights Cities Forum 2011'],
        [
          `/forum/${openYear}`,
          ko ? `${openYear} 세계인권도시포럼` : `World Human Rights Cities Forum ${openYear}`,
        ],
        ['/forum/1999', ko ? '포럼을 찾을 수 없습니다' : 'Forum not found'],
        ['/forum/un', ko ? '유엔 인권 체계와의 연계' : 'Links with the UN human rights system'],
      ];
      for (const [path, heading] of pages) {
        await page.goto(path);
        await waitForHeading(page, heading);
        await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('…'));
        await checkAccessibility(page, `${path} (${language})`);
      }
      await page.goto('/forum/2018');
      await page
        .getByText(ko ? '시드 문서는 참여 기관을 38곳이라고' : 'The seed document gives 38')
        .waitFor();

      await signIn(page, officer, '/staff/forum');
      const staffPages: [string, string][] = [
        ['/staff/forum', ko ? '세계인권도시포럼 운영' : 'Forum editions'],
        [
          `/staff/forum/editions/${openYear}`,
          ko
            ? `${openYear}년 세계인권도시포럼 관리`
            : `World Human Rights Cities Forum ${openYear}: management`,
        ],
        ['/staff/forum/un', ko ? '유엔 문서 연결' : 'UN document links'],
      ];
      for (const [path, heading] of staffPages) {
        await page.goto(path);
        await waitForHeading(page, heading);
        await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('…'));
        await checkAccessibility(page, `${path} (${language})`);
      }
      // An empty submit shows the server's messages on their fields, which must pass axe too.
      await page.goto('/staff/forum');
      await waitForHeading(page, ko ? '세계인권도시포럼 운영' : 'Forum editions');
      await page.getByRole('button', { name: ko ? '포럼 열기' : 'Open the edition' }).click();
      await page.getByRole('alert').waitFor();
      await checkAccessibility(page, `the new-edition form with errors (${language})`);
    });
  }
});
