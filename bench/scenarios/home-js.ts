/**
 * `home_js_gzip_kb`: the JavaScript the public home page loads, gzipped, as a browser really loads it:
 * Debian's Chromium opens `/` on a server of the freshly built web app, and every script it fetches
 * until the network is idle (the entry, its preloads, and the home route's lazy chunks) is counted
 * at its gzip size (the server does not compress; a reverse proxy in front does).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Place } from '../lib/place.ts';
import { type Figures, printTable, type Reasons, round } from '../lib/report.ts';

const chromiumPath = '/usr/bin/chromium';

export async function measureHomeJs(place: Place, figures: Figures, reasons: Reasons): Promise<void> {
  const build = spawnSync('npm', ['run', 'build:web'], { encoding: 'utf8' });
  if (build.status !== 0) {
    figures.home_js_gzip_kb = null;
    reasons.home_js_gzip_kb = `the web build failed: ${(build.stderr || build.stdout).slice(0, 300)}`;
    return;
  }
  if (!existsSync(chromiumPath)) {
    figures.home_js_gzip_kb = null;
    reasons.home_js_gzip_kb = `no Chromium at ${chromiumPath} (apt-get install chromium)`;
    return;
  }
  const server = await place.start();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const pending: Promise<{ url: string; bytes: number; gzip: number }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        response.body().then((body) => ({
          url: new URL(response.url()).pathname,
          bytes: body.length,
          gzip: gzipSync(body).length,
        })),
      );
    });
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    const scripts = await Promise.all(pending);
    const total = scripts.reduce((sum, script) => sum + script.gzip, 0);
    figures.home_js_gzip_kb = round(total / 1024, 1);
    printTable(
      'JavaScript of the public home page',
      ['script', 'KiB', 'gzip KiB'],
      [
        ...scripts.map((script) => [script.url, round(script.bytes / 1024, 1), round(script.gzip / 1024, 1)]),
        [
          'total (aim < 150 gzip)',
          round(scripts.reduce((sum, s) => sum + s.bytes, 0) / 1024, 1),
          figures.home_js_gzip_kb,
        ],
      ],
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
