import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { modules as allModules } from '../../../server/modules.ts';
import { setClockNow } from '../city/clock.ts';
import type { Kernel, ServerModule } from '../module.ts';
import { createTestDatabase, type TestDatabase, testConfig } from '../testing.ts';
import { runDueJobs as runAll, startScheduler } from './scheduler.ts';

/** The fixture's jobs that ran (the registered modules' own jobs, mail off, run beside them). */
const runDueJobs = async (...args: Parameters<typeof runAll>) =>
  (await runAll(...args)).filter((name) => name.startsWith('jobsfixture.'));

// A module of this test's own, the way reminders plug in: a job in the manifest, unknown to the kernel.
const runs: { job: string; now: Date }[] = [];
let gate: Promise<void> = Promise.resolve();
const fixture: ServerModule = {
  name: 'jobsfixture',
  jobs: [
    {
      name: 'jobsfixture.hourly',
      everySeconds: 3600,
      async run(_db, now) {
        runs.push({ job: 'hourly', now });
        await gate;
      },
    },
    {
      name: 'jobsfixture.broken',
      everySeconds: 60,
      async run() {
        throw new Error('broken on purpose');
      },
    },
  ],
};

describe('scheduled jobs', () => {
  let test: TestDatabase;
  let kernel: Kernel;
  let restore: (() => void) | undefined;
  const hourly = () => runs.filter((run) => run.job === 'hourly').length;

  before(async () => {
    const modules = [...allModules, fixture];
    test = await createTestDatabase(modules);
    kernel = { config: testConfig(), database: test.database, modules };
  });
  after(() => test?.close());
  afterEach(() => restore?.());

  it('runs a job when it is due by the kernel clock, once per period, and records a failing one without stopping the rest', async () => {
    const start = new Date('2026-05-01T00:00:00Z');
    restore = setClockNow(start);
    const logged: string[] = [];
    assert.deepEqual(await runDueJobs(kernel, { log: (line) => logged.push(line) }), [
      'jobsfixture.hourly',
      'jobsfixture.broken',
    ]);
    assert.equal(hourly(), 1);
    assert.deepEqual(logged, ['Scheduled job jobsfixture.broken failed: broken on purpose']);
    const broken = await sql<{
      last_error: string | null;
    }>`select last_error from jobs_schedule where name = 'jobsfixture.broken'`.execute(test.database.db);
    assert.equal(broken.rows[0]?.last_error, 'broken on purpose');

    restore();
    restore = setClockNow(new Date(start.getTime() + 59 * 60_000));
    assert.deepEqual(await runDueJobs(kernel), ['jobsfixture.broken'], 'the hourly job is not due yet');
    restore();
    restore = setClockNow(new Date(start.getTime() + 3600_000));
    assert.deepEqual(await runDueJobs(kernel), ['jobsfixture.hourly', 'jobsfixture.broken']);
    assert.equal(hourly(), 2);
    assert.equal(runs.at(-1)?.now.toISOString(), '2026-05-01T01:00:00.000Z');
  });

  it('runs a due job on one of two servers looking at once, and lets another take it over after a lease runs out', async () => {
    const start = new Date('2026-06-01T00:00:00Z');
    restore = setClockNow(start);
    let open = () => {};
    gate = new Promise((resolve) => {
      open = resolve;
    });
    const before = hourly();
    // The first server is mid-run (held at the gate) while the second looks.
    const first = runDueJobs(kernel, { owner: 'server-a' });
    while (hourly() === before) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(await runDueJobs(kernel, { owner: 'server-b' }), ['jobsfixture.broken']);
    open();
    await first;
    assert.equal(hourly(), before + 1);

    // A server that died holding the job: its claim lasts the lease (600 s), then the job is taken over.
    await sql`update jobs_schedule set next_run_at = ${start}, claimed_by = 'dead', claimed_until = ${new Date(start.getTime() + 600_000)} where name = 'jobsfixture.hourly'`.execute(
      test.database.db,
    );
    assert.ok(!(await runDueJobs(kernel, { owner: 'server-b' })).includes('jobsfixture.hourly'));
    restore();
    restore = setClockNow(new Date(start.getTime() + 600_000));
    assert.ok((await runDueJobs(kernel, { owner: 'server-b' })).includes('jobsfixture.hourly'));
  });

  it('starts a loop that looks for work on its own and stops cleanly', async () => {
    restore = setClockNow(new Date('2026-07-01T00:00:00Z'));
    const before = hourly();
    const scheduler = startScheduler(kernel, { tickSeconds: 1, startDelaySeconds: 0, log: () => {} });
    while (hourly() === before) await new Promise((resolve) => setTimeout(resolve, 20));
    await scheduler.stop();
    assert.equal(hourly(), before + 1);
  });
});
