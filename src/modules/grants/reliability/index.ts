/**
 * The grants' part of the reliability suite. For the matrix: a published call; the test organisation
 * user's own submitted application and another organisation's, each with an attachment uploaded while
 * it was a draft; an awarded application with a planned tranche. On a submitted application the
 * owner's editing steps answer 409 `grants_wrong_status` (past the policy: allowed), another
 * organisation's 404 (refused: ownership is checked before the body), so `own` states the rule.
 * Edited with a version: a call, a draft application, an organisation's profile (its first save, at
 * version 0, when no row exists to lock) and the 360Giving prefix. Personal data: an organisation's
 * profile, its application's text and an attachment's bytes, never public (only awarded grants'
 * public titles and recipients are).
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import type { TestApp } from '../../../kernel/server/testing.ts';
import type {
  EditableRecord,
  ModuleReliability,
  Planted,
  Variants,
} from '../../../reliability/contributions.ts';
import { logIn, send } from '../../../reliability/http.ts';
import { sessionHeaders } from '../../../reliability/operations.ts';
import type { Application, Call } from '../contract.ts';
import {
  awardedApplication,
  callInput,
  createCall,
  createOrganisation,
  draftContent,
  type Headers,
} from '../test/factories.ts';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

async function inject<T>(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload: object | Buffer,
  status: number,
): Promise<T> {
  const response = await app.inject({
    method,
    url: `/api/v1/grants${url}`,
    headers: Buffer.isBuffer(payload) ? { ...headers, 'content-type': 'application/pdf' } : headers,
    payload,
  });
  assert.equal(response.statusCode, status, `${method} ${url}: ${response.body}`);
  return response.json() as T;
}

/** A draft with one attachment, then submitted: the application and the attachment's id. */
async function submittedWithAttachment(app: FastifyInstance, organisation: Headers, callId: string) {
  const { id } = await inject<{ id: string }>(
    app,
    'POST',
    '/applications',
    organisation,
    { callId, ...draftContent(1_000_000) },
    201,
  );
  const attachment = await inject<{ id: string }>(
    app,
    'POST',
    `/applications/${id}/attachments`,
    organisation,
    pdf('reliability'),
    201,
  );
  await inject(app, 'POST', `/applications/${id}/submit`, organisation, { version: 1 }, 200);
  return { id, attachmentId: attachment.id };
}

const officeHeaders = async (test: TestApp, adminId: string) =>
  (await sessionHeaders(test.database.db, adminId)) as Headers;

export const reliability: ModuleReliability = {
  async authorizationRecords({ test, users, headers }) {
    const { app, database } = test;
    const office = (await headers(users.admin.id)) as Headers;
    const call = await createCall(app, office);
    const organisation = (await headers(users.organisation.id)) as Headers;
    await inject(
      app,
      'PUT',
      '/organisation',
      organisation,
      {
        name: 'Reliability organisation',
        registrationNumber: '999-99-99999',
        type: 'neighbourhood_group',
        version: 0,
      },
      200,
    );
    const another = await createOrganisation(app, database);
    const own = await submittedWithAttachment(app, organisation, call.id);
    const others = await submittedWithAttachment(app, another, call.id);
    const awarded = await awardedApplication(app, another, office, call.id, 1_000_000);
    const tranche = await inject<{ id: string }>(
      app,
      'POST',
      `/applications/${awarded.id}/tranches`,
      office,
      { amount: 500_000, dueOn: callInput().closesOn },
      201,
    );
    const records: Record<string, Variants> = {
      '/api/v1/grants/calls/{id}': { another: { id: call.id }, exists: true },
      '/api/v1/grants/applications/{id}/attachments/{attachmentId}': { own, another: others, exists: true },
      '/api/v1/grants/applications/{id}/tranches/{trancheId}/payment': {
        another: { id: awarded.id, trancheId: tranche.id },
        exists: true,
      },
    };
    for (const suffix of [
      '',
      '/submit',
      '/attachments',
      '/reports',
      '/declaration',
      '/scores',
      '/decision',
      '/award',
      '/tranches',
    ]) {
      records[`/api/v1/grants/applications/{id}${suffix}`] = {
        own: { id: own.id },
        another: { id: others.id },
        exists: true,
      };
    }
    return () => records;
  },
  rawBodies: {
    'POST /api/v1/grants/applications/{id}/attachments': {
      contentType: 'application/pdf',
      payload: pdf('matrix').toString('latin1'),
    },
  },
  editableRecords: [
    {
      name: 'a funding call (PUT /grants/calls/:id)',
      async create(test, adminId) {
        const call = await createCall(test.app, await officeHeaders(test, adminId));
        const url = `/api/v1/grants/calls/${call.id}`;
        return { method: 'PUT', url, readUrl: url, version: call.version, editorId: adminId };
      },
      change: (index, version) => ({
        ...callInput({ title: { ko: `편집자 ${index}`, en: `Editor ${index}` } }),
        version,
      }),
      read(index, body) {
        const { title, version } = body as Call;
        return { madeBy: title.en === `Editor ${index}`, version };
      },
    },
    {
      name: 'a draft application (PUT /grants/applications/:id)',
      async create(test, adminId) {
        const call = await createCall(test.app, await officeHeaders(test, adminId));
        const user = await createUser(test.database, { role: 'organisation' });
        const headers = (await signIn(test.app, user)).headers;
        await inject(
          test.app,
          'PUT',
          '/organisation',
          headers,
          { name: 'Concurrent editors', registrationNumber: null, type: 'neighbourhood_group', version: 0 },
          200,
        );
        const { id } = await inject<{ id: string }>(
          test.app,
          'POST',
          '/applications',
          headers,
          { callId: call.id, ...draftContent(1_000_000) },
          201,
        );
        const url = `/api/v1/grants/applications/${id}`;
        return { method: 'PUT', url, readUrl: url, version: 1, editorId: user.id };
      },
      change: (index, version) => ({ ...draftContent(1_000_000), title: `Editor ${index}`, version }),
      read(index, body) {
        const { title, version } = body as Application;
        return { madeBy: title === `Editor ${index}`, version };
      },
    },
    {
      name: 'an organisation’s first profile (PUT /grants/organisation, version 0)',
      async create(test) {
        const user = await createUser(test.database, { role: 'organisation' });
        return {
          method: 'PUT',
          url: '/api/v1/grants/organisation',
          readUrl: '/api/v1/grants/organisation',
          version: 0,
          editorId: user.id,
        };
      },
      change: (index, version) => ({
        name: `Editor ${index}`,
        registrationNumber: null,
        type: 'neighbourhood_group',
        version,
      }),
      read(index, body) {
        const { organisation } = body as { organisation: { name: string; version: number } | null };
        return { madeBy: organisation?.name === `Editor ${index}`, version: organisation?.version ?? 0 };
      },
    },
    {
      name: 'the 360Giving identifier prefix (PUT /grants/settings)',
      async create(_test, adminId) {
        return {
          method: 'PUT',
          url: '/api/v1/grants/settings',
          readUrl: '/api/v1/grants/settings',
          version: 0,
          editorId: adminId,
        };
      },
      change: (index, version) => ({ identifierPrefix: `360G-editor-${index}`, version }),
      read(index, body) {
        const { identifierPrefix, version } = body as { identifierPrefix: string; version: number };
        return { madeBy: identifierPrefix === `360G-editor-${index}`, version };
      },
    },
  ] satisfies EditableRecord[],
  async plantPersonalData({ url, adminHeaders, token }) {
    const api = `${url}/api/v1/grants`;
    const applicant = {
      email: `grants-${token()}@reliability.example`,
      password: 'an applicants long password',
    };
    const made = await send(`${url}/api/v1/users`, {
      method: 'POST',
      headers: adminHeaders,
      body: { ...applicant, displayName: 'Applicant', role: 'organisation' },
    });
    assert.equal(made.status, 201, made.body);
    const { headers } = await logIn(url, applicant);
    const profile = {
      name: `단체${token()}`,
      registrationNumber: `REG-${token()}`,
    };
    const saved = await send(`${api}/organisation`, {
      method: 'PUT',
      headers,
      body: { ...profile, type: 'neighbourhood_group', version: 0 },
    });
    assert.equal(saved.status, 200, saved.body);
    const call = await send(`${api}/calls`, { method: 'POST', headers: adminHeaders, body: callInput() });
    assert.equal(call.status, 201, call.body);
    const text = {
      title: `사업명${token()}`,
      summary: `사업 개요 ${token()}`,
      budgetItem: `예산 항목 ${token()}`,
    };
    const content = draftContent(1_000_000);
    const created = await send(`${api}/applications`, {
      method: 'POST',
      headers,
      body: {
        ...content,
        callId: call.json<{ id: string }>().id,
        title: text.title,
        summary: text.summary,
        budgetLines: [{ item: text.budgetItem, amount: 1_000_000 }],
      },
    });
    assert.equal(created.status, 201, created.body);
    const { id } = created.json<{ id: string }>();
    const fileText = `첨부 ${token()}`;
    const uploaded = await fetch(`${api}/applications/${id}/attachments`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/pdf' },
      body: pdf(fileText),
    });
    assert.equal(uploaded.status, 201, await uploaded.text());
    const submitted = await send(`${api}/applications/${id}/submit`, {
      method: 'POST',
      headers,
      body: { version: 1 },
    });
    assert.equal(submitted.status, 200, submitted.body);
    const planted: Planted[] = [
      { field: 'grant applicant organisation name', value: profile.name, encryptedAtRest: false },
      {
        field: 'grant applicant registration number',
        value: profile.registrationNumber,
        encryptedAtRest: false,
      },
      { field: 'grant application title', value: text.title, encryptedAtRest: false },
      { field: 'grant application summary', value: text.summary, encryptedAtRest: false },
      { field: 'grant application budget item', value: text.budgetItem, encryptedAtRest: false },
      { field: 'grant application attachment', value: fileText, encryptedAtRest: true },
    ];
    return { planted };
  },
};
