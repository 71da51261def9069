/**
 * Meetings: scheduling, agendas, attendance, minutes (draft → approved → published), decisions with
 * their recommendations, and members' comments. Minutes are public only once published, and can be
 * published only after they were approved.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { clock } from '../../../../kernel/server/city/clock.ts';
import type { CommandContext } from '../../../../kernel/server/command.ts';
import { AppError, conflict, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import type { RecommendationRegister } from '../../../../kernel/server/module.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { TagInput } from '../../../../kernel/server/vocabularies/contract.ts';
import { listTags, setTags } from '../../../../kernel/server/vocabularies/tags.ts';
import type {
  agendaItemInputSchema,
  attendanceInputSchema,
  decisionInputSchema,
  meetingInputSchema,
  meetingUpdateSchema,
  minutesTransitionSchema,
} from '../../contract.ts';
import { notifyAgendaPublished } from '../notifications.ts';
import { meetingRecord, quorumOf } from '../queries.ts';
import { type CommitteesTables, committeesTrx } from '../tables.ts';

type MeetingInput = z.infer<typeof meetingInputSchema>;
/** What a meeting's row holds of the input (its body is fixed once scheduled; tags live in the kernel). */
type MeetingFields = Omit<MeetingInput, 'bodyId' | 'tags'>;
type Trx = Transaction<CommitteesTables>;

export async function lockMeeting(trx: Trx, meetingId: string) {
  const meeting = await trx
    .selectFrom('committees_meetings')
    .selectAll()
    .where('id', '=', meetingId)
    .forUpdate()
    .executeTakeFirst();
  if (!meeting) throw notFound();
  return meeting;
}

async function checkMeeting(trx: Trx, bodyId: string, input: MeetingFields): Promise<void> {
  const body = await trx
    .selectFrom('committees_bodies')
    .select(['organisers', 'kind'])
    .where('id', '=', bodyId)
    .executeTakeFirst();
  if (!body) throw fieldError('bodyId', 'unknown_body', { ko: '없는 기구입니다.', en: 'No such body.' });
  if (new Date(input.endsAt) <= new Date(input.startsAt)) {
    throw fieldError('endsAt', 'ends_before_start', {
      ko: '끝나는 시각은 시작 시각보다 늦어야 합니다.',
      en: 'The meeting must end after it starts.',
    });
  }
  if (!input.place && !input.onlineUrl) {
    throw fieldError('place', 'place_or_link', {
      ko: '장소나 온라인 주소 가운데 하나는 적어야 합니다.',
      en: 'Give a place or an online link.',
    });
  }
  const organisers = body.organisers.map((organiser) => organiser.en);
  if (body.kind === 'roundtable' && (input.organiser === null || !organisers.includes(input.organiser))) {
    throw fieldError('organiser', 'not_an_organiser', {
      ko: `라운드테이블은 돌아가며 주관하는 기관 가운데 하나가 주관합니다: ${organisers.join(', ')}`,
      en: `A roundtable is organised by one of its rotating institutions: ${organisers.join(', ')}`,
    });
  }
}

const meetingColumns = (input: MeetingFields) => ({
  kind: input.kind,
  title: input.title,
  starts_at: new Date(input.startsAt),
  ends_at: new Date(input.endsAt),
  place: input.place,
  online_url: input.onlineUrl,
  organiser: input.organiser,
  is_public: input.isPublic,
  agenda_published: input.agendaPublished,
  capacity: input.capacity,
  cancelled: input.cancelled,
});

/** The meeting's tags, with the title, page and visibility a term's page shows them by. */
function tagMeeting(
  trx: Transaction<object>,
  meeting: { id: string; title: string; isPublic: boolean; isSample: boolean },
  tags: readonly TagInput[],
) {
  return setTags(
    trx,
    {
      ...meetingRecord(meeting.id),
      isPublic: meeting.isPublic,
      isSample: meeting.isSample,
      // A meeting has one title, in the language it is held in.
      title: { ko: meeting.title, en: meeting.title },
      path: `/committees/meetings/${encodeURIComponent(meeting.id)}`,
    },
    tags,
  );
}

/** A decision, and so its recommendations, is public in the published minutes of a public meeting. */
const decisionsArePublic = (meeting: { isPublic: boolean; minutesStatus: string }) =>
  meeting.isPublic && meeting.minutesStatus === 'published';

/**
 * The register's copy of the recommendations' visibility follows the meeting and its minutes (issue 16:
 * a committee's recommendations are public once the minutes are published).
 */
async function publishRecommendations(
  raw: Transaction<object>,
  register: RecommendationRegister | undefined,
  meetingId: string,
  isPublic: boolean,
) {
  if (!register) return;
  const decisions = await committeesTrx(raw)
    .selectFrom('committees_decisions')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .execute();
  for (const decision of decisions) {
    await register.sourceChanged(raw, { module: 'committees', id: decision.id }, { isPublic });
  }
}

export async function createMeeting(
  { trx: raw, audit, actor }: CommandContext,
  input: MeetingInput,
): Promise<{ id: string }> {
  const trx = committeesTrx(raw);
  await checkMeeting(trx, input.bodyId, input);
  const id = randomUUID();
  await trx
    .insertInto('committees_meetings')
    .values({ id, body_id: input.bodyId, ...meetingColumns(input) })
    .execute();
  await tagMeeting(raw, { id, title: input.title, isPublic: input.isPublic, isSample: false }, input.tags);
  if (input.agendaPublished) await notifyAgendaPublished(raw, { id, title: input.title }, actor.userId);
  await audit({
    action: 'committees.create-meeting',
    entityType: 'committees_meetings',
    entityId: id,
    after: input,
  });
  publicDataChanged();
  return { id };
}

export async function updateMeeting(
  { trx: raw, audit, actor }: CommandContext,
  register: RecommendationRegister | undefined,
  meetingId: string,
  input: z.infer<typeof meetingUpdateSchema>,
): Promise<{ id: string; version: number }> {
  const trx = committeesTrx(raw);
  const before = await lockMeeting(trx, meetingId);
  await checkMeeting(trx, before.body_id, input);
  const { version, tags, ...rest } = input;
  const updated = await trx
    .updateTable('committees_meetings')
    .set({ ...meetingColumns(rest), version: before.version + 1, updated_at: new Date() })
    .where('id', '=', meetingId)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw conflict();
  // Told once, when the agenda becomes published (not on every later edit of the meeting).
  if (rest.agendaPublished && !before.agenda_published) {
    await notifyAgendaPublished(raw, { id: meetingId, title: rest.title }, actor.userId);
  }
  await tagMeeting(
    raw,
    { id: meetingId, title: rest.title, isPublic: rest.isPublic, isSample: before.is_sample },
    tags ?? (await listTags(raw, meetingRecord(meetingId))),
  );
  await publishRecommendations(
    raw,
    register,
    meetingId,
    decisionsArePublic({ isPublic: rest.isPublic, minutesStatus: before.minutes_status }),
  );
  await audit({
    action: 'committees.update-meeting',
    entityType: 'committees_meetings',
    entityId: meetingId,
    before: {
      title: before.title,
      startsAt: before.starts_at,
      isPublic: before.is_public,
      capacity: before.capacity,
    },
    after: { ...rest, ...(tags ? { tags } : {}) },
  });
  publicDataChanged();
  return { id: meetingId, version: updated.version };
}

export async function addAgendaItem(
  { trx: raw, audit }: CommandContext,
  meetingId: string,
  input: z.infer<typeof agendaItemInputSchema>,
): Promise<{ id: string }> {
  const trx = committeesTrx(raw);
  await lockMeeting(trx, meetingId);
  const { last } = await trx
    .selectFrom('committees_agenda_items')
    .select((eb) => eb.fn.max<number | null>('position').as('last'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  await trx
    .insertInto('committees_agenda_items')
    .values({
      id,
      meeting_id: meetingId,
      position: Number(last ?? 0) + 1,
      title: input.title,
      summary: input.summary,
      documents: JSON.stringify(input.documents) as never,
    })
    .execute();
  await audit({
    action: 'committees.add-agenda-item',
    entityType: 'committees_agenda_items',
    entityId: id,
    after: input,
  });
  publicDataChanged();
  return { id };
}

/** Records who was present (and who absent); answers the quorum that follows. */
export async function recordAttendance(
  { trx: raw, audit }: CommandContext,
  meetingId: string,
  input: z.infer<typeof attendanceInputSchema>,
) {
  const trx = committeesTrx(raw);
  const meeting = await lockMeeting(trx, meetingId);
  // A member listed twice, or both present and absent, counts once, as present.
  const present = [...new Set(input.present)];
  const absent = [...new Set(input.absent)].filter((id) => !present.includes(id));
  const ids = [...present, ...absent];
  if (ids.length > 0) {
    const members = await trx
      .selectFrom('committees_members')
      .select('id')
      .where('body_id', '=', meeting.body_id)
      .where('id', 'in', ids)
      .execute();
    const known = new Set(members.map((member) => member.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw fieldError('present', 'not_a_member', {
        ko: `이 기구의 위원이 아닙니다: ${unknown.join(', ')}`,
        en: `Not members of this body: ${unknown.join(', ')}`,
      });
    }
  }
  await trx.deleteFrom('committees_attendance').where('meeting_id', '=', meetingId).execute();
  const rows = [
    ...present.map((member_id) => ({ meeting_id: meetingId, member_id, present: true })),
    ...absent.map((member_id) => ({ meeting_id: meetingId, member_id, present: false })),
  ];
  if (rows.length > 0) await trx.insertInto('committees_attendance').values(rows).execute();
  const quorum = await quorumOf(trx, meeting);
  await audit({
    action: 'committees.record-attendance',
    entityType: 'committees_meetings',
    entityId: meetingId,
    after: { present: present.length, absent: absent.length, quorumReached: quorum.reached },
  });
  return quorum;
}

export async function saveMinutes(
  { trx: raw, audit }: CommandContext,
  meetingId: string,
  input: { minutes: string; version: number },
): Promise<{ id: string; version: number }> {
  const trx = committeesTrx(raw);
  const meeting = await lockMeeting(trx, meetingId);
  if (meeting.version !== input.version) throw conflict();
  // Editing approved minutes sends them back to draft: what was approved is no longer what is there.
  if (meeting.minutes_status === 'published') {
    throw new AppError('committees_minutes_transition', 409, { params: { status: meeting.minutes_status } });
  }
  const updated = await trx
    .updateTable('committees_meetings')
    .set({
      minutes: input.minutes,
      minutes_status: 'draft',
      version: meeting.version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', meetingId)
    .returning('version')
    .executeTakeFirstOrThrow();
  await audit({
    action: 'committees.save-minutes',
    entityType: 'committees_meetings',
    entityId: meetingId,
    before: { minutesStatus: meeting.minutes_status },
    after: { minutesStatus: 'draft' },
  });
  return { id: meetingId, version: updated.version };
}

export async function transitionMinutes(
  { trx: raw, audit }: CommandContext,
  register: RecommendationRegister | undefined,
  meetingId: string,
  input: z.infer<typeof minutesTransitionSchema>,
): Promise<{ id: string; version: number }> {
  const trx = committeesTrx(raw);
  const meeting = await lockMeeting(trx, meetingId);
  if (meeting.version !== input.version) throw conflict();
  const from = meeting.minutes_status;
  if (input.action === 'publish' && from !== 'approved') {
    throw new AppError(
      from === 'published' ? 'committees_minutes_transition' : 'committees_minutes_not_approved',
      409,
      {
        params: { status: from },
      },
    );
  }
  if (input.action === 'approve' && from !== 'draft') {
    throw new AppError('committees_minutes_transition', 409, { params: { status: from } });
  }
  const to = input.action === 'approve' ? 'approved' : 'published';
  const updated = await trx
    .updateTable('committees_meetings')
    .set({ minutes_status: to, version: meeting.version + 1, updated_at: new Date() })
    .where('id', '=', meetingId)
    .returning('version')
    .executeTakeFirstOrThrow();
  await publishRecommendations(
    raw,
    register,
    meetingId,
    decisionsArePublic({ isPublic: meeting.is_public, minutesStatus: to }),
  );
  await audit({
    action: `committees.${input.action}-minutes`,
    entityType: 'committees_meetings',
    entityId: meetingId,
    before: { minutesStatus: from },
    after: { minutesStatus: to },
  });
  publicDataChanged();
  return { id: meetingId, version: updated.version };
}

export async function addComment(
  { trx: raw, audit, actor }: CommandContext,
  meetingId: string,
  body: string,
): Promise<{ id: string }> {
  const trx = committeesTrx(raw);
  await lockMeeting(trx, meetingId);
  const id = randomUUID();
  await trx
    .insertInto('committees_comments')
    .values({ id, meeting_id: meetingId, author_id: actor.userId ?? '', body })
    .execute();
  await audit({
    action: 'committees.add-comment',
    entityType: 'committees_comments',
    entityId: id,
    after: { meetingId },
  });
  return { id };
}

export async function addDecision(
  { trx: raw, audit }: CommandContext,
  register: RecommendationRegister | undefined,
  meetingId: string,
  input: z.infer<typeof decisionInputSchema>,
): Promise<{ id: string }> {
  const trx = committeesTrx(raw);
  const meeting = await lockMeeting(trx, meetingId);
  const isPublic = decisionsArePublic({ isPublic: meeting.is_public, minutesStatus: meeting.minutes_status });
  const id = randomUUID();
  await trx
    .insertInto('committees_decisions')
    .values({ id, meeting_id: meetingId, text: input.text })
    .execute();
  if (input.recommendations.length > 0) {
    // Issued through the register (one record per department's recommendation), where the
    // department answers and the office follows it up.
    if (!register) throw new Error('The recommendations register is not installed.');
    const body = await trx
      .selectFrom('committees_bodies')
      .select(['kind', 'name_ko'])
      .where('id', '=', meeting.body_id)
      .executeTakeFirstOrThrow();
    const kind = body.kind === 'joint_meeting' || body.kind === 'roundtable' ? body.kind : 'committee';
    const day = clock().dateOf(new Date(meeting.starts_at));
    for (const [index, recommendation] of input.recommendations.entries()) {
      try {
        await register.issue(
          { trx: raw, audit },
          {
            source: {
              kind,
              module: 'committees',
              id,
              reference: `${body.name_ko} · ${meeting.title} (${day})`,
              path: `/committees/meetings/${encodeURIComponent(meetingId)}`,
            },
            // A committee writes in the language it meets in: the one text serves both languages.
            text: { ko: recommendation.body, en: recommendation.body },
            departments: [recommendation.departmentCode],
            issuedOn: clock().today(),
            isPublic,
            tags: recommendation.tags,
          },
        );
      } catch (error) {
        // The register names its own field; the form's field is this recommendation's department.
        const problem = error instanceof AppError ? error.details.errors?.[0] : undefined;
        if (problem?.code === 'recommendations_unknown_department') {
          const message = problem.message;
          throw fieldError(
            `body.recommendations.${index}.departmentCode`,
            problem.code,
            typeof message === 'string' ? { ko: message, en: message } : message,
          );
        }
        throw error;
      }
    }
  }
  await audit({
    action: 'committees.add-decision',
    entityType: 'committees_decisions',
    entityId: id,
    after: { meetingId, text: input.text },
  });
  publicDataChanged();
  return { id };
}
