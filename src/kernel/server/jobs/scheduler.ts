/**
 * Scheduled work inside the server process: every module may declare periodic jobs in its manifest
 * (`jobs`), and each server looks every JOBS_TICK_SECONDS for the ones that are due. When several
 * servers share one PostgreSQL database, a job runs on one of them at a time: the run is claimed by a
 * conditional UPDATE of the job's row in `jobs_schedule` (PostgreSQL re-checks the condition after a
 * concurrent claim commits, so the second server finds the lease taken), with a lease so that a server
 * killed mid-run holds the job only until the lease ends. On PGlite there is one server anyway.
 *
 * Time is the kernel clock's, so tests stand it where they want (`setClockNow`) and call
 * `runDueJobs` rather than waiting.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { clock } from '../city/clock.ts';
import type { Db } from '../db.ts';
import type { Kernel, ScheduledJob } from '../module.ts';

export type JobsTables = {
  jobs_schedule: {
    name: string;
    next_run_at: Date;
    claimed_by: string | null;
    claimed_until: Date | null;
    last_started_at: Date | null;
    last_finished_at: Date | null;
    last_error: string | null;
  };
};

const jobsDb = (db: Db): Kysely<JobsTables> => db.withTables<JobsTables>() as unknown as Kysely<JobsTables>;

/** How long a claimed run may take before another server may take the job over. */
export const defaultLeaseSeconds = 600;

/** Every registered job, in module order; a name used twice stops the server at start. */
export function registeredJobs(kernel: Pick<Kernel, 'modules'>): ScheduledJob[] {
  const jobs = kernel.modules.flatMap((module) => module.jobs ?? []);
  const seen = new Set<string>();
  for (const job of jobs) {
    if (seen.has(job.name)) throw new Error(`Two scheduled jobs are named ${job.name}`);
    seen.add(job.name);
  }
  return jobs;
}

const addSeconds = (instant: Date, seconds: number) => new Date(instant.getTime() + seconds * 1000);

/**
 * Claims one run of `job` if it is due at `now` and nobody holds it; true when this caller may run it.
 * A concurrent job (`concurrent: true`) is never claimed: it runs on every server and claims its own
 * work (the mail worker claims each message).
 */
async function claim(db: Db, job: ScheduledJob, owner: string, now: Date): Promise<boolean> {
  const jobs = jobsDb(db);
  await jobs
    .insertInto('jobs_schedule')
    .values({ name: job.name, next_run_at: now })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const claimed = await jobs
    .updateTable('jobs_schedule')
    .set({
      claimed_by: owner,
      claimed_until: addSeconds(now, job.leaseSeconds ?? defaultLeaseSeconds),
      last_started_at: now,
    })
    .where('name', '=', job.name)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
    .returning('name')
    .executeTakeFirst();
  return claimed !== undefined;
}

async function finish(db: Db, job: ScheduledJob, owner: string, started: Date, error: string | null) {
  await jobsDb(db)
    .updateTable('jobs_schedule')
    .set({
      next_run_at: addSeconds(started, job.everySeconds),
      claimed_by: null,
      claimed_until: null,
      last_finished_at: clock().now(),
      last_error: error,
    })
    .where('name', '=', job.name)
    .where('claimed_by', '=', owner)
    .execute();
}

/** This process's name in claims: host and pid, for an operator reading `jobs_schedule`. */
export const processOwner = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Runs every registered job that is due at the kernel clock's now and that no other server holds;
 * returns the names of the jobs it ran. A job's failure is recorded on its row and logged, never
 * thrown: one broken job must not stop the others.
 */
export async function runDueJobs(
  kernel: Kernel,
  options: { owner?: string; log?: (message: string) => void } = {},
): Promise<string[]> {
  const owner = options.owner ?? processOwner();
  const db = kernel.database.db;
  const ran: string[] = [];
  for (const job of registeredJobs(kernel)) {
    const now = clock().now();
    if (!job.concurrent && !(await claim(db, job, owner, now))) continue;
    let error: string | null = null;
    try {
      await job.run(db, now, kernel);
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
      options.log?.(`Scheduled job ${job.name} failed: ${error}`);
    }
    if (!job.concurrent) await finish(db, job, owner, now, error);
    ran.push(job.name);
  }
  return ran;
}

export interface Scheduler {
  /** Stops looking for work and waits for the run under way, if any. */
  stop(): Promise<void>;
}

/** Starts the server's loop: a look every `tickSeconds`, the first after `startDelaySeconds`. */
export function startScheduler(
  kernel: Kernel,
  options: { tickSeconds: number; startDelaySeconds: number; log: (message: string) => void },
): Scheduler {
  const owner = processOwner();
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    running = runDueJobs(kernel, { owner, log: options.log })
      .catch((error) =>
        options.log(`Scheduled jobs could not run: ${error instanceof Error ? error.message : error}`),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.tickSeconds * 1000);
      });
  };
  timer = setTimeout(tick, options.startDelaySeconds * 1000);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
