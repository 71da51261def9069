/**
 * The module's part of the city's dataset: the phases of the local agenda (Table 6 and Table 7), the
 * 5th Agenda's agendas tagged with the UN goals they serve, and the Agenda 2030 framework. Every count
 * names the figure of `figures.csv` it reproduces and must equal it, and Table 6's area counts must
 * add up to their phase's, so that the tables can only ever show what the seed document states.
 */

import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { SeedContext } from '../../../../kernel/server/module.ts';
import {
  DatasetError,
  integer,
  matching,
  optional,
  type RowOrigin,
  readCsv,
  rowError,
  text,
} from '../../../../kernel/server/seed/dataset-files.ts';
import { setTags } from '../../../../kernel/server/vocabularies/tags.ts';
import { moduleName, type SdgTables, sdgTrx, type UnSdgCell } from '../tables.ts';

const code = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case code');
const figureId = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a figure id of figures.csv');
const unSdgList = matching(
  /^\d{1,2} [^;]+(; \d{1,2} [^;]+)*$/,
  'goals as Table 7 prints them, separated by "; " (e.g. "6 Clean Water and Sanitation; 14 Life Below Water")',
);

/** Checks that a count in one of the module's files is the value of the figure it names. */
async function checkFigure(
  trx: Transaction<SdgTables>,
  origin: RowOrigin,
  column: string,
  value: number | null,
  id: string | null,
): Promise<void> {
  if (value === null && id === null) return;
  if (value === null || id === null) {
    throw rowError(origin, `columns "${column}" and "${column}_figure" must be both filled or both blank`);
  }
  const figure = await trx.selectFrom('seed_figures').select('value').where('id', '=', id).executeTakeFirst();
  if (!figure) throw rowError(origin, `column "${column}_figure": figures.csv has no figure "${id}"`);
  if (Number(figure.value) !== value) {
    throw rowError(
      origin,
      `column "${column}": ${value} is not the value of the figure ${id} (${figure.value})`,
    );
  }
}

async function seedPhases(context: SeedContext, trx: Transaction<SdgTables>): Promise<void> {
  const phases = await readCsv(
    context,
    'agenda-phases.csv',
    {
      phase: integer,
      name_ko: text,
      name_en: text,
      start_year: integer,
      end_year: integer,
      source_table: matching(/^Table \d+$/, 'a table of the seed document ("Table 6")'),
      agendas: optional(integer),
      areas: optional(integer),
      agendas_figure: optional(figureId),
      areas_figure: optional(figureId),
    },
    { key: 'phase' },
  );
  const systems = await readCsv(context, 'agenda-systems.csv', {
    phase: integer,
    position: integer,
    name_ko: text,
    name_en: text,
  });
  const areas = await readCsv(context, 'agenda-areas.csv', {
    phase: integer,
    code,
    position: integer,
    name_ko: text,
    name_en: text,
    agendas: optional(integer),
    agendas_figure: optional(figureId),
  });
  const known = new Set(phases.map((phase) => phase.phase));
  for (const row of [...systems, ...areas]) {
    if (!known.has(row.phase)) throw rowError(row.origin, `column "phase": no phase ${row.phase}`);
  }
  for (const phase of phases) {
    await checkFigure(trx, phase.origin, 'agendas', phase.agendas, phase.agendas_figure);
    await checkFigure(trx, phase.origin, 'areas', phase.areas, phase.areas_figure);
    const own = areas.filter((area) => area.phase === phase.phase);
    if (phase.areas !== null && own.length !== phase.areas) {
      throw rowError(
        phase.origin,
        `column "areas": ${phase.areas}, but agenda-areas.csv lists ${own.length}`,
      );
    }
    const sum = own.reduce((total, area) => total + (area.agendas ?? 0), 0);
    if (phase.agendas !== null && sum !== phase.agendas) {
      throw rowError(phase.origin, `column "agendas": ${phase.agendas}, but its areas add up to ${sum}`);
    }
  }
  for (const area of areas) await checkFigure(trx, area.origin, 'agendas', area.agendas, area.agendas_figure);

  // A city without a history of local agendas (the sample city) lists none.
  if (phases.length === 0) return;
  await trx
    .insertInto('sdg_phases')
    .values(
      phases.map((phase) => ({
        phase: phase.phase,
        name_ko: phase.name_ko,
        name_en: phase.name_en,
        start_year: phase.start_year,
        end_year: phase.end_year,
        source_table: phase.source_table,
        stated_agendas: phase.agendas,
        stated_areas: phase.areas,
      })),
    )
    .execute();
  if (systems.length > 0) {
    await trx
      .insertInto('sdg_phase_systems')
      .values(systems.map(({ origin: _origin, ...system }) => system))
      .execute();
  }
  if (areas.length > 0) {
    await trx
      .insertInto('sdg_areas')
      .values(
        areas.map((area) => ({
          phase: area.phase,
          code: area.code,
          position: area.position,
          name_ko: area.name_ko,
          name_en: area.name_en,
          stated_agendas: area.agendas,
        })),
      )
      .execute();
  }
}

function parseUnSdgs(origin: RowOrigin, cell: string): UnSdgCell[] {
  return cell.split('; ').map((label) => {
    const goal = Number(label.split(' ')[0]);
    if (goal < 1 || goal > 17) throw rowError(origin, `column "un_sdgs": there is no UN goal ${goal}`);
    return { goal, label };
  });
}

async function seedAgendas(context: SeedContext, trx: Transaction<SdgTables>): Promise<void> {
  const agendas = await readCsv(context, 'sdg-local-agendas.csv', {
    phase: integer,
    number: integer,
    area: code,
    name_ko: text,
    name_en: text,
    tasks: integer,
    indicators: integer,
    un_sdgs: unSdgList,
    tasks_figure: figureId,
    indicators_figure: figureId,
  });
  const areas = await trx.selectFrom('sdg_areas').select(['phase', 'code']).execute();
  const seen = new Set<string>();
  const rows = [];
  for (const agenda of agendas) {
    const key = `${agenda.phase}/${agenda.number}`;
    if (seen.has(key))
      throw rowError(agenda.origin, `agenda ${agenda.number} of phase ${agenda.phase} repeats`);
    seen.add(key);
    if (!areas.some((area) => area.phase === agenda.phase && area.code === agenda.area)) {
      throw rowError(agenda.origin, `column "area": phase ${agenda.phase} has no area "${agenda.area}"`);
    }
    await checkFigure(trx, agenda.origin, 'tasks', agenda.tasks, agenda.tasks_figure);
    await checkFigure(trx, agenda.origin, 'indicators', agenda.indicators, agenda.indicators_figure);
    rows.push({
      phase: agenda.phase,
      number: agenda.number,
      area_code: agenda.area,
      name_ko: agenda.name_ko,
      name_en: agenda.name_en,
      tasks: agenda.tasks,
      indicators: agenda.indicators,
      un_sdgs: parseUnSdgs(agenda.origin, agenda.un_sdgs),
    });
  }
  if (rows.length === 0) return;
  await trx
    .insertInto('sdg_agendas')
    .values(rows.map((row) => ({ ...row, un_sdgs: JSON.stringify(row.un_sdgs) as unknown as UnSdgCell[] })))
    .execute();
  for (const row of rows) {
    await setTags(
      context.trx,
      {
        module: moduleName,
        recordType: 'agenda',
        recordId: `${row.phase}-${row.number}`,
        isPublic: true,
        title: { ko: `${row.number}. ${row.name_ko}`, en: `${row.number}. ${row.name_en}` },
        path: agendaPath(row.number),
      },
      row.un_sdgs.map(({ goal }) => ({ vocabulary: 'sdg-goals', code: String(goal) })),
    );
  }
}

/** Where a 5th-Agenda agenda is shown: its row in the table of local agendas. */
export function agendaPath(number: number): string {
  return `/sdg/agendas#agenda-${number}`;
}

/** The framework is upserted, not emptied on a reset: assessments that people made point at it. */
async function seedFramework(context: SeedContext, trx: Transaction<SdgTables>): Promise<void> {
  const categories = await readCsv(
    context,
    'agenda-2030-categories.csv',
    { code, position: integer, name_ko: text, name_en: text },
    { key: 'code' },
  );
  const components = await readCsv(
    context,
    'agenda-2030-components.csv',
    { code, position: integer, name_ko: text, name_en: text, description_ko: text, description_en: text },
    { key: 'code' },
  );
  const stated = await trx
    .selectFrom('seed_figures')
    .select('value')
    .where('id', '=', 'agenda-2030-categories')
    .executeTakeFirst();
  if (stated && Number(stated.value) !== categories.length) {
    throw new DatasetError(
      `agenda-2030-categories.csv lists ${categories.length} categories; the figure agenda-2030-categories says ${stated.value}`,
    );
  }
  const update = (columns: string[]) =>
    Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)]));
  // A city that has not adopted the framework (the sample city) lists no category or component.
  if (categories.length > 0)
    await trx
      .insertInto('sdg_a2030_categories')
      .values(categories.map(({ origin: _origin, ...row }) => row))
      .onConflict((oc) => oc.column('code').doUpdateSet(update(['position', 'name_ko', 'name_en'])))
      .execute();
  if (components.length === 0) return;
  await trx
    .insertInto('sdg_a2030_components')
    .values(components.map(({ origin: _origin, ...row }) => row))
    .onConflict((oc) =>
      oc
        .column('code')
        .doUpdateSet(update(['position', 'name_ko', 'name_en', 'description_ko', 'description_en'])),
    )
    .execute();
}

export async function seedSdg(context: SeedContext): Promise<void> {
  const trx = sdgTrx(context.trx);
  await seedPhases(context, trx);
  await seedAgendas(context, trx);
  await seedFramework(context, trx);
}
