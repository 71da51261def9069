/**
 * Browser tests on the real thing: the server in this process on 127.0.0.1 (a free port), on a fresh
 * database of the engine under test with the Gwangju dataset loaded (with its sample records, so that
 * a term has tagged records and a charter article is in use), serving the built web app, and Debian's
 * Chromium driven by playwright-core (never a downloaded browser). One harness per test file: the
 * browser is the slow part to start.
 *
 * Axe runs on a page through `checkAccessibility`. The page keeps its Content-Security-Policy in these
 * tests (that is part of what they check), so axe is evaluated through the DevTools protocol, which
 * the CSP does not govern, instead of being added as a `<script>` tag, which it would block.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { modules } from '../../../server/modules.ts';
import { createUser } from '../../server/accounts/testing.ts';
import { buildApp } from '../../server/app.ts';
import type { Database } from '../../server/db.ts';
import { loadDataset } from '../../server/seed/load-dataset.ts';
import { createTestDatabase, type TestDatabase, testConfig } from '../../server/testing.ts';
import { webDistDir } from '../../server/web-dist.ts';
import type { Language } from '../../shared/language.ts';
import type { Role } from '../../shared/roles.ts';

const builtIndex = join(webDistDir, 'index.html');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const chromiumPath = '/usr/bin/chromium';

export interface Account {
  id: string;
  email: string;
  password: string;
}

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /**
   * A fresh browser context (own cookies and storage), with a viewport of the given size (default
   * 1280 × 900 CSS px), in the given language.
   */
  newPage(options?: { width?: number; height?: number; language?: Language }): Promise<Page>;
  /**
   * A user made through the real create-user command; a department user belongs to `departmentCode`
   * (default `TEST-DEPT`).
   */
  createAccount(role: Role, displayName?: string, options?: { departmentCode?: string }): Promise<Account>;
  /** The server's database, for a test that prepares records through a module's own commands. */
  database: Database;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(builtIndex)) {
    throw new Error(
      `The web app is not built (${builtIndex} is missing): run \`npm run build:web\` before the browser tests.`,
    );
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}: apt-get install chromium`);
  }
  const test: TestDatabase = await createTestDatabase();
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  try {
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: true });
    app = await buildApp({ config: testConfig(), database: test.database, modules, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const started = { app, browser };
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      browser,
      async newPage({ width = 1280, height = 900, language } = {}) {
        const context = await started.browser.newContext({
          baseURL: `http://127.0.0.1:${port}`,
          viewport: { width, height },
          locale: 'ko-KR',
          timezoneId: 'Asia/Seoul',
        });
        contexts.push(context);
        if (language) {
          await context.addInitScript((chosen) => {
            window.localStorage.setItem('rightscity.language', chosen);
          }, language);
        }
        const page = await context.newPage();
        watchForErrors(page);
        return page;
      },
      database: test.database,
      async createAccount(role, displayName, options = {}) {
        const user = await createUser(test.database, {
          role,
          ...(displayName ? { displayName } : {}),
          ...(options.departmentCode ? { departmentCode: options.departmentCode } : {}),
        });
        return { id: user.id, email: user.email, password: user.password };
      },
      async close() {
        for (const context of contexts) await context.close().catch(() => {});
        await started.browser.close();
        await started.app.close();
        await test.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await app?.close();
    await test.close();
    throw error;
  }
}

const pageErrors = new WeakMap<Page, string[]>();

/**
 * Collects what a person would not see but must not happen: a script error, or anything the
 * Content-Security-Policy refused (an inline script or style slipped into the build). Checked with
 * every accessibility check, and by `assertNoPageErrors`.
 */
function watchForErrors(page: Page): void {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(`uncaught error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      errors.push(`CSP violation: ${message.text()}`);
    }
  });
}

export function assertNoPageErrors(page: Page): void {
  assert.deepEqual(pageErrors.get(page) ?? [], [], `errors in the page ${page.url()}`);
}

/** Waits for the page's `h1` to read `name` (pages render after their code and data arrive). */
export async function waitForHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe on the page as it is now; fails on any serious or critical violation of WCAG 2.x A/AA. */
export async function checkAccessibility(page: Page, label: string): Promise<void> {
  assertNoPageErrors(page);
  // The CSP refuses style attributes in markup, but React's `style={…}` goes through the CSSOM, which
  // the CSP does not see: look for the attribute itself. Styles belong in the stylesheet.
  // An empty attribute (`style=""`, left by the browser after it hid the caret for a screenshot)
  // styles nothing and is not looked for.
  const styled = await page.evaluate(() =>
    [...document.querySelectorAll('[style]')]
      .filter((element) => (element.getAttribute('style') ?? '').trim() !== '')
      .map((element) => element.outerHTML.slice(0, 120)),
  );
  assert.deepEqual(styled, [], `inline styles on ${label}`);
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations;
  }, axeTags);
  const blocking = (violations as AxeViolation[]).filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  assert.deepEqual(
    blocking.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      where: violation.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    })),
    [],
    `axe found serious or critical violations on ${label} (${page.url()})`,
  );
}

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, account: Account, next?: string): Promise<void> {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel(/^(이메일|Email)/).fill(account.email);
  await page.getByLabel(/^(비밀번호|Password)/).fill(account.password);
  await page.getByRole('button', { name: /^(로그인|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Waits until no live region of the page's main content still says it is loading ("…"). */
export async function waitForLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('main [role="status"]')].some((region) =>
        region.textContent?.includes('…'),
      ),
  );
}
