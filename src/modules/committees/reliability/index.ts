/**
 * The committees' part of the reliability suite.
 *
 * For the authorization matrix: the seeded roundtable (a body), a public roundtable meeting with seats
 * (what the public reads, registers for and members comment on), an internal meeting, a member of the
 * citizen committee. (A decision's recommendations live in the register of recommendations, whose
 * part of the suite covers answering them.) Two cells do not say everything:
 * - `GET /committees/meetings/{id}` is called on the INTERNAL meeting: the public, departments, the
 *   ombudsman and organisations get a 404 (the rule that matters: internal meetings stay hidden),
 *   while everyone reads a public meeting (the module's own tests and the calendar's row say so).
 *
 * - `GET /committees/documents/{id}` is called on a document of the public meeting whose agenda is
 *   not published yet: only the secretariat and the committee's members have it (the module's tests
 *   show the public getting it once the agenda is published). `DELETE
 *   /committees/agenda-items/{id}/files/{fileId}` removes that same document (the agenda being
 *   unpublished, the secretariat may), so it is put back before each call that names it.
 *
 * Versioned records: a member, a meeting, a body's rules and a meeting's minutes. Personal data: a
 * registrant's name and contact (encrypted at rest) and the cancellation token (kept as a hash).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { restorableFile } from '../../../kernel/server/files/testing.ts';
import type { TestApp } from '../../../kernel/server/testing.ts';
import type { EditableRecord, ModuleReliability, Variants } from '../../../reliability/contributions.ts';
import { send } from '../../../reliability/http.ts';
import { sessionHeaders } from '../../../reliability/operations.ts';

const api = '/api/v1/committees';
/** A file the kernel takes for a PDF: it starts like one. */
const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

interface Call {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  payload?: object;
}

async function inject(test: TestApp, userId: string, call: Call, status: number) {
  const response = await test.app.inject({
    ...call,
    url: `${api}${call.url}`,
    headers: await sessionHeaders(test.database.db, userId),
  });
  assert.equal(response.statusCode, status, `${call.method} ${call.url}: ${response.body}`);
  return response.json() as Record<string, unknown>;
}

const meetingFields = {
  kind: 'regular',
  title: 'Reliability meeting',
  startsAt: '2031-01-01T19:00:00+09:00',
  endsAt: '2031-01-01T21:00:00+09:00',
  place: 'City Hall',
  isPublic: false,
} as const;

const roundtable = {
  bodyId: 'roundtable',
  ...meetingFields,
  kind: 'roundtable',
  organiser: 'City Hall',
  isPublic: true,
  capacity: 10,
} as const;

const memberFields = {
  name: 'Reliability member',
  position: 'member',
  recommendedBy: 'City Council',
  termStart: '2030-01-01',
  termEnd: '2031-12-31',
  gender: 'undisclosed',
  sector: 'other',
} as const;

/** A fresh body of its own, so that no other test's members or meetings are in its way. */
async function createBody(test: TestApp, userId: string, seats: number | null): Promise<string> {
  const id = `reliability-${randomUUID().slice(0, 8)}`;
  await inject(
    test,
    userId,
    {
      method: 'POST',
      url: '/bodies',
      payload: { id, kind: 'committee', name: { ko: '시험 위원회', en: 'Test committee' }, seats },
    },
    201,
  );
  return id;
}

async function createMeeting(test: TestApp, userId: string, bodyId: string) {
  const { id } = await inject(
    test,
    userId,
    { method: 'POST', url: '/meetings', payload: { bodyId, ...meetingFields } },
    201,
  );
  const url = `${api}/meetings/${String(id)}`;
  const read = await inject(test, userId, { method: 'GET', url: `/meetings/${String(id)}` }, 200);
  return { url, version: Number(read.version) };
}

/** Puts back the agenda document an allowed removal took. */
let restoreDocument: () => Promise<void> = async () => {};

/** The body whose rules are edited: the list the rules are read back from holds every body. */
let rulesBodyId = '';

const editableRecords: readonly EditableRecord[] = [
  {
    name: 'a committee member (PUT /committees/members/:id)',
    async create(test, adminId) {
      const bodyId = await createBody(test, adminId, 5);
      const { id } = await inject(
        test,
        adminId,
        { method: 'POST', url: `/bodies/${bodyId}/members`, payload: memberFields },
        201,
      );
      return {
        method: 'PUT',
        url: `${api}/members/${String(id)}`,
        readUrl: `${api}/bodies/${bodyId}/members`,
        version: 1,
        editorId: adminId,
      };
    },
    change: (index, version) => ({ ...memberFields, name: `Editor ${index}`, version }),
    read(index, body) {
      const { members } = body as { members: { name: string; version: number }[] };
      const [member] = members;
      return {
        madeBy: members.length === 1 && member?.name === `Editor ${index}`,
        version: member?.version ?? 0,
      };
    },
  },
  {
    name: 'a meeting (PUT /committees/meetings/:id)',
    async create(test, adminId) {
      const bodyId = await createBody(test, adminId, null);
      const meeting = await createMeeting(test, adminId, bodyId);
      return { method: 'PUT', readUrl: meeting.url, ...meeting, editorId: adminId };
    },
    change: (index, version) => ({ ...meetingFields, title: `Editor ${index}`, version }),
    read(index, body) {
      const { title, version } = body as { title: string; version: number };
      return { madeBy: title === `Editor ${index}`, version };
    },
  },
  {
    name: "a body's rules (PUT /committees/bodies/:id/rules)",
    async create(test, adminId) {
      rulesBodyId = await createBody(test, adminId, 5);
      return {
        method: 'PUT',
        url: `${api}/bodies/${rulesBodyId}/rules`,
        readUrl: `${api}/bodies`,
        version: 1,
        editorId: adminId,
      };
    },
    change: (index, version) => ({
      seats: 100 + index,
      termYears: 2,
      meetingsPerYear: 4,
      quorum: null,
      version,
    }),
    read(index, body) {
      const { bodies } = body as { bodies: { id: string; seats: number | null; version: number }[] };
      const edited = bodies.find((candidate) => candidate.id === rulesBodyId);
      return { madeBy: edited?.seats === 100 + index, version: edited?.version ?? 0 };
    },
  },
  {
    name: "a meeting's minutes (PUT /committees/meetings/:id/minutes)",
    async create(test, adminId) {
      const bodyId = await createBody(test, adminId, null);
      const meeting = await createMeeting(test, adminId, bodyId);
      return {
        method: 'PUT',
        url: `${meeting.url}/minutes`,
        readUrl: meeting.url,
        version: meeting.version,
        editorId: adminId,
      };
    },
    change: (index, version) => ({ minutes: `Minutes by editor ${index}`, version }),
    read(index, body) {
      const { minutes, version } = body as { minutes: string | null; version: number };
      return { madeBy: minutes === `Minutes by editor ${index}`, version };
    },
  },
];

export const reliability: ModuleReliability = {
  async authorizationRecords({ test, users }) {
    const officer = users.officer.id;
    const publicMeeting = await inject(
      test,
      officer,
      { method: 'POST', url: '/meetings', payload: roundtable },
      201,
    );
    const internalMeeting = await inject(
      test,
      officer,
      { method: 'POST', url: '/meetings', payload: { ...roundtable, isPublic: false, capacity: null } },
      201,
    );
    const member = await inject(
      test,
      officer,
      { method: 'POST', url: '/bodies/citizen-committee/members', payload: memberFields },
      201,
    );
    const item = await inject(
      test,
      officer,
      {
        method: 'POST',
        url: `/meetings/${String(publicMeeting.id)}/agenda-items`,
        payload: { title: 'Item' },
      },
      201,
    );
    const uploaded = await test.app.inject({
      method: 'POST',
      url: `${api}/agenda-items/${String(item.id)}/files?name=agenda.pdf`,
      headers: { ...(await sessionHeaders(test.database.db, officer)), 'content-type': 'application/pdf' },
      payload: pdf,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const document = uploaded.json() as { id: string };
    restoreDocument = await restorableFile(test.database.db, document.id, 'committees_agenda_files');
    const records: Record<string, Variants> = {
      [`${api}/meetings/{id}`]: { another: { id: internalMeeting.id }, exists: true },
      [`${api}/members/{id}`]: { another: { id: member.id }, exists: true },
      [`${api}/agenda-items/{id}/files`]: { another: { id: item.id }, exists: true },
      [`${api}/agenda-items/{id}/files/{fileId}`]: {
        another: { id: item.id, fileId: document.id },
        exists: true,
      },
      [`${api}/documents/{id}`]: { another: { id: document.id }, exists: true },
    };
    for (const suffix of ['/rules', '/members', '/calendar.ics']) {
      records[`${api}/bodies/{id}${suffix}`] = { another: { id: 'roundtable' }, exists: true };
    }
    for (const suffix of [
      '/agenda-items',
      '/attendance',
      '/minutes',
      '/minutes/transitions',
      '/decisions',
      '/comments',
      '/registrations',
    ]) {
      records[`${api}/meetings/{id}${suffix}`] = { another: { id: publicMeeting.id }, exists: true };
    }
    return () => records;
  },

  async beforeCall(operationId) {
    if (
      operationId.includes(`${api}/agenda-items/{id}/files/`) ||
      operationId.includes(`${api}/documents/`)
    ) {
      await restoreDocument();
    }
  },

  rawBodies: {
    [`POST ${api}/agenda-items/{id}/files`]: { contentType: 'application/pdf', payload: pdf },
  },

  editableRecords,

  // A registration for a public meeting with seats, made by the public as anyone would.
  async plantPersonalData({ url, adminHeaders, token }) {
    const staff = async (path: string, body: object) => {
      const response = await send(`${url}${api}${path}`, { method: 'POST', headers: adminHeaders, body });
      assert.equal(response.status, 201, response.body);
      return response.json<{ id: string }>().id;
    };
    const bodyId = `reliability-${token()}`;
    await staff('/bodies', {
      id: bodyId,
      kind: 'committee',
      name: { ko: '개인정보 시험', en: 'Personal data test' },
      isPublic: true,
    });
    const meetingId = await staff('/meetings', {
      bodyId,
      ...meetingFields,
      isPublic: true,
      agendaPublished: true,
      capacity: 10,
    });
    const name = `참가자${token()}`;
    const contact = `registrant-${token()}@reliability.example`;
    const registered = await send(`${url}${api}/meetings/${meetingId}/registrations`, {
      method: 'POST',
      body: { name, contact },
    });
    assert.equal(registered.status, 201, registered.body);
    const { cancellationToken } = registered.json<{ cancellationToken: string }>();
    // The secretariat reads the list (each read is logged): the names must not reach the log.
    const read = await send(`${url}${api}/meetings/${meetingId}/registrations`, { headers: adminHeaders });
    assert.equal(read.status, 200, read.body);
    return {
      planted: [
        { field: 'registrant name', value: name, encryptedAtRest: true },
        { field: 'registrant contact', value: contact, encryptedAtRest: true },
        { field: 'registration cancellation token', value: cancellationToken, encryptedAtRest: true },
      ],
      answers: [{ id: meetingId, bodyId }],
    };
  },
};
