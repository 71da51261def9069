/**
 * The register's notice: a department's users are told, in the transaction that addresses the
 * recommendation to their department (at issue, and when an edit adds the department), and never by
 * a refused command. The title names the source reference, not the recommendation's text.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { notificationsDb } from '../../../kernel/server/notifications/queries.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import {
  addDepartments,
  createRecommendation,
  type Headers,
  recommendationInput,
} from '../test/factories.ts';

describe('recommendations: notifications', () => {
  let test: TestApp;
  let officer: Headers;
  let officerId: string;
  const users = {} as Record<'first' | 'second' | 'other', string>;

  const noticesOf = async (userId: string) =>
    notificationsDb(test.database.db)
      .selectFrom('notifications_items')
      .selectAll()
      .where('user_id', '=', userId)
      .where('kind', '=', 'recommendations.addressed')
      .execute();

  before(async () => {
    test = await createTestApp();
    await addDepartments(test.database, ['NOTE-A', 'NOTE-B', 'NOTE-C']);
    const officerUser = await createUser(test.database, { role: 'officer' });
    officerId = officerUser.id;
    officer = (await signIn(test.app, officerUser)).headers;
    users.first = (await createUser(test.database, { role: 'department', departmentCode: 'NOTE-A' })).id;
    users.second = (await createUser(test.database, { role: 'department', departmentCode: 'NOTE-B' })).id;
    users.other = (await createUser(test.database, { role: 'department', departmentCode: 'NOTE-C' })).id;
  });
  after(() => test.close());

  it('tells the addressed department’s users at issue, naming the source reference only', async () => {
    const created = await createRecommendation(test.app, officer, { departments: ['NOTE-A'] });
    const [notice, ...more] = await noticesOf(users.first);
    assert.ok(notice);
    assert.equal(more.length, 0);
    assert.equal(notice.path, `/staff/recommendations/${created.id}`);
    const { source, text } = recommendationInput();
    assert.ok(notice.title_ko.includes(source.reference));
    assert.ok(!notice.title_ko.includes(text.ko) && !notice.title_en.includes(text.en));
    assert.equal((await noticesOf(users.second)).length, 0);
    assert.equal((await noticesOf(officerId)).length, 0, 'the officer who issued it is not told');
  });

  it('tells only the department an edit adds, and nobody when the edit is refused', async () => {
    const created = await createRecommendation(test.app, officer, { departments: ['NOTE-A'] });
    const firstBefore = (await noticesOf(users.first)).length;
    const update = (departments: string[], version: number) =>
      test.app.inject({
        method: 'PUT',
        url: `/api/v1/recommendations/${created.id}`,
        headers: officer,
        payload: { ...recommendationInput({ departments }), version },
      });
    // A stale version: refused, and nothing is announced.
    const stale = await update(['NOTE-A', 'NOTE-C'], created.version + 5);
    assert.equal(stale.statusCode, 409, stale.body);
    assert.equal((await noticesOf(users.other)).length, 0);

    const edited = await update(['NOTE-A', 'NOTE-B'], created.version);
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal((await noticesOf(users.second)).length, 1);
    assert.equal(
      (await noticesOf(users.first)).length,
      firstBefore,
      'the department already told is not told again',
    );
  });

  it('tells nobody when the issue is refused', async () => {
    const before = (await noticesOf(users.other)).length;
    const refused = await test.app.inject({
      method: 'POST',
      url: '/api/v1/recommendations',
      headers: officer,
      payload: recommendationInput({ departments: ['NOTE-C', 'NO-SUCH-DEPARTMENT'] }),
    });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal((await noticesOf(users.other)).length, before);
  });
});
