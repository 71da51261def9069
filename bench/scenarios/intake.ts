/**
 * `intake_rps`, `intake_p99_ms`, `intake_lost`: complaints filed through the public API
 * (`POST /api/v1/ombudsman/complaints`) by many clients at once; every receipt the server answered
 * with is then looked up in the database, with the server stopped: `intake_lost` counts the ones
 * that are not there (it must be 0).
 */
import { sql } from 'kysely';
import { hasOperation } from '../lib/api.ts';
import { runLoad } from '../lib/load.ts';
import { printTable, round } from '../lib/report.ts';
import type { EngineScenario } from '../lib/scenario.ts';

const complaint = JSON.stringify({
  anonymous: true,
  respondent: '광주광역시 벤치마크과',
  summary: '접수 성능 측정 {n}',
  description: '벤치마크가 접수한 민원입니다. 번호 {n}. The benchmark filed this complaint.',
  consent: true,
});

export const intake: EngineScenario = {
  name: 'intake',
  async run({ engine, place, sizes, figures, reasons }) {
    const server = await place.start();
    let receipts: string[];
    let result: Awaited<ReturnType<typeof runLoad>>;
    try {
      if (!(await hasOperation(server.url, 'post', '/api/v1/ombudsman/complaints'))) {
        for (const name of ['intake_rps', 'intake_p99_ms', 'intake_lost']) {
          figures[name] = null;
          reasons[name] = 'the ombudsman module (POST /api/v1/ombudsman/complaints) is not installed';
        }
        return;
      }
      result = await runLoad({
        url: server.url,
        path: '/api/v1/ombudsman/complaints',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        bodyTemplate: complaint,
        collect: 'receiptNumber',
        connections: sizes.intakeConnections,
        duration: sizes.intakeSeconds,
      });
      receipts = result.collected;
    } finally {
      await server.stop();
    }
    const database = await place.open();
    let found = 0;
    try {
      for (let i = 0; i < receipts.length; i += 1000) {
        const page = receipts.slice(i, i + 1000);
        const rows = await sql<{ count: number }>`
          select count(*)::int as count from ombudsman_cases where receipt_number = any(${page})`.execute(
          database.db,
        );
        found += rows.rows[0]?.count ?? 0;
      }
    } finally {
      await database.close();
    }
    figures.intake_rps = round(result.ok / sizes.intakeSeconds, 0);
    figures.intake_p99_ms = round(result.p99, 1);
    figures.intake_lost = receipts.length - found;
    printTable(
      `complaint intake (${engine}, ${sizes.intakeConnections} connections, ${sizes.intakeSeconds} s)`,
      ['acknowledged', 'per second', 'p50 ms', 'p99 ms', 'refused', 'errors', 'lost'],
      [
        [
          receipts.length,
          figures.intake_rps,
          round(result.p50, 1),
          figures.intake_p99_ms,
          result.non2xx,
          result.errors,
          figures.intake_lost,
        ],
      ],
    );
  },
};
