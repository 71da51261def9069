/**
 * A published agenda is announced to the committee members in the transaction that publishes it: at
 * scheduling or on the edit that publishes it, once, and never by a refused edit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from '../../../kernel/server/accounts/testing.ts';
import { runCommand } from '../../../kernel/server/command.ts';
import { providedServices } from '../../../kernel/server/module.ts';
import { notificationsDb } from '../../../kernel/server/notifications/queries.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import { createTestBody, scheduleTestMeeting } from '../test/factories.ts';
import { updateMeeting } from './commands/meetings.ts';

describe('committees: notifications', () => {
  let test: TestApp;
  let bodyId: string;
  let member: string;
  let officer: string;

  const noticesOf = async (userId: string) =>
    notificationsDb(test.database.db)
      .selectFrom('notifications_items')
      .selectAll()
      .where('user_id', '=', userId)
      .where('kind', '=', 'committees.agenda_published')
      .execute();

  const meeting = (title: string, agendaPublished: boolean) => ({
    kind: 'regular' as const,
    title,
    startsAt: '2026-12-10T19:00:00+09:00',
    endsAt: '2026-12-10T21:00:00+09:00',
    place: '광주광역시청 3층 회의실',
    onlineUrl: null,
    organiser: null,
    isPublic: true,
    agendaPublished,
    capacity: null,
    cancelled: false,
  });

  before(async () => {
    test = await createTestApp();
    bodyId = await createTestBody(test.database);
    member = (await createUser(test.database, { role: 'committee' })).id;
    officer = (await createUser(test.database, { role: 'officer' })).id;
  });
  after(() => test.close());

  it('tells committee members when a meeting is scheduled with its agenda published, and not otherwise', async () => {
    const id = await scheduleTestMeeting(test.database, bodyId, {
      startsAt: '2026-12-01T19:00:00+09:00',
      endsAt: '2026-12-01T21:00:00+09:00',
      title: '제5차 정기회의',
      agendaPublished: true,
    });
    const [notice, ...more] = await noticesOf(member);
    assert.ok(notice);
    assert.equal(more.length, 0);
    assert.ok(notice.title_ko.includes('제5차 정기회의'));
    assert.equal(notice.path, `/committees/meetings/${id}`);
    assert.equal((await noticesOf(officer)).length, 0, 'only committee members');

    await scheduleTestMeeting(test.database, bodyId, {
      startsAt: '2026-12-02T19:00:00+09:00',
      endsAt: '2026-12-02T21:00:00+09:00',
      agendaPublished: false,
    });
    assert.equal((await noticesOf(member)).length, 1);
  });

  it('tells them once, on the edit that publishes the agenda, and never on a refused edit', async () => {
    const id = await scheduleTestMeeting(test.database, bodyId, {
      startsAt: '2026-12-03T19:00:00+09:00',
      endsAt: '2026-12-03T21:00:00+09:00',
      agendaPublished: false,
    });
    const before = (await noticesOf(member)).length;
    const edit = (agendaPublished: boolean, version: number) =>
      runCommand(test.database.db, { userId: officer }, (context) =>
        updateMeeting(context, providedServices(modules).recommendations, id, {
          ...meeting('제6차 정기회의', agendaPublished),
          version,
        }),
      );
    await assert.rejects(edit(true, 7), { code: 'conflict' });
    assert.equal((await noticesOf(member)).length, before);

    const { version } = await edit(true, 1);
    assert.equal((await noticesOf(member)).length, before + 1);
    await edit(true, version);
    assert.equal((await noticesOf(member)).length, before + 1, 'a later edit is not a new publication');
  });
});
