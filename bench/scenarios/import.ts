/**
 * `import_rows_per_s`, `import_vs_copy`, `import_peak_rss_mb`: importing indicator observations from
 * an Open SDG CSV (`Year`, a column per disaggregation, `Units`, `GeoCode`, `Value`) as an official
 * does, by uploading it to `POST /api/v1/indicators/1-1/observations`, against a raw `COPY` of the
 * same rows into a table of the same shape in the same engine (`copy_rows_per_s`: PGlite's COPY from
 * a blob; psql's `\copy` on PostgreSQL). The peak is the server's (VmHWM, reset before the upload).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { adminHeaders, hasOperation } from '../lib/api.ts';
import { peakRssMb, resetPeakRss } from '../lib/proc.ts';
import { printTable, round } from '../lib/report.ts';
import type { EngineScenario } from '../lib/scenario.ts';

const table = `create table bench_copy_observations (
  year integer not null, sex text, age text, geocode text, units text not null, value numeric not null)`;

/**
 * An Open SDG CSV of `rows` observations, each (year, sex, age group, area) once: 2000–2029 × three
 * sexes (blank = total) × four age groups × as many area codes as the count needs.
 */
export function openSdgCsv(rows: number): string {
  const sexes = ['', 'female', 'male'];
  const ages = ['', 'Y0T14', 'Y15T64', 'Y65T'];
  const lines = ['Year,Sex,Age,GeoCode,Units,Value'];
  for (let n = 0; n < rows; n++) {
    const year = 2000 + (n % 30);
    const sex = sexes[Math.floor(n / 30) % sexes.length];
    const age = ages[Math.floor(n / 90) % ages.length];
    const area = `29${String(Math.floor(n / 360)).padStart(6, '0')}`;
    lines.push(`${year},${sex},${age},${area},percent,${((n * 7919) % 100_000) / 1000}`);
  }
  return `${lines.join('\n')}\n`;
}

async function copyIntoPglite(file: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'rightscity-bench-copy-'));
  const pglite = await PGlite.create(dir);
  try {
    await pglite.exec(table);
    const blob = new Blob([readFileSync(file)]);
    const startedAt = performance.now();
    await pglite.query(`copy bench_copy_observations from '/dev/blob' with (format csv, header true)`, [], {
      blob,
    });
    return performance.now() - startedAt;
  } finally {
    await pglite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function copyIntoPostgres(url: string, file: string): Promise<number> {
  const startedAt = performance.now();
  const result = spawnSync(
    'psql',
    [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy bench_copy_observations from '${file}' with (format csv, header true)`,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`psql \\copy: ${result.stderr || result.error}`);
  return performance.now() - startedAt;
}

/** Uploads the file as an official would; the rows imported and the milliseconds it took. */
function upload(
  url: string,
  headers: Record<string, string>,
  file: string,
): Promise<{ imported: number; ms: number }> {
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'text/csv', 'content-length': statSync(file).size },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () => {
          if (response.statusCode !== 200)
            reject(new Error(`import: ${response.statusCode} ${body.slice(0, 500)}`));
          else
            resolve({
              imported: (JSON.parse(body) as { imported: number }).imported,
              ms: performance.now() - startedAt,
            });
        });
      },
    );
    outgoing.on('error', reject);
    createReadStream(file).pipe(outgoing);
  });
}

const indicator = '1-1';

export const importObservations: EngineScenario = {
  name: 'import',
  async run({ engine, place, sizes, figures, reasons }) {
    const dir = mkdtempSync(join(tmpdir(), 'rightscity-bench-csv-'));
    const file = join(dir, 'observations.csv');
    try {
      writeFileSync(file, openSdgCsv(sizes.importRows));
      let copyMs: number;
      if (engine === 'pglite') copyMs = await copyIntoPglite(file);
      else {
        const database = await place.open();
        try {
          await sql.raw(table).execute(database.db);
        } finally {
          await database.close();
        }
        copyMs = await copyIntoPostgres(place.env.DATABASE_URL ?? '', file);
      }
      const copyRate = sizes.importRows / (copyMs / 1000);
      figures.copy_rows_per_s = round(copyRate, 0);

      const server = await place.start();
      let imported: { imported: number; ms: number } | undefined;
      let peak: number | null = null;
      try {
        const path = `/api/v1/indicators/${indicator}/observations`;
        if (await hasOperation(server.url, 'post', '/api/v1/indicators/{code}/observations')) {
          const pid = server.child.pid ?? 0;
          resetPeakRss(pid);
          imported = await upload(`${server.url}${path}`, await adminHeaders(server.url), file);
          peak = peakRssMb(pid);
          if (imported.imported !== sizes.importRows) {
            throw new Error(`imported ${imported.imported} of ${sizes.importRows} rows`);
          }
        }
      } finally {
        await server.stop();
      }
      if (imported) {
        const rate = sizes.importRows / (imported.ms / 1000);
        figures.import_rows_per_s = round(rate, 0);
        figures.import_vs_copy = round(rate / copyRate, 2);
        figures.import_peak_rss_mb = peak === null ? null : round(peak, 0);
      } else {
        for (const name of ['import_rows_per_s', 'import_vs_copy', 'import_peak_rss_mb']) {
          figures[name] = null;
          reasons[name] =
            'the indicators module (POST /api/v1/indicators/{code}/observations) is not installed';
        }
      }
      printTable(
        `indicator observations (${engine}, ${sizes.importRows} rows of Open SDG CSV)`,
        ['how', 'rows/s', 'ms', 'vs COPY', 'server peak MiB'],
        [
          ['raw COPY (the baseline)', figures.copy_rows_per_s, round(copyMs, 0), 1, null],
          [
            `upload to POST /api/v1/indicators/${indicator}/observations`,
            figures.import_rows_per_s ?? null,
            imported ? round(imported.ms, 0) : null,
            figures.import_vs_copy ?? null,
            figures.import_peak_rss_mb ?? null,
          ],
        ],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
