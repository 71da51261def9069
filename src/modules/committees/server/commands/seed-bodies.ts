/**
 * The bodies of seed sections 2.1–2.3 (`committees-bodies.csv`, `committees-organisers.csv`), with
 * their rules and historical counts taken from the figures (`figures.csv`, already loaded): the
 * Citizen Committee's seats, term and regular meetings, the Joint Meeting's 69 meetings in seven years,
 * the Roundtable's monthly rhythm and 66 meetings in eight years. The seed names no members and no
 * single meetings, so none are loaded. A reload updates the bodies in place and keeps everything the
 * secretariat recorded (the module lists no `seedTables`).
 */
import { sql } from 'kysely';
import type { SeedContext } from '../../../../kernel/server/module.ts';
import {
  integer,
  oneOf,
  optional,
  readCsv,
  rowError,
  text,
} from '../../../../kernel/server/seed/dataset-files.ts';
import { seedTrx } from '../../../../kernel/server/seed/tables.ts';
import { bodyKinds } from '../../contract.ts';
import { committeesTrx } from '../tables.ts';

export async function seedBodies(context: SeedContext): Promise<void> {
  const bodies = await readCsv(
    context,
    'committees-bodies.csv',
    {
      id: text,
      kind: oneOf(bodyKinds),
      name_ko: text,
      name_en: text,
      since_year: integer,
      seats_figure: optional(text),
      term_years_figure: optional(text),
      meetings_figure: optional(text),
      meetings_per: optional(oneOf(['year', 'month'] as const)),
      historical_meetings_figure: optional(text),
      historical_years_figure: optional(text),
      is_public: oneOf(['true', 'false'] as const),
      section: text,
      description_ko: text,
      description_en: text,
      quote: text,
      note: optional(text),
    },
    { key: 'id' },
  );
  const organisers = await readCsv(context, 'committees-organisers.csv', {
    body_id: text,
    position: integer,
    name_ko: text,
    name_en: text,
    quote: text,
  });
  if (bodies.length === 0) return;
  const figures = new Map(
    (await seedTrx(context.trx).selectFrom('seed_figures').select(['id', 'value']).execute()).map((f) => [
      f.id,
      f.value,
    ]),
  );
  const trx = committeesTrx(context.trx);
  for (const body of bodies) {
    const figure = (id: string | null): number | null => {
      if (id === null) return null;
      const value = figures.get(id);
      if (value === undefined) throw rowError(body.origin, `no figure "${id}" in figures.csv`);
      return value;
    };
    const meetings = figure(body.meetings_figure);
    const historicalIds = [body.historical_meetings_figure, body.historical_years_figure].filter(Boolean);
    await trx
      .insertInto('committees_bodies')
      .values({
        id: body.id,
        kind: body.kind,
        parent_id: null,
        name_ko: body.name_ko,
        name_en: body.name_en,
        description_ko: body.description_ko,
        description_en: body.description_en,
        since_year: body.since_year,
        seats: figure(body.seats_figure),
        term_years: figure(body.term_years_figure),
        meetings_per_year:
          meetings === null ? null : body.meetings_per === 'month' ? meetings * 12 : meetings,
        quorum: null,
        organisers: JSON.stringify(
          organisers
            .filter((organiser) => organiser.body_id === body.id)
            .sort((a, b) => a.position - b.position)
            .map((organiser) => ({ ko: organiser.name_ko, en: organiser.name_en })),
        ) as never,
        is_public: body.is_public === 'true',
        historical_meetings: figure(body.historical_meetings_figure),
        historical_years: figure(body.historical_years_figure),
        historical_source: historicalIds.length > 0 ? `${body.section}: ${historicalIds.join(', ')}` : null,
      })
      // A reload (`seed --reset`) brings the dataset's facts back but keeps what the secretariat
      // recorded since: members, meetings and bodies of their own refer to these rows.
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          name_ko: eb.ref('excluded.name_ko'),
          name_en: eb.ref('excluded.name_en'),
          description_ko: eb.ref('excluded.description_ko'),
          description_en: eb.ref('excluded.description_en'),
          since_year: eb.ref('excluded.since_year'),
          seats: eb.ref('excluded.seats'),
          term_years: eb.ref('excluded.term_years'),
          meetings_per_year: eb.ref('excluded.meetings_per_year'),
          organisers: eb.ref('excluded.organisers'),
          is_public: eb.ref('excluded.is_public'),
          historical_meetings: eb.ref('excluded.historical_meetings'),
          historical_years: eb.ref('excluded.historical_years'),
          historical_source: eb.ref('excluded.historical_source'),
          version: sql`committees_bodies.version + 1`,
          updated_at: new Date(),
        })),
      )
      .execute();
  }
}
