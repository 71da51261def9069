/**
 * Reads shared by routes, commands, open data, headlines and search. Every figure of an edition is
 * read from the city's figures (`seed_figures`) through `forum_edition_figures`, so Table 5 is the
 * dataset's and nothing else.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import {
  type EditionDetail,
  type EditionMeasure,
  type EditionSummary,
  editionMeasures,
  type Figure,
  type Overview,
  type Project,
  type Session,
  type Speaker,
  type Table5,
  type Table5Row,
  type UnRegister,
} from '../contract.ts';
import { type ForumTables, forumDb } from './tables.ts';

type Reader = Db | Transaction<object>;

export const editionPath = (year: number) => `/forum/${year}`;
export const unPath = '/forum/un';

const editionColumns = [
  'year',
  sql<string | null>`starts_on::text`.as('starts_on'),
  sql<string | null>`ends_on::text`.as('ends_on'),
  'theme_ko',
  'theme_en',
  'capacity',
  'registration_open',
  'source_section',
  'note',
  'version',
] as const;

type EditionRow = {
  year: number;
  starts_on: string | null;
  ends_on: string | null;
  theme_ko: string | null;
  theme_en: string | null;
  capacity: number | null;
  registration_open: boolean;
  source_section: string | null;
  note: string | null;
  version: number;
};

export async function loadEdition(
  reader: Reader,
  year: number,
  options: { forUpdate?: boolean } = {},
): Promise<EditionRow> {
  let query = forumDb(reader).selectFrom('forum_editions').select(editionColumns).where('year', '=', year);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function countRegistrations(reader: Reader, year: number): Promise<number> {
  const row = await forumDb(reader)
    .selectFrom('forum_registrations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

function summary(row: EditionRow, registered: number): EditionSummary {
  return {
    year: row.year,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    theme: row.theme_ko !== null && row.theme_en !== null ? { ko: row.theme_ko, en: row.theme_en } : null,
    registration: {
      open: row.registration_open,
      capacity: row.capacity,
      registered,
      placesLeft: row.capacity === null ? null : Math.max(0, row.capacity - registered),
    },
  };
}

/** Every edition's figures, by year and measure. */
async function editionFigures(
  reader: Reader,
  year?: number,
): Promise<Map<number, Map<EditionMeasure, Figure>>> {
  let query = forumDb(reader)
    .selectFrom('forum_edition_figures as f')
    .innerJoin('seed_figures as s', 's.id', 'f.figure_id')
    .select(['f.year', 'f.measure', 'f.figure_id', 's.value', 's.quote', 's.note']);
  if (year !== undefined) query = query.where('f.year', '=', year);
  const rows = await query.orderBy('f.year').execute();
  const byYear = new Map<number, Map<EditionMeasure, Figure>>();
  for (const row of rows) {
    const figures = byYear.get(row.year) ?? new Map<EditionMeasure, Figure>();
    figures.set(row.measure as EditionMeasure, {
      figureId: row.figure_id,
      value: Number(row.value),
      asWritten: row.quote,
      note: row.note,
    });
    byYear.set(row.year, figures);
  }
  return byYear;
}

/**
 * Table 5: the editions with all four of its figures, and the note under it. The note's English is
 * the seed's sentence, rebuilt from the figures it states; its Korean says the same.
 */
export async function table5(reader: Reader): Promise<Table5> {
  const figures = await editionFigures(reader);
  const rows: Table5Row[] = [];
  const noteYears: Table5['note']['years'] = [];
  for (const [year, measures] of figures) {
    const participants = measures.get('participants');
    const speakers = measures.get('speakers');
    const speakersKorean = measures.get('speakers_korean');
    const speakersInternational = measures.get('speakers_international');
    if (participants && speakers && speakersKorean && speakersInternational) {
      rows.push({ year, participants, speakers, speakersKorean, speakersInternational });
    }
    const cities = measures.get('cities');
    const countries = measures.get('countries');
    if (cities && countries) noteYears.push({ year, cities, countries });
  }
  const en = noteYears
    .map(
      ({ year, cities, countries }) => `${cities.value} cities from ${countries.value} countries in ${year}`,
    )
    .join(' and ');
  const ko = noteYears
    .map(({ year, cities, countries }) => `${year}년 ${countries.value}개국 ${cities.value}개 도시`)
    .join(', ');
  return {
    rows,
    note: { text: { en: en ? `*${en}` : '', ko: ko ? `*${ko}` : '' }, years: noteYears },
  };
}

async function registrationCounts(reader: Reader): Promise<Map<number, number>> {
  const rows = await forumDb(reader)
    .selectFrom('forum_registrations')
    .select(['year', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('year')
    .execute();
  return new Map(rows.map((row) => [row.year, Number(row.count)]));
}

export async function listEditions(reader: Reader): Promise<EditionSummary[]> {
  const rows = await forumDb(reader)
    .selectFrom('forum_editions')
    .select(editionColumns)
    .orderBy('year')
    .execute();
  const counts = await registrationCounts(reader);
  return rows.map((row) => summary(row, counts.get(row.year) ?? 0));
}

export async function overview(reader: Reader): Promise<Overview> {
  return { editions: await listEditions(reader), table5: await table5(reader) };
}

type SessionRow = Pick<
  ForumTables['forum_sessions'],
  'id' | 'year' | 'title_ko' | 'title_en' | 'starts_at' | 'ends_at' | 'languages'
> & { speakers: unknown; version: number };

export function presentSession(row: SessionRow): Session {
  return {
    id: row.id,
    year: row.year,
    title: { ko: row.title_ko, en: row.title_en },
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    languages: row.languages as Session['languages'],
    speakers: row.speakers as Speaker[],
    version: row.version,
  };
}

export async function listSessions(reader: Reader, year: number): Promise<Session[]> {
  const rows = await forumDb(reader)
    .selectFrom('forum_sessions')
    .selectAll()
    .where('year', '=', year)
    .orderBy('starts_at')
    .orderBy('title_en')
    .execute();
  return rows.map(presentSession);
}

export async function editionDetail(reader: Reader, year: number): Promise<EditionDetail> {
  const row = await loadEdition(reader, year);
  const figures = (await editionFigures(reader, year)).get(year) ?? new Map();
  const organisations = await forumDb(reader)
    .selectFrom('forum_organisations')
    .selectAll()
    .where('year', '=', year)
    .orderBy('id')
    .execute();
  return {
    ...summary(row, await countRegistrations(reader, year)),
    figures: Object.fromEntries(
      editionMeasures.flatMap((measure) => {
        const figure = figures.get(measure);
        return figure ? [[measure, figure]] : [];
      }),
    ),
    organisations: organisations.map((organisation) => ({
      role: organisation.role as EditionDetail['organisations'][number]['role'],
      level: organisation.level as EditionDetail['organisations'][number]['level'],
      name: { ko: organisation.name_ko, en: organisation.name_en },
    })),
    sessions: await listSessions(reader, year),
    sourceSection: row.source_section,
    note: row.note,
    version: row.version,
  };
}

export async function unRegister(reader: Reader): Promise<UnRegister> {
  const forum = forumDb(reader);
  const documents = await forum
    .selectFrom('forum_un_documents')
    .selectAll()
    .orderBy(sql`year is null`)
    .orderBy('year', 'desc')
    .orderBy('id')
    .execute();
  const links = await forum
    .selectFrom('forum_un_links')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const projects = await forum.selectFrom('forum_projects').selectAll().orderBy('id').execute();
  return {
    documents: documents.map((document) => ({
      id: document.id,
      symbol: document.symbol,
      kind: document.kind as UnRegister['documents'][number]['kind'],
      title: { ko: document.title_ko, en: document.title_en },
      year: document.year,
      body:
        document.body_ko !== null && document.body_en !== null
          ? { ko: document.body_ko, en: document.body_en }
          : null,
      sourceSection: document.source_section,
      quote: document.quote,
      note: document.note,
      links: links
        .filter((link) => link.document_id === document.id)
        .map((link) => ({
          id: link.id,
          module: link.module,
          recordType: link.record_type,
          recordId: link.record_id,
          path: link.path,
          title: { ko: link.title_ko, en: link.title_en },
        })),
    })),
    projects: projects.map(
      (project): Project => ({
        id: project.id,
        name: { ko: project.name_ko, en: project.name_en },
        status: project.status as Project['status'],
        description: { ko: project.description_ko, en: project.description_en },
        sourceSection: project.source_section,
        quote: project.quote,
        note: project.note,
      }),
    ),
  };
}
