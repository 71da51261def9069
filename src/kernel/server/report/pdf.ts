/**
 * The report as PDF: Chromium prints the HTML (A4, the stylesheet's page breaks), embedding the CJK
 * font the page uses. Chromium is a system package, not an npm one; where it is missing the error says
 * how to install it, and the HTML remains available.
 */
import { existsSync } from 'node:fs';

export class ChromiumMissing extends Error {
  constructor(readonly path: string) {
    super(
      `Chromium is not installed at ${path}, so the report cannot be printed as PDF. Install it with ` +
        '`apt-get install chromium fonts-noto-cjk` (Debian/Ubuntu) or set CHROMIUM_PATH to its executable; ' +
        '`--format html` writes the report without it.',
    );
  }
}

export async function printPdf(html: string, chromiumPath: string): Promise<Buffer> {
  if (!existsSync(chromiumPath)) throw new ChromiumMissing(chromiumPath);
  // Loaded when a PDF is asked for: the library weighs about 90 MB of memory that a server answering
  // ordinary requests has no use for.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    // The report is self-contained: nothing it could load from the network is wanted.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
