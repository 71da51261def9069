/**
 * The office's decision on an application is announced to the organisation in the decision's own
 * transaction: selected, not selected, awarded; a refused decision (a stale version, a step the
 * application is not at) announces nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { notificationsDb } from '../../../kernel/server/notifications/queries.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import {
  createCall,
  createOrganisation,
  type Headers,
  signedInAs,
  submittedApplication,
} from '../test/factories.ts';

describe('grants: notifications', () => {
  let test: TestApp;
  let officer: Headers;
  let organisation: Headers;
  let organisationId: string;
  let callId: string;

  const noticesOf = async (userId: string) =>
    notificationsDb(test.database.db)
      .selectFrom('notifications_items')
      .selectAll()
      .where('user_id', '=', userId)
      .where('kind', '=', 'grants.application_decided')
      .orderBy('created_at')
      .execute();
  const api = (url: string, payload: object) =>
    test.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: officer, payload });

  before(async () => {
    test = await createTestApp();
    const vocab = modules.filter((module) => module.name === 'vocab');
    await loadDataset({
      database: test.database,
      modules: vocab,
      city: 'gwangju',
      reset: false,
      demo: false,
    });
    officer = await signedInAs(test.app, test.database, 'officer');
    organisation = await createOrganisation(test.app, test.database);
    const me = await test.app.inject({ url: '/api/v1/auth/me', headers: organisation });
    organisationId = me.json().user.id;
    callId = (await createCall(test.app, officer)).id;
  });
  after(() => test.close());

  it('tells the organisation of the selection and the award, and nothing of a refused decision', async () => {
    const submitted = await submittedApplication(test.app, organisation, callId, 1000);
    const stale = await api(`/grants/applications/${submitted.id}/decision`, {
      decision: 'select',
      version: submitted.version + 2,
    });
    assert.equal(stale.statusCode, 409, stale.body);
    const early = await api(`/grants/applications/${submitted.id}/award`, {
      amount: 500,
      version: submitted.version,
    });
    assert.equal(early.statusCode, 409, early.body);
    assert.equal((await noticesOf(organisationId)).length, 0);

    const selected = await api(`/grants/applications/${submitted.id}/decision`, {
      decision: 'select',
      version: submitted.version,
    });
    assert.equal(selected.statusCode, 200, selected.body);
    const awarded = await api(`/grants/applications/${submitted.id}/award`, {
      amount: 800,
      version: selected.json().version,
    });
    assert.equal(awarded.statusCode, 200, awarded.body);
    const notices = await noticesOf(organisationId);
    assert.deepEqual(
      notices.map((notice) => notice.title_en.split(':')[0]),
      ['Your application was selected', 'Your application was awarded a grant'],
    );
    assert.equal(notices[0]?.path, `/grants/applications/${submitted.id}`);
  });

  it('tells the organisation its application was not selected', async () => {
    const before = (await noticesOf(organisationId)).length;
    const submitted = await submittedApplication(test.app, organisation, callId, 1000);
    const rejected = await api(`/grants/applications/${submitted.id}/decision`, {
      decision: 'reject',
      version: submitted.version,
    });
    assert.equal(rejected.statusCode, 200, rejected.body);
    const notices = await noticesOf(organisationId);
    assert.equal(notices.length, before + 1);
    assert.ok(notices.at(-1)?.title_ko.includes('선정되지 않았습니다'));
  });
});
