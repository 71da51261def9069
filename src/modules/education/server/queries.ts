/**
 * Reading education data: the groups, Table 3, participants per year and group, coverage per year,
 * and programmes with their sessions.
 *
 * Participants of a year come from the seed where it reports them (by group, Table 3; or only a total,
 * as for 2013), otherwise from the sessions staff recorded: a year the seed reports is not mixed with
 * sessions, so a published figure is never silently changed by later records.
 */
import { type Selectable, sql, type Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import { containsPattern } from '../../../kernel/server/search.ts';
import { listTags } from '../../../kernel/server/vocabularies/tags.ts';
import type {
  CoverageYear,
  Group,
  Overview,
  ParticipantsRow,
  ProgrammeDetail,
  ProgrammeSummary,
} from '../contract.ts';
import { educationDb, type ProgrammeRow } from './tables.ts';

type Reader = Db | Transaction<object>;

export const table3Section = 'Table 3';

export async function listGroups(db: Reader): Promise<Group[]> {
  const rows = await educationDb(db)
    .selectFrom('education_groups')
    .selectAll()
    .orderBy('sort_order')
    .execute();
  return rows.map((row) => ({
    code: row.code,
    name: { ko: row.name_ko, en: row.name_en },
    classTypes: { ko: row.class_types_ko, en: row.class_types_en },
    sourceSection: row.source_section,
  }));
}

async function reportedRows(db: Reader): Promise<ParticipantsRow[]> {
  const rows = await educationDb(db)
    .selectFrom('education_reported_participants as r')
    .innerJoin('education_groups as g', 'g.code', 'r.group_code')
    .select(['r.year', 'r.group_code', 'r.participants', 'r.figure_id', 'r.source_section'])
    .orderBy('r.year')
    .orderBy('g.sort_order')
    .execute();
  return rows.map((row) => ({
    year: row.year,
    groupCode: row.group_code,
    participants: row.participants,
    source: row.source_section,
    figureId: row.figure_id,
  }));
}

async function sessionRows(db: Reader): Promise<ParticipantsRow[]> {
  const year = sql<number>`cast(substr(s.held_on, 1, 4) as integer)`;
  const rows = await educationDb(db)
    .selectFrom('education_sessions as s')
    .innerJoin('education_programmes as p', 'p.id', 's.programme_id')
    .innerJoin('education_groups as g', 'g.code', 'p.group_code')
    .select([year.as('year'), 'p.group_code', sql<number>`sum(s.participants)::integer`.as('participants')])
    .groupBy([year, 'p.group_code', 'g.sort_order'])
    .orderBy(year)
    .orderBy('g.sort_order')
    .execute();
  return rows.map((row) => ({
    year: Number(row.year),
    groupCode: row.group_code,
    participants: Number(row.participants),
    source: 'sessions',
    figureId: null,
  }));
}

/** Participants per year and group: the seed's where it reports a year, the sessions' otherwise. */
export async function participantsByYear(db: Reader): Promise<ParticipantsRow[]> {
  const reported = await reportedRows(db);
  const reportedYears = new Set(reported.map((row) => row.year));
  const totals = await educationDb(db).selectFrom('education_reported_years').select('year').execute();
  for (const { year } of totals) reportedYears.add(year);
  const recorded = (await sessionRows(db)).filter((row) => !reportedYears.has(row.year));
  return [...reported, ...recorded].sort((a, b) => a.year - b.year);
}

const roundRate = (participants: number, population: number) =>
  Math.round((participants / population) * 10_000) / 100;

export async function coverageByYear(db: Reader, participants?: ParticipantsRow[]): Promise<CoverageYear[]> {
  const byGroup = participants ?? (await participantsByYear(db));
  const edu = educationDb(db);
  const reported = new Map(
    (await edu.selectFrom('education_reported_years').selectAll().execute()).map((row) => [row.year, row]),
  );
  const populations = new Map(
    (await edu.selectFrom('education_population').selectAll().execute()).map((row) => [row.year, row]),
  );
  const years = [
    ...new Set([...reported.keys(), ...populations.keys(), ...byGroup.map((row) => row.year)]),
  ].sort((a, b) => a - b);
  return years.map((year) => {
    const stated = reported.get(year);
    const population = populations.get(year);
    const rows = byGroup.filter((row) => row.year === year);
    let participants: number | null = null;
    let participantsSource: CoverageYear['participantsSource'] = null;
    if (stated) {
      participants = stated.participants;
      participantsSource = 'reported';
    } else if (rows.length > 0) {
      participants = rows.reduce((total, row) => total + row.participants, 0);
      participantsSource = rows.every((row) => row.source === 'sessions') ? 'sessions' : 'groups';
    }
    return {
      year,
      participants,
      participantsSource,
      participantsFigure: stated?.participants_figure ?? null,
      population: population?.population ?? null,
      populationFigure: population?.figure_id ?? null,
      computedRate:
        participants !== null && population ? roundRate(participants, population.population) : null,
      statedRate: stated?.stated_rate ?? null,
      statedRateFigure: stated?.stated_rate_figure ?? null,
      note: stated?.note ?? null,
      populationVersion: population?.version ?? 0,
    };
  });
}

/** One year's coverage; a year is listed once it has a population, participants or a stated total. */
export async function coverageOfYear(db: Reader, year: number): Promise<CoverageYear> {
  const found = (await coverageByYear(db)).find((entry) => entry.year === year);
  if (!found) throw notFound();
  return found;
}

function presentProgramme(
  row: Selectable<ProgrammeRow> & { session_count: number; participants: number },
): ProgrammeSummary {
  return {
    id: row.id,
    groupCode: row.group_code,
    title: { ko: row.title_ko, en: row.title_en },
    summary: row.summary_en === null ? null : { ko: row.summary_ko ?? row.summary_en, en: row.summary_en },
    isPublic: row.is_public,
    sessionCount: Number(row.session_count),
    participants: Number(row.participants),
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function programmeQuery(db: Reader) {
  return educationDb(db)
    .selectFrom('education_programmes as p')
    .innerJoin('education_groups as g', 'g.code', 'p.group_code')
    .selectAll('p')
    .select([
      sql<number>`(select count(*)::integer from education_sessions s where s.programme_id = p.id)`.as(
        'session_count',
      ),
      sql<number>`(select coalesce(sum(s.participants), 0)::integer from education_sessions s where s.programme_id = p.id)`.as(
        'participants',
      ),
    ])
    .orderBy('g.sort_order')
    .orderBy('p.title_ko');
}

export async function listProgrammes(db: Reader, publicOnly: boolean): Promise<ProgrammeSummary[]> {
  let query = programmeQuery(db);
  if (publicOnly) query = query.where('p.is_public', '=', true);
  return (await query.execute()).map(presentProgramme);
}

export async function overview(db: Db): Promise<Overview> {
  const groups = await listGroups(db);
  const participants = await participantsByYear(db);
  const table3Rows = participants.filter((row) => row.source === table3Section);
  return {
    groups,
    table3: {
      year: table3Rows[0]?.year ?? null,
      rows: table3Rows,
      total: table3Rows.reduce((total, row) => total + row.participants, 0),
    },
    participants,
    coverage: await coverageByYear(db, participants),
    programmes: await listProgrammes(db, true),
  };
}

/** A programme with its group, tags and sessions; the public see only public ones, without instructors. */
export async function programmeDetail(db: Reader, id: string, staff: boolean): Promise<ProgrammeDetail> {
  const row = await programmeQuery(db).where('p.id', '=', id).executeTakeFirst();
  if (!row || (!staff && !row.is_public)) throw notFound();
  const group = (await listGroups(db)).find((candidate) => candidate.code === row.group_code);
  if (!group) throw notFound();
  const sessions = await educationDb(db)
    .selectFrom('education_sessions')
    .select(['id', 'held_on', 'place', 'instructor', 'participants'])
    .where('programme_id', '=', id)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return {
    programme: presentProgramme(row),
    group,
    tags: await listTags(db, { module: 'education', recordType: 'programme', recordId: id }),
    sessions: sessions.map((session) => ({
      id: session.id,
      heldOn: session.held_on,
      place: session.place,
      ...(staff ? { instructor: session.instructor } : {}),
      participants: session.participants,
    })),
  };
}

export async function searchPublicProgrammes(db: Db, query: string, limit: number) {
  const pattern = containsPattern(query);
  const rows = await educationDb(db)
    .selectFrom('education_programmes')
    .select(['id', 'title_ko', 'title_en', 'summary_ko', 'summary_en'])
    .where('is_public', '=', true)
    .where((eb) =>
      eb.or([
        eb('title_ko', 'ilike', pattern),
        eb('title_en', 'ilike', pattern),
        eb('summary_ko', 'ilike', pattern),
        eb('summary_en', 'ilike', pattern),
      ]),
    )
    .orderBy('title_ko')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    recordType: 'programme',
    title: { ko: row.title_ko, en: row.title_en },
    ...(row.summary_en === null
      ? {}
      : { summary: { ko: row.summary_ko ?? row.summary_en, en: row.summary_en } }),
    path: programmePath(row.id),
  }));
}

export const programmePath = (id: string) => `/education/programmes/${id}`;
