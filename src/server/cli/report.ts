/**
 * `rightscity report --year YYYY --lang ko|en --format html|pdf --out FILE`: the year's Human Rights
 * City report from the configured database. PDF needs Chromium; without it the command says how to
 * install it and exits 1, and `--format html` still works.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { readConfig } from '../../kernel/server/config.ts';
import { buildReport } from '../../kernel/server/report/html.ts';
import { ChromiumMissing, printPdf } from '../../kernel/server/report/pdf.ts';
import { openConfiguredDatabase } from '../../kernel/server/runtime.ts';
import { loadDataset } from '../../kernel/server/seed/load-dataset.ts';
import type { Language } from '../../kernel/shared/language.ts';
import { modules } from '../modules.ts';

export function register(program: Command): void {
  program.addCommand(
    new Command('report')
      .description("write the year's Human Rights City report, generated from the data")
      .requiredOption('--year <year>', 'the year of the report, e.g. 2026', (value) => {
        const year = Number(value);
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          throw new Error('--year: a year such as 2026');
        return year;
      })
      .addOption(new Option('--lang <lang>', 'the language').choices(['ko', 'en']).default('ko'))
      .addOption(new Option('--format <format>', 'HTML or PDF').choices(['html', 'pdf']).default('html'))
      .requiredOption('--out <file>', 'the file to write')
      .action(async (options: { year: number; lang: Language; format: 'html' | 'pdf'; out: string }) => {
        const config = readConfig();
        // Said before the work, not after it.
        if (options.format === 'pdf' && !existsSync(config.CHROMIUM_PATH)) {
          console.error(new ChromiumMissing(config.CHROMIUM_PATH).message);
          process.exitCode = 1;
          return;
        }
        const opened = await openConfiguredDatabase(config, modules, 'report');
        let html: string;
        try {
          // As the server does at its first start: a new data directory gets the city's dataset.
          await loadDataset({
            database: opened.database,
            modules,
            city: config.RIGHTSCITY_CITY,
            reset: false,
            demo: false,
          });
          html = await buildReport(opened.database.db, modules, {
            year: options.year,
            language: options.lang,
          });
        } finally {
          await opened.close();
        }
        if (options.format === 'html') {
          writeFileSync(options.out, html);
        } else {
          writeFileSync(options.out, await printPdf(html, config.CHROMIUM_PATH));
        }
        console.log(
          `Wrote the ${options.year} report (${options.lang}, ${options.format}) to ${options.out}.`,
        );
      }),
  );
}
