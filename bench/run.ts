/**
 * `npm run bench [-- --quick]`: every scenario on the embedded engine and, when DATABASE_URL is set,
 * on PostgreSQL; a table per scenario, then one line of JSON with every figure (null with its reason
 * where a figure could not be measured). Sizes: `lib/scenario.ts`, documented in README.md.
 */
import { availableParallelism } from 'node:os';
import type { Engine } from '../src/kernel/server/db.ts';
import { newPlace } from './lib/place.ts';
import type { Figures, Reasons } from './lib/report.ts';
import { type EngineScenario, sizes } from './lib/scenario.ts';
import { measureHomeJs } from './scenarios/home-js.ts';
import { importObservations } from './scenarios/import.ts';
import { intake } from './scenarios/intake.ts';
import { publicRead } from './scenarios/public-read.ts';
import { report } from './scenarios/report.ts';
import { search } from './scenarios/search.ts';
import { startup } from './scenarios/startup.ts';

/** In this order: the first start (startup) loads the dataset the others read. */
const scenarios: EngineScenario[] = [startup, publicRead, report, intake, search, importObservations];

const mode = process.argv.includes('--quick') ? 'quick' : 'full';
const engines: Engine[] = process.env.DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];
const startedAt = performance.now();
const results: Record<string, Figures> = {};
const reasons: Reasons = {};
const shared: Figures = {};

console.log(`rightscity bench (${mode}) on ${availableParallelism()} cores, Node ${process.version}`);
for (const engine of engines) {
  const place = await newPlace(engine);
  const figures: Figures = {};
  const engineReasons: Reasons = {};
  try {
    for (const scenario of scenarios) {
      await scenario.run({ engine, place, sizes: sizes[mode], figures, reasons: engineReasons });
    }
    // The web app's size does not depend on the engine: measured once, on the embedded one.
    if (engine === 'pglite') await measureHomeJs(place, shared, reasons);
  } finally {
    await place.drop();
  }
  results[engine] = figures;
  for (const [name, reason] of Object.entries(engineReasons)) reasons[`${engine}.${name}`] = reason;
}

const seconds = Math.round((performance.now() - startedAt) / 1000);
console.log(`\nfinished in ${seconds} s`);
console.log(
  JSON.stringify({
    bench: 'rightscity',
    mode,
    cores: availableParallelism(),
    node: process.version,
    seconds,
    ...shared,
    engines: results,
    reasons,
  }),
);
