/**
 * Bodies' rules and their members. A body cannot seat more members than it has seats: the body's row
 * is locked while the members whose terms overlap the new term are counted, so two secretaries adding
 * the last member at once cannot both succeed.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { cityToday } from '../../../../kernel/server/city/clock.ts';
import type { CommandContext } from '../../../../kernel/server/command.ts';
import { AppError, conflict, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { bodyRulesSchema, createBodySchema, memberInputSchema } from '../../contract.ts';
import { type CommitteesTables, committeesTrx } from '../tables.ts';

type MemberInput = z.infer<typeof memberInputSchema>;

async function lockBody(trx: Transaction<CommitteesTables>, bodyId: string) {
  const body = await trx
    .selectFrom('committees_bodies')
    .selectAll()
    .where('id', '=', bodyId)
    .forUpdate()
    .executeTakeFirst();
  if (!body) throw notFound();
  return body;
}

async function checkSeat(
  trx: Transaction<CommitteesTables>,
  bodyId: string,
  input: MemberInput,
  exceptMemberId: string | null,
): Promise<void> {
  if (input.termEnd < input.termStart) {
    throw fieldError('termEnd', 'term_end_before_start', {
      ko: '임기 종료일은 시작일보다 빠를 수 없습니다.',
      en: 'The term cannot end before it starts.',
    });
  }
  const body = await lockBody(trx, bodyId);
  if (body.seats === null) return;
  let overlapping = trx
    .selectFrom('committees_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('body_id', '=', bodyId)
    .where('term_start', '<=', input.termEnd)
    .where('term_end', '>=', input.termStart);
  if (exceptMemberId) overlapping = overlapping.where('id', '!=', exceptMemberId);
  const { n } = await overlapping.executeTakeFirstOrThrow();
  if (Number(n) >= body.seats) {
    throw new AppError('committees_seats_full', 409, { params: { seats: body.seats } });
  }
}

/**
 * The most members seated on one day from `today` on: the count can only rise on the first day of a
 * term, so those days (and today) are the ones to count.
 */
async function mostSeatedFrom(trx: Transaction<CommitteesTables>, bodyId: string, today: string) {
  const terms = await trx
    .selectFrom('committees_members')
    .select(['term_start', 'term_end'])
    .where('body_id', '=', bodyId)
    .where('term_end', '>=', today)
    .execute();
  const days = [today, ...terms.map((term) => term.term_start).filter((day) => day > today)];
  const seatedOn = (day: string) =>
    terms.filter((term) => term.term_start <= day && term.term_end >= day).length;
  return Math.max(0, ...days.map(seatedOn));
}

const memberColumns = (input: MemberInput) => ({
  name: input.name,
  position: input.position,
  recommended_by: input.recommendedBy,
  term_start: input.termStart,
  term_end: input.termEnd,
  gender: input.gender,
  sector: input.sector,
});

export async function addMember(
  { trx: raw, audit }: CommandContext,
  bodyId: string,
  input: MemberInput,
): Promise<{ id: string }> {
  const trx = committeesTrx(raw);
  await checkSeat(trx, bodyId, input, null);
  const id = randomUUID();
  await trx
    .insertInto('committees_members')
    .values({ id, body_id: bodyId, ...memberColumns(input) })
    .execute();
  // Names are public committee data, but the trail needs only what changed in the composition.
  await audit({
    action: 'committees.add-member',
    entityType: 'committees_members',
    entityId: id,
    after: { bodyId, position: input.position, termStart: input.termStart, termEnd: input.termEnd },
  });
  publicDataChanged();
  return { id };
}

export async function updateMember(
  { trx: raw, audit }: CommandContext,
  memberId: string,
  input: MemberInput & { version: number },
): Promise<{ id: string; version: number }> {
  const trx = committeesTrx(raw);
  const before = await trx
    .selectFrom('committees_members')
    .selectAll()
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!before) throw notFound();
  await checkSeat(trx, before.body_id, input, memberId);
  const updated = await trx
    .updateTable('committees_members')
    .set({ ...memberColumns(input), version: before.version + 1, updated_at: new Date() })
    .where('id', '=', memberId)
    .where('version', '=', input.version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw conflict();
  await audit({
    action: 'committees.update-member',
    entityType: 'committees_members',
    entityId: memberId,
    before: { position: before.position, termStart: before.term_start, termEnd: before.term_end },
    after: { position: input.position, termStart: input.termStart, termEnd: input.termEnd },
  });
  publicDataChanged();
  return { id: memberId, version: updated.version };
}

export async function createBody(
  { trx: raw, audit }: CommandContext,
  input: z.infer<typeof createBodySchema>,
): Promise<{ id: string }> {
  const trx = committeesTrx(raw);
  // Any parent named, even an empty one, must exist: the foreign key would otherwise fail as a 500.
  if (input.parentId !== null) {
    const parent = await trx
      .selectFrom('committees_bodies')
      .select('id')
      .where('id', '=', input.parentId)
      .forUpdate()
      .executeTakeFirst();
    if (!parent) {
      throw fieldError('parentId', 'unknown_body', {
        ko: '없는 상위 기구입니다.',
        en: 'No such parent body.',
      });
    }
  }
  // The conflict clause, not an earlier look-up, decides: two secretaries creating one id at once
  // get one body and one "exists" answer, not a unique violation.
  const inserted = await trx
    .insertInto('committees_bodies')
    .values({
      id: input.id,
      kind: input.kind,
      parent_id: input.parentId,
      name_ko: input.name.ko,
      name_en: input.name.en,
      since_year: null,
      seats: input.seats,
      term_years: input.termYears,
      meetings_per_year: input.meetingsPerYear,
      quorum: input.quorum,
      organisers: JSON.stringify([]) as never,
      is_public: input.isPublic,
      historical_meetings: null,
      historical_years: null,
      historical_source: null,
    })
    .onConflict((clause) => clause.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    throw fieldError('id', 'duplicate', {
      ko: '이미 있는 기구 ID입니다.',
      en: 'A body with this id exists.',
    });
  }
  await audit({
    action: 'committees.create-body',
    entityType: 'committees_bodies',
    entityId: input.id,
    after: input,
  });
  publicDataChanged();
  return { id: input.id };
}

export async function updateBodyRules(
  { trx: raw, audit }: CommandContext,
  bodyId: string,
  input: z.infer<typeof bodyRulesSchema>,
): Promise<{ id: string; version: number }> {
  const trx = committeesTrx(raw);
  const before = await lockBody(trx, bodyId);
  if (before.version !== input.version) throw conflict();
  if (input.seats !== null) {
    const seated = await mostSeatedFrom(trx, bodyId, cityToday());
    if (seated > input.seats) {
      throw fieldError('seats', 'committees_seats_below_seated', {
        ko: `임기가 겹치는 위원이 ${seated}명이므로 정원을 그보다 적게 정할 수 없습니다.`,
        en: `${seated} members' terms overlap, so the body cannot have fewer seats than that.`,
      });
    }
  }
  const updated = await trx
    .updateTable('committees_bodies')
    .set({
      seats: input.seats,
      term_years: input.termYears,
      meetings_per_year: input.meetingsPerYear,
      quorum: input.quorum,
      version: before.version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', bodyId)
    .where('version', '=', input.version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw conflict();
  const rules = (row: {
    seats: number | null;
    term_years: number | null;
    meetings_per_year: number | null;
    quorum: number | null;
  }) => ({
    seats: row.seats,
    termYears: row.term_years,
    meetingsPerYear: row.meetings_per_year,
    quorum: row.quorum,
  });
  await audit({
    action: 'committees.update-body-rules',
    entityType: 'committees_bodies',
    entityId: bodyId,
    before: rules(before),
    after: rules({
      seats: input.seats,
      term_years: input.termYears,
      meetings_per_year: input.meetingsPerYear,
      quorum: input.quorum,
    }),
  });
  publicDataChanged();
  return { id: bodyId, version: updated.version };
}
