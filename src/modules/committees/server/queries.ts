/** Reading bodies, members, meetings and recommendations, shaped as the contract says. */
import { type Generated, type Kysely, sql } from 'kysely';
import {
  addCalendarDays as addDays,
  cityToday,
  cityZoneSql,
  clock,
} from '../../../kernel/server/city/clock.ts';
import type { Db } from '../../../kernel/server/db.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import { describeFiles, type StoredFile } from '../../../kernel/server/files/index.ts';
import type { RecommendationRegister } from '../../../kernel/server/module.ts';
import { termNames } from '../../../kernel/server/vocabularies/queries.ts';
import { listTags } from '../../../kernel/server/vocabularies/tags.ts';
import type { Bilingual } from '../../../kernel/shared/language.ts';
import type { AgendaFile, Body, MeetingDetail, MeetingSummary, Member, Recommendation } from '../contract.ts';
import { type BodyRow, type CommitteesTables, committeesDb, type MeetingRow } from './tables.ts';

type Reader = Kysely<CommitteesTables>;

const bodyName = (row: { name_ko: string; name_en: string }): Bilingual => ({
  ko: row.name_ko,
  en: row.name_en,
});

export const presentAgendaFile = (file: StoredFile): AgendaFile => ({
  id: file.id,
  name: file.name,
  contentType: file.contentType,
  sizeBytes: file.sizeBytes,
  createdAt: file.createdAt,
});

/** A meeting as the shared vocabularies' tags know it. */
export const meetingRecord = (id: string) => ({ module: 'committees', recordType: 'meeting', recordId: id });

/** Members seated on `date`: those whose term covers it. */
function seatedOn(db: Reader, date: string) {
  return db.selectFrom('committees_members').where('term_start', '<=', date).where('term_end', '>=', date);
}

export async function listBodies(db: Db, today: string = cityToday()): Promise<Body[]> {
  const reader = committeesDb(db);
  const bodies = await reader
    .selectFrom('committees_bodies')
    .selectAll()
    .orderBy('since_year')
    .orderBy('id')
    .execute();
  const seated = await seatedOn(reader, today)
    .select(['body_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('body_id')
    .execute();
  const held = await reader
    .selectFrom('committees_meetings')
    .select([
      'body_id',
      sql<number>`extract(year from starts_at at time zone ${cityZoneSql()})::integer`.as('year'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('cancelled', '=', false)
    .groupBy(['body_id', 'year'])
    .orderBy('year')
    .execute();
  return bodies.map((body) => presentBody(body, seated, held));
}

type SelectedBody = { [K in keyof BodyRow]: BodyRow[K] extends Generated<infer T> ? T : BodyRow[K] };

function presentBody(
  body: SelectedBody,
  seated: { body_id: string; n: number }[],
  held: { body_id: string; year: number; n: number }[],
): Body {
  const seatedCount = Number(seated.find((row) => row.body_id === body.id)?.n ?? 0);
  return {
    id: body.id,
    kind: body.kind,
    parentId: body.parent_id,
    name: bodyName(body),
    description: { ko: body.description_ko, en: body.description_en },
    sinceYear: body.since_year,
    seats: body.seats,
    termYears: body.term_years,
    meetingsPerYear: body.meetings_per_year,
    quorum: body.quorum,
    organisers: body.organisers,
    isPublic: body.is_public,
    historical:
      body.historical_meetings === null
        ? null
        : {
            meetings: body.historical_meetings,
            years: body.historical_years,
            source: body.historical_source ?? '',
          },
    seated: seatedCount,
    vacancies: body.seats === null ? null : Math.max(0, body.seats - seatedCount),
    meetingsByYear: held
      .filter((row) => row.body_id === body.id)
      .map((row) => ({ year: Number(row.year), held: Number(row.n), required: body.meetings_per_year })),
    version: body.version,
  };
}

export async function listMembers(
  db: Db,
  filter: { bodyId?: string; endingWithinDays?: number },
  today: string = cityToday(),
): Promise<Member[]> {
  let query = committeesDb(db)
    .selectFrom('committees_members as m')
    .innerJoin('committees_bodies as b', 'b.id', 'm.body_id')
    .selectAll('m')
    .select(['b.name_ko', 'b.name_en'])
    .orderBy('m.term_end')
    .orderBy('m.name');
  if (filter.bodyId) query = query.where('m.body_id', '=', filter.bodyId);
  if (filter.endingWithinDays !== undefined) {
    query = query
      .where('m.term_end', '>=', today)
      .where('m.term_end', '<=', addDays(today, filter.endingWithinDays));
  } else {
    query = query.where('m.term_end', '>=', today);
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    bodyId: row.body_id,
    bodyName: bodyName(row),
    name: row.name,
    position: row.position,
    recommendedBy: row.recommended_by,
    termStart: row.term_start,
    termEnd: row.term_end,
    gender: row.gender,
    sector: row.sector,
    version: row.version,
  }));
}

/** Present members against the quorum: the body's own number, or more than half of those seated. */
export async function quorumOf(db: Reader, meeting: Pick<MeetingRow, 'id' | 'body_id' | 'starts_at'>) {
  const date = clock().dateOf(meeting.starts_at);
  const body = await db
    .selectFrom('committees_bodies')
    .select('quorum')
    .where('id', '=', meeting.body_id)
    .executeTakeFirstOrThrow();
  const seated = await seatedOn(db, date).select('id').where('body_id', '=', meeting.body_id).execute();
  const seatedIds = new Set(seated.map((member) => member.id));
  const present = await db
    .selectFrom('committees_attendance')
    .select('member_id')
    .where('meeting_id', '=', meeting.id)
    .where('present', '=', true)
    .execute();
  const presentCount = present.filter((row) => seatedIds.has(row.member_id)).length;
  const required = body.quorum ?? Math.floor(seated.length / 2) + 1;
  return { present: presentCount, required, seated: seated.length, reached: presentCount >= required };
}

const summaryColumns = [
  'm.id',
  'm.body_id',
  'm.kind',
  'm.title',
  'm.starts_at',
  'm.ends_at',
  'm.place',
  'm.online_url',
  'm.organiser',
  'm.is_public',
  'm.cancelled',
  'm.capacity',
  'b.name_ko',
  'b.name_en',
  'b.organisers',
] as const;

function meetingsQuery(db: Db) {
  return committeesDb(db)
    .selectFrom('committees_meetings as m')
    .innerJoin('committees_bodies as b', 'b.id', 'm.body_id')
    .select(summaryColumns)
    .select((eb) =>
      eb
        .selectFrom('committees_registrations as r')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('r.meeting_id', '=', 'm.id')
        .where('r.status', '=', 'confirmed')
        .as('seats_taken'),
    );
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof meetingsQuery>['executeTakeFirstOrThrow']>>;

function presentSummary(row: SummaryRow): MeetingSummary {
  return {
    id: row.id,
    bodyId: row.body_id,
    bodyName: bodyName(row),
    kind: row.kind,
    title: row.title,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    place: row.place,
    onlineUrl: row.online_url,
    organiser:
      row.organiser === null
        ? null
        : (row.organisers.find((o) => o.en === row.organiser) ?? { ko: row.organiser, en: row.organiser }),
    isPublic: row.is_public,
    cancelled: row.cancelled,
    capacity: row.capacity,
    seatsTaken: Number(row.seats_taken ?? 0),
  };
}

export async function listMeetings(
  db: Db,
  filter: { bodyId?: string | undefined; year?: number | undefined; includeInternal: boolean },
): Promise<MeetingSummary[]> {
  let query = meetingsQuery(db).orderBy('m.starts_at');
  if (!filter.includeInternal) query = query.where('m.is_public', '=', true);
  if (filter.bodyId) query = query.where('m.body_id', '=', filter.bodyId);
  if (filter.year !== undefined) {
    query = query.where(
      sql<number>`extract(year from m.starts_at at time zone ${cityZoneSql()})`,
      '=',
      filter.year,
    );
  }
  return (await query.execute()).map(presentSummary);
}

export async function meetingDetail(
  db: Db,
  register: RecommendationRegister | undefined,
  meetingId: string,
  viewer: { insider: boolean; secretariat: boolean },
): Promise<MeetingDetail> {
  const reader = committeesDb(db);
  const row = await meetingsQuery(db)
    .select(['m.agenda_published', 'm.minutes', 'm.minutes_status', 'm.version'])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
  if (!row || (!row.is_public && !viewer.insider)) throw notFound();
  const showAgenda = viewer.insider || row.agenda_published;
  const agenda = showAgenda
    ? await reader
        .selectFrom('committees_agenda_items')
        .selectAll()
        .where('meeting_id', '=', meetingId)
        .orderBy('position')
        .execute()
    : [];
  // Uploaded documents follow the agenda: members prepare for the meeting with them before it is
  // published; the public has them once it is.
  const filesVisible = viewer.insider || (row.is_public && row.agenda_published);
  const links =
    filesVisible && agenda.length > 0
      ? await reader
          .selectFrom('committees_agenda_files')
          .select(['file_id', 'agenda_item_id'])
          .where(
            'agenda_item_id',
            'in',
            agenda.map((item) => item.id),
          )
          .orderBy('created_at')
          .execute()
      : [];
  const files = new Map(
    (
      await describeFiles(
        db,
        links.map((link) => link.file_id),
      )
    ).map((file) => [file.id, file]),
  );
  const filesOf = (itemId: string) =>
    links.flatMap((link) => {
      const file = link.agenda_item_id === itemId ? files.get(link.file_id) : undefined;
      return file ? [presentAgendaFile(file)] : [];
    });
  const minutesVisible = viewer.insider ? row.minutes_status !== 'none' : row.minutes_status === 'published';
  const decisions = minutesVisible
    ? await reader
        .selectFrom('committees_decisions')
        .select(['id', 'text'])
        .where('meeting_id', '=', meetingId)
        .orderBy('created_at')
        .execute()
    : [];
  let attendance: MeetingDetail['attendance'] = null;
  let quorum: MeetingDetail['quorum'] = null;
  let comments: MeetingDetail['comments'] = null;
  let recommendations: MeetingDetail['recommendations'] = null;
  if (viewer.insider) {
    const date = clock().dateOf(new Date(row.starts_at));
    const members = await seatedOn(reader, date)
      .leftJoin('committees_attendance as a', (join) =>
        join.onRef('a.member_id', '=', 'committees_members.id').on('a.meeting_id', '=', meetingId),
      )
      .select([
        'committees_members.id',
        'committees_members.name',
        'committees_members.position',
        'a.present',
      ])
      .where('committees_members.body_id', '=', row.body_id)
      .orderBy('committees_members.name')
      .execute();
    attendance = members.map((member) => ({
      memberId: member.id,
      name: member.name,
      position: member.position,
      present: member.present,
    }));
    quorum = await quorumOf(reader, { id: row.id, body_id: row.body_id, starts_at: new Date(row.starts_at) });
    const commentRows = await reader
      .selectFrom('committees_comments as c')
      .leftJoin('accounts_users as u', 'u.id', 'c.author_id')
      .select(['c.id', 'c.body', 'c.created_at', 'u.display_name'])
      .where('c.meeting_id', '=', meetingId)
      .orderBy('c.created_at')
      .execute();
    comments = commentRows.map((comment) => ({
      id: comment.id,
      author: comment.display_name ?? '',
      body: comment.body,
      createdAt: new Date(comment.created_at).toISOString(),
    }));
  }
  // A decision's recommendations are part of it: the public follows them, and the departments'
  // answers, from the moment the minutes that record the decision are published; staff from the start.
  if (viewer.insider || minutesVisible) recommendations = await listRecommendations(db, register, meetingId);
  const { n: waiting } = await reader
    .selectFrom('committees_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return {
    ...presentSummary(row),
    agendaPublished: row.agenda_published,
    agenda: agenda.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      summary: item.summary,
      documents: item.documents,
      files: filesOf(item.id),
    })),
    minutesStatus: row.minutes_status,
    minutes: minutesVisible ? row.minutes : null,
    decisions,
    attendance,
    quorum,
    comments,
    recommendations,
    waiting: Number(waiting),
    tags: await listTags(db, meetingRecord(meetingId)),
    version: row.version,
  };
}

/**
 * A meeting's recommendations, as the register holds them (issued through it with the decision): each
 * links to the register, where the department answers and the office follows it up.
 */
export async function listRecommendations(
  db: Db,
  register: RecommendationRegister | undefined,
  meetingId: string,
): Promise<Recommendation[]> {
  if (!register) return [];
  const decisions = await committeesDb(db)
    .selectFrom('committees_decisions')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const issued = await register.bySource(
    db,
    'committees',
    decisions.map((decision) => decision.id),
  );
  const departments = await termNames(db, 'departments');
  return decisions.flatMap((decision) =>
    (issued.get(decision.id) ?? []).map((recommendation) => {
      const code = recommendation.departments[0] ?? '';
      return {
        id: recommendation.id,
        decisionId: decision.id,
        departmentCode: code,
        departmentName: departments.get(code) ?? null,
        body: recommendation.text.ko,
        status: recommendation.status,
        staffPath: recommendation.staffPath,
        publicPath: recommendation.publicPath,
      };
    }),
  );
}
