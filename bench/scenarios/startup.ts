/**
 * `startup_ms`: from spawning `node bin/rightscity.mjs serve` to a healthy `/api/v1/health`, on an
 * empty place (migrations, the dataset's first load, the first admin) and again on the populated one
 * (the median of `populatedStarts`). The health check is polled every 100 ms, the resolution of the
 * figure.
 */
import { printTable, round } from '../lib/report.ts';
import type { EngineScenario } from '../lib/scenario.ts';

async function timedStart(start: () => Promise<{ stop(): Promise<void> }>): Promise<number> {
  const startedAt = performance.now();
  const server = await start();
  const elapsed = performance.now() - startedAt;
  await server.stop();
  return elapsed;
}

export const startup: EngineScenario = {
  name: 'startup',
  async run({ engine, place, sizes, figures }) {
    const empty = await timedStart(place.start);
    const populated: number[] = [];
    for (let i = 0; i < sizes.populatedStarts; i++) populated.push(await timedStart(place.start));
    const median = [...populated].sort((a, b) => a - b)[Math.floor(populated.length / 2)] ?? 0;
    figures.startup_empty_ms = round(empty, 0);
    figures.startup_ms = round(median, 0);
    printTable(
      `startup (${engine})`,
      ['data', 'ms to healthy', 'aim'],
      [
        ['empty (first start: migrations, dataset, admin)', round(empty, 0), '—'],
        [`populated (median of ${populated.length})`, round(median, 0), '< 3000'],
      ],
    );
  },
};
