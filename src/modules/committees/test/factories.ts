/**
 * Records for tests of this module and others, made through the module's own commands: a body with a
 * few seats, its members, and meetings.
 */
import { randomUUID } from 'node:crypto';
import { runCommand } from '../../../kernel/server/command.ts';
import type { Database } from '../../../kernel/server/db.ts';
import { createMeeting } from '../server/commands/meetings.ts';
import { addMember, createBody } from '../server/commands/members.ts';

const system = { userId: null };

export async function createTestBody(
  database: Database,
  rules: { seats?: number | null; quorum?: number | null; isPublic?: boolean } = {},
): Promise<string> {
  const id = `test-${randomUUID().slice(0, 8)}`;
  await runCommand(database.db, system, (context) =>
    createBody(context, {
      id,
      kind: 'subcommittee',
      parentId: null,
      name: { ko: `시험 분과 ${id}`, en: `Test subcommittee ${id}` },
      seats: rules.seats === undefined ? 3 : rules.seats,
      termYears: 2,
      meetingsPerYear: 4,
      quorum: rules.quorum ?? null,
      isPublic: rules.isPublic ?? false,
    }),
  );
  return id;
}

export async function seatTestMember(
  database: Database,
  bodyId: string,
  term: { start: string; end: string },
  name = `위원 ${randomUUID().slice(0, 4)}`,
): Promise<string> {
  const { id } = await runCommand(database.db, system, (context) =>
    addMember(context, bodyId, {
      name,
      position: 'member',
      recommendedBy: '시의회',
      termStart: term.start,
      termEnd: term.end,
      gender: 'female',
      sector: 'civil_society',
    }),
  );
  return id;
}

export async function scheduleTestMeeting(
  database: Database,
  bodyId: string,
  options: {
    startsAt: string;
    endsAt: string;
    title?: string;
    kind?: 'regular' | 'roundtable';
    organiser?: string | null;
    capacity?: number | null;
    isPublic?: boolean;
    agendaPublished?: boolean;
  },
): Promise<string> {
  const { id } = await runCommand(database.db, system, (context) =>
    createMeeting(context, {
      bodyId,
      kind: options.kind ?? 'regular',
      title: options.title ?? '시험 회의',
      startsAt: options.startsAt,
      endsAt: options.endsAt,
      place: '광주광역시청 3층 회의실',
      onlineUrl: null,
      organiser: options.organiser ?? null,
      isPublic: options.isPublic ?? true,
      agendaPublished: options.agendaPublished ?? true,
      capacity: options.capacity ?? null,
      cancelled: false,
      tags: [],
    }),
  );
  return id;
}
