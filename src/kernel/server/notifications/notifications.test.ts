/**
 * The notifications API: a user's own list (newest first, paged, with unread and total), marking one
 * or all read, and the preferences (every declared kind, the user's choice or the default, the mail
 * language). A user never sees or marks another's notification: its id is a 404, as an unknown one.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { NotificationList, NotificationPreferences } from '../../shared/work.ts';
import { createUser, signIn } from '../accounts/testing.ts';
import { apiClient, type SessionHeaders } from '../api-testing.ts';
import { runCommand } from '../command.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { notify } from './notify.ts';
import { notificationsDb } from './queries.ts';

const kind = 'recommendations.addressed';

describe('notifications API', () => {
  let test: TestApp;
  const { call, ok, refused } = apiClient(() => test.app);
  let alice: { id: string; headers: SessionHeaders };
  let bob: { id: string; headers: SessionHeaders };

  async function write(userId: string, number: number) {
    await runCommand(test.database.db, { userId: null }, ({ trx }) =>
      notify(trx, {
        kind,
        recipients: { userIds: [userId] },
        title: { ko: `알림 ${number}`, en: `Notice ${number}` },
        path: `/staff/recommendations/${number}`,
      }),
    );
  }

  before(async () => {
    test = await createTestApp();
    for (const name of ['alice', 'bob'] as const) {
      const user = await createUser(test.database, { role: 'officer' });
      const signed = { id: user.id, headers: (await signIn(test.app, user)).headers };
      if (name === 'alice') alice = signed;
      else bob = signed;
    }
    // Separate transactions, so that each has its own time and the order is the order written.
    for (const number of [1, 2, 3]) await write(alice.id, number);
    await write(bob.id, 99);
  });
  after(() => test.close());

  it('lists only the caller’s own, newest first, paged, with unread and total', async () => {
    const all: NotificationList = await ok(call('GET', '/notifications', alice.headers));
    assert.deepEqual(
      all.items.map((item) => item.title.en),
      ['Notice 3', 'Notice 2', 'Notice 1'],
    );
    assert.equal(all.total, 3);
    assert.equal(all.unread, 3);
    assert.equal(all.items[0]?.path, '/staff/recommendations/3');
    assert.equal(all.items[0]?.readAt, null);
    const second: NotificationList = await ok(call('GET', '/notifications?limit=1&offset=1', alice.headers));
    assert.deepEqual(
      second.items.map((item) => item.title.ko),
      ['알림 2'],
    );
    assert.equal(second.total, 3);
    const bobs: NotificationList = await ok(call('GET', '/notifications', bob.headers));
    assert.deepEqual(
      bobs.items.map((item) => item.title.en),
      ['Notice 99'],
    );
  });

  it('refuses the anonymous public', async () => {
    await refused(call('GET', '/notifications'), 401, 'unauthenticated');
    await refused(call('GET', '/notifications/preferences'), 401, 'unauthenticated');
  });

  it('marks the caller’s own read, and answers another’s or an unknown id with 404, changing nothing', async () => {
    const list: NotificationList = await ok(call('GET', '/notifications', alice.headers));
    const newest = list.items[0];
    const [bobs] = (await ok(call('GET', '/notifications', bob.headers))).items as NotificationList['items'];
    assert.ok(newest && bobs);

    await refused(call('POST', `/notifications/${bobs.id}/read`, alice.headers), 404, 'not_found');
    await refused(call('POST', `/notifications/${randomUUID()}/read`, alice.headers), 404, 'not_found');
    const bobAfter: NotificationList = await ok(call('GET', '/notifications', bob.headers));
    assert.equal(bobAfter.unread, 1);

    assert.equal((await call('POST', `/notifications/${newest.id}/read`, alice.headers)).statusCode, 204);
    const afterOne: NotificationList = await ok(call('GET', '/notifications', alice.headers));
    assert.equal(afterOne.unread, 2);
    const readAt = afterOne.items[0]?.readAt;
    assert.ok(readAt);
    // Marking it again keeps the first read time.
    assert.equal((await call('POST', `/notifications/${newest.id}/read`, alice.headers)).statusCode, 204);
    const again: NotificationList = await ok(call('GET', '/notifications', alice.headers));
    assert.equal(again.items[0]?.readAt, readAt);
  });

  it('marks all of the caller’s own read, and nobody else’s', async () => {
    const marked = await ok(call('POST', '/notifications/read-all', alice.headers));
    assert.equal(marked.marked, 2);
    const list: NotificationList = await ok(call('GET', '/notifications', alice.headers));
    assert.equal(list.unread, 0);
    assert.equal(list.total, 3);
    const bobs: NotificationList = await ok(call('GET', '/notifications', bob.headers));
    assert.equal(bobs.unread, 1);
  });

  it('lists every declared kind with its label and the default, and the mail language', async () => {
    const preferences: NotificationPreferences = await ok(
      call('GET', '/notifications/preferences', alice.headers),
    );
    assert.equal(preferences.language, 'ko');
    const addressed = preferences.kinds.find((entry) => entry.kind === kind);
    assert.ok(addressed, 'the recommendations module declares its kind');
    assert.equal(addressed.choice, 'email');
    assert.ok(addressed.label.ko.length > 0 && addressed.label.en.length > 0);
  });

  it('saves the caller’s choices and language, and notify follows the choice', async () => {
    const saved: NotificationPreferences = await ok(
      call('PUT', '/notifications/preferences', alice.headers, {
        language: 'en',
        kinds: [{ kind, choice: 'digest' }],
      }),
    );
    assert.equal(saved.language, 'en');
    assert.equal(saved.kinds.find((entry) => entry.kind === kind)?.choice, 'digest');
    // Bob's are his own.
    const bobs: NotificationPreferences = await ok(call('GET', '/notifications/preferences', bob.headers));
    assert.equal(bobs.language, 'ko');
    assert.equal(bobs.kinds.find((entry) => entry.kind === kind)?.choice, 'email');

    await write(alice.id, 4);
    const row = await notificationsDb(test.database.db)
      .selectFrom('notifications_items')
      .select('delivery')
      .where('user_id', '=', alice.id)
      .where('title_en', '=', 'Notice 4')
      .executeTakeFirstOrThrow();
    assert.equal(row.delivery, 'digest');

    // A kind left out returns to its default.
    const reset: NotificationPreferences = await ok(
      call('PUT', '/notifications/preferences', alice.headers, { language: 'en', kinds: [] }),
    );
    assert.equal(reset.kinds.find((entry) => entry.kind === kind)?.choice, 'email');
  });

  it('refuses an unknown kind with a field error in Korean and English, and changes nothing', async () => {
    await ok(
      call('PUT', '/notifications/preferences', alice.headers, {
        language: 'en',
        kinds: [{ kind, choice: 'in_app' }],
      }),
    );
    const body = {
      language: 'ko',
      kinds: [
        { kind, choice: 'digest' },
        { kind: 'nobody.declares-this', choice: 'email' },
      ],
    };
    for (const [language, words] of [
      ['ko', '알 수 없는 알림 종류'],
      ['en', 'not a known kind'],
    ] as const) {
      const response = await call('PUT', `/notifications/preferences?lang=${language}`, alice.headers, body);
      assert.equal(response.statusCode, 400, response.body);
      const problem = response.json();
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(
        problem.errors.map((error: { field: string; code: string }) => [error.field, error.code]),
        [['body.kinds.1.kind', 'unknown_notification_kind']],
      );
      assert.ok(problem.errors[0].message.includes(words), problem.errors[0].message);
    }
    // A field the body does not have, a choice that is not one, a duplicate kind.
    await refused(
      call('PUT', '/notifications/preferences', alice.headers, { ...body, kinds: [], extra: 1 }),
      400,
      'validation_failed',
    );
    await refused(
      call('PUT', '/notifications/preferences', alice.headers, {
        language: 'ko',
        kinds: [{ kind, choice: 'pigeon' }],
      }),
      400,
      'validation_failed',
    );
    await refused(
      call('PUT', '/notifications/preferences', alice.headers, {
        language: 'ko',
        kinds: [
          { kind, choice: 'email' },
          { kind, choice: 'digest' },
        ],
      }),
      400,
      'validation_failed',
    );
    const unchanged: NotificationPreferences = await ok(
      call('GET', '/notifications/preferences', alice.headers),
    );
    assert.equal(unchanged.language, 'en');
    assert.equal(unchanged.kinds.find((entry) => entry.kind === kind)?.choice, 'in_app');
  });
});
