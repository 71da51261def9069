/**
 * The committees' part of My work: meetings to prepare in the next 30 days. The secretariat (officers
 * and admins) publishes each meeting's agenda, so a meeting whose agenda is not yet published is theirs,
 * due the day it meets; a committee member prepares for a meeting whose agenda is published. Cancelled
 * meetings wait for nobody. Members are not linked to accounts, so every committee user sees every
 * body's meetings, as on the calendar.
 */
import { clock } from '../../../kernel/server/city/clock.ts';
import type { Db } from '../../../kernel/server/db.ts';
import type { WorkContext } from '../../../kernel/server/module.ts';
import { workItem } from '../../../kernel/server/work/due-state.ts';
import type { WorkItem } from '../../../kernel/shared/work.ts';
import { meetingEditPath, meetingPath } from '../web/paths.ts';
import { committeesDb } from './tables.ts';

/** How far ahead a meeting is work to prepare. */
const horizonDays = 30;

export async function committeesWork(db: Db, { user, today }: WorkContext): Promise<WorkItem[]> {
  const office = user.role === 'admin' || user.role === 'officer';
  if (!office && user.role !== 'committee') return [];
  const city = clock();
  const rows = await committeesDb(db)
    .selectFrom('committees_meetings as meeting')
    .innerJoin('committees_bodies as body', 'body.id', 'meeting.body_id')
    .select(['meeting.id', 'meeting.title', 'meeting.starts_at', 'body.name_ko', 'body.name_en'])
    .where('meeting.cancelled', '=', false)
    .where('meeting.agenda_published', '=', !office)
    .where('meeting.starts_at', '>=', city.startOfDay(today))
    .where('meeting.starts_at', '<', city.startOfDay(city.addDays(today, horizonDays + 1)))
    .orderBy('meeting.starts_at')
    .execute();
  return rows.map((row) =>
    workItem(
      {
        key: `committees:${row.id}:${office ? 'agenda' : 'prepare'}`,
        kind: office ? 'committees.publish_agenda' : 'committees.prepare_meeting',
        module: 'committees',
        title: { ko: `${row.name_ko} — ${row.title}`, en: `${row.name_en} — ${row.title}` },
        action: office
          ? { ko: '회의 안건 공개하기', en: 'Publish the meeting’s agenda' }
          : { ko: '회의 준비하기(안건 읽기)', en: 'Prepare for the meeting (read the agenda)' },
        departmentCode: null,
        dueOn: city.dateOf(row.starts_at),
        path: office ? meetingEditPath(row.id) : meetingPath(row.id),
      },
      today,
    ),
  );
}
