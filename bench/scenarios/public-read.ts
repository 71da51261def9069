/**
 * `public_read_ratio`, `public_read_p99_ms` and `server_rss_mb`. Each public read endpoint is loaded
 * with 50 connections from a separate process, after `GET /api/v1/health` on the same server in the
 * same run; an endpoint's ratio is its requests per second over the health check's, so it shows what
 * our own code costs above the framework. The figure is the worst endpoint's ratio and p99. The
 * server's peak memory (VmHWM) is reset after start and read after the loads.
 */
import { runLoad } from '../lib/load.ts';
import { peakRssMb, resetPeakRss } from '../lib/proc.ts';
import { printTable, round } from '../lib/report.ts';
import type { EngineScenario } from '../lib/scenario.ts';

const endpoints = [
  { role: 'portal home data', path: '/api/v1/portal/home', note: "every module's headlines" },
  { role: "an indicator's data", path: '/api/v1/indicators/1-1/observations', note: 'as seeded' },
  { role: 'an open-data CSV', path: '/api/v1/open-data/bureau-divisions.csv', note: '' },
];

export const publicRead: EngineScenario = {
  name: 'public read',
  async run({ engine, place, sizes, figures, reasons }) {
    const server = await place.start();
    try {
      const pid = server.child.pid ?? 0;
      const load = (path: string, seconds: number) =>
        runLoad({ url: server.url, path, connections: sizes.connections, duration: seconds });
      // Warm the caches and the JIT before anything is counted.
      for (const path of ['/api/v1/health', ...endpoints.map((endpoint) => endpoint.path)])
        await load(path, 1);
      const peakReset = resetPeakRss(pid);
      const rows: (string | number | null)[][] = [];
      let worstRatio = Number.POSITIVE_INFINITY;
      let worstP99 = 0;
      for (const endpoint of endpoints) {
        // The health check right before each endpoint: on a shared machine, what else runs changes
        // from minute to minute, and a ratio of two loads minutes apart would measure that instead.
        const health = await load('/api/v1/health', sizes.loadSeconds);
        const result = await load(endpoint.path, sizes.loadSeconds);
        if (result.non2xx > 0 || result.errors > 0) {
          throw new Error(`${endpoint.path}: ${result.non2xx} non-2xx, ${result.errors} errors under load`);
        }
        const ratio = result.rps / health.rps;
        worstRatio = Math.min(worstRatio, ratio);
        worstP99 = Math.max(worstP99, result.p99);
        rows.push([
          `GET ${endpoint.path}`,
          endpoint.role,
          round(result.rps, 0),
          round(result.p99, 1),
          round(health.rps, 0),
          round(health.p99, 1),
          round(ratio, 2),
          endpoint.note,
        ]);
      }
      figures.public_read_ratio = round(worstRatio, 2);
      figures.public_read_p99_ms = round(worstP99, 1);
      const rss = peakRssMb(pid);
      figures.server_rss_mb = rss === null ? null : round(rss, 0);
      if (rss === null) reasons.server_rss_mb = 'no /proc/<pid>/status on this system';
      printTable(
        `public reads (${engine}, ${sizes.connections} connections, ${sizes.loadSeconds} s each)`,
        ['endpoint', 'stands for', 'req/s', 'p99 ms', 'health req/s', 'health p99', 'ratio', 'note'],
        rows,
      );
      console.log(
        `server peak RSS under the read load: ${figures.server_rss_mb ?? '—'} MiB (aim < 300)${peakReset ? '' : ', including the start (the peak could not be reset)'}`,
      );
    } finally {
      await server.stop();
    }
  },
};
