/**
 * The plans from the city's dataset: the basic plans with their periods and legal basis, the areas
 * of the action plan, and which figures each plan states (the 123 policy tasks, the six areas). Rows
 * are matched by code and updated in place, so a reload keeps the tasks staff entered. No task comes
 * from the dataset (the seed names none); `--demo` adds a few sample tasks, marked as samples, to the
 * year `demoYear`, and every reload first removes the samples of an earlier one.
 */
import { type Insertable, sql, type Transaction } from 'kysely';
import { deleteStoredFile } from '../../../../kernel/server/files/index.ts';
import type { SeedContext } from '../../../../kernel/server/module.ts';
import {
  DatasetError,
  integer,
  matching,
  optional,
  readCsv,
  text,
} from '../../../../kernel/server/seed/dataset-files.ts';
import { removeRecord } from '../../../../kernel/server/vocabularies/tags.ts';
import { type PlanTables, planTrx } from '../tables.ts';
import { importTasksIn } from './import-tasks.ts';
import { taskRecord } from './save-tasks.ts';

/** The year the sample tasks go in: the last year of the second basic plan. */
export const demoYear = 2022;
const kebab = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case code');

/** Inserts the rows, or updates every other column of the row that has the same code. */
async function upsertByCode<T extends 'plan_basic_plans' | 'plan_areas'>(
  trx: Transaction<PlanTables>,
  table: T,
  rows: Insertable<PlanTables[T]>[],
): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = Object.keys(first).filter((column) => column !== 'code');
  await trx
    .insertInto(table)
    .values(rows as never)
    .onConflict((oc) =>
      oc
        .column('code' as never)
        .doUpdateSet(
          Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)])) as never,
        ),
    )
    .execute();
}

export async function seedPlan(context: SeedContext): Promise<void> {
  const plans = await readCsv(
    context,
    'plan-basic-plans.csv',
    {
      code: kebab,
      edition: integer,
      name_ko: text,
      name_en: text,
      start_year: integer,
      end_year: integer,
      established: matching(/^\d{4}-\d{2}$/, 'a year and month such as 2017-11'),
      basis_ko: text,
      basis_en: text,
      source_section: text,
      note: optional(text),
    },
    { key: 'code' },
  );
  const areas = await readCsv(
    context,
    'plan-areas.csv',
    {
      code: kebab,
      basic_plan: kebab,
      number: integer,
      name_ko: text,
      name_en: text,
      source_section: text,
      note: optional(text),
    },
    { key: 'code' },
  );
  const figures = await readCsv(context, 'plan-figures.csv', {
    basic_plan: kebab,
    key: kebab,
    figure_id: kebab,
  });
  const trx = planTrx(context.trx);
  const known = new Set(
    (await trx.selectFrom('seed_figures').select('id').execute()).map((figure) => figure.id),
  );
  for (const figure of figures) {
    if (!known.has(figure.figure_id)) {
      throw new DatasetError(
        `${figure.origin.file}, line ${figure.origin.line}: figures.csv has no figure "${figure.figure_id}"`,
      );
    }
  }
  await upsertByCode(
    trx,
    'plan_basic_plans',
    plans.map(({ origin: _origin, ...plan }) => plan),
  );
  await upsertByCode(
    trx,
    'plan_areas',
    areas.map(({ origin: _origin, ...area }) => area),
  );
  await trx.deleteFrom('plan_figures').execute();
  if (figures.length > 0) {
    await trx
      .insertInto('plan_figures')
      .values(figures.map(({ basic_plan, key, figure_id }) => ({ basic_plan, key, figure_id })))
      .execute();
  }

  const samples = await trx.selectFrom('plan_tasks').select('id').where('is_sample', '=', true).execute();
  for (const sample of samples) await removeRecord(context.trx, taskRecord(sample.id));
  if (samples.length > 0) {
    // The evidence someone tried the samples with goes with them (a file stays on one task's reports).
    const files = await trx
      .selectFrom('plan_report_files as f')
      .innerJoin('plan_reports as r', 'r.id', 'f.report_id')
      .innerJoin('plan_tasks as t', 't.id', 'r.task_id')
      .select('f.file_id')
      .distinct()
      .where('t.is_sample', '=', true)
      .execute();
    // Children first: a sample's parent is a sample too.
    await trx.updateTable('plan_tasks').set({ parent_id: null }).where('is_sample', '=', true).execute();
    await trx.deleteFrom('plan_tasks').where('is_sample', '=', true).execute();
    for (const { file_id } of files) await deleteStoredFile(context.trx, file_id);
  }
  if (context.demo) {
    const file = Buffer.from(await context.readFile('plan-demo-tasks.csv'), 'utf8');
    await importTasksIn(
      { trx: context.trx, actor: { userId: null }, audit: async () => {} },
      demoYear,
      file,
      'csv',
      {
        isSample: true,
      },
    );
  }
}
