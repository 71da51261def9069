/**
 * The forum's part of the reliability suite. Nothing of the forum belongs to a department or an
 * organisation: the public reads and registers, the office (admin and officer) writes and reads the
 * registrants, so no cell is `own`. For the matrix: the dataset's 2018 edition and the UN document
 * A/HRC/27/59, an open 2040 edition (so that a registration can succeed), a session of 2018 and a link
 * that is put back before each call of its DELETE. Edited with a version: an edition and a session.
 * Personal data: a registrant's name and e-mail, stored encrypted.
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { TestApp } from '../../../kernel/server/testing.ts';
import type { EditableRecord, ModuleReliability, Variants } from '../../../reliability/contributions.ts';
import { send } from '../../../reliability/http.ts';
import { sessionHeaders } from '../../../reliability/operations.ts';
import type { EditionDetail, Session, UnLink } from '../contract.ts';

const openEdition = (year: number) => ({
  year,
  startsOn: null,
  endsOn: null,
  theme: null,
  capacity: null,
  registrationOpen: true,
});

const sessionInput = (title: string) => ({
  title: { ko: title, en: title },
  startsAt: '2018-10-19T10:00:00+09:00',
  endsAt: '2018-10-19T12:00:00+09:00',
  languages: ['ko'],
  speakers: [{ name: 'Speaker', affiliation: null, origin: 'korean' }],
});

async function post(test: TestApp, userId: string, url: string, payload: object) {
  const response = await test.app.inject({
    method: 'POST',
    url,
    headers: await sessionHeaders(test.database.db, userId),
    payload,
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

const documentId = 'a-hrc-27-59';
const deleteLink = 'DELETE /api/v1/forum/un/links/{id}';
/** The link the matrix deletes, put back with the same id whenever an allowed DELETE removed it. */
let link: UnLink | undefined;

const editableRecords: EditableRecord[] = [
  {
    name: 'a forum edition (PUT /forum/editions/:year)',
    async create(test, adminId) {
      const edition = (await post(
        test,
        adminId,
        '/api/v1/forum/editions',
        openEdition(2041),
      )) as EditionDetail;
      const url = '/api/v1/forum/editions/2041';
      return { method: 'PUT', url, readUrl: url, version: edition.version, editorId: adminId };
    },
    change: (index, version) => ({
      startsOn: null,
      endsOn: null,
      theme: { ko: `편집자 ${index}`, en: `Editor ${index}` },
      capacity: index,
      registrationOpen: true,
      version,
    }),
    read(index, body) {
      const { theme, registration, version } = body as EditionDetail;
      return {
        madeBy:
          theme?.ko === `편집자 ${index}` &&
          theme.en === `Editor ${index}` &&
          registration.capacity === index,
        version,
      };
    },
  },
  {
    name: 'a forum session (PUT /forum/sessions/:id)',
    async create(test, adminId) {
      await post(test, adminId, '/api/v1/forum/editions', openEdition(2042));
      const session = (await post(
        test,
        adminId,
        '/api/v1/forum/editions/2042/sessions',
        sessionInput('동시 수정'),
      )) as Session;
      return {
        method: 'PUT',
        url: `/api/v1/forum/sessions/${session.id}`,
        readUrl: '/api/v1/forum/editions/2042',
        version: session.version,
        editorId: adminId,
      };
    },
    change: (index, version) => ({ ...sessionInput(`Editor ${index}`), version }),
    read(index, body) {
      const [session] = (body as EditionDetail).sessions;
      return {
        madeBy: session?.title.ko === `Editor ${index}` && session.title.en === `Editor ${index}`,
        version: session?.version ?? 0,
      };
    },
  },
];

export const reliability: ModuleReliability = {
  async authorizationRecords({ test, users }) {
    const officer = users.officer.id;
    await post(test, officer, '/api/v1/forum/editions', openEdition(2040));
    const session = (await post(
      test,
      officer,
      '/api/v1/forum/editions/2018/sessions',
      sessionInput('권한 시험'),
    )) as Session;
    link = (await post(test, officer, `/api/v1/forum/un/documents/${documentId}/links`, {
      module: 'forum',
      recordType: 'edition',
      recordId: '2018',
      path: '/forum/2018',
      title: { ko: '권한 시험', en: 'Authorization test' },
    })) as UnLink;
    const records: Record<string, Variants> = {
      '/api/v1/forum/editions/{year}': { another: { year: 2018 }, exists: true },
      '/api/v1/forum/editions/{year}/sessions': { another: { year: 2018 }, exists: true },
      // The open edition: the first caller's registration is taken, the next are told they are in.
      '/api/v1/forum/editions/{year}/registrations': { another: { year: 2040 }, exists: true },
      '/api/v1/forum/sessions/{id}': { another: { id: session.id }, exists: true },
      '/api/v1/forum/un/documents/{id}/links': { another: { id: documentId }, exists: true },
      '/api/v1/forum/un/links/{id}': { another: { id: link.id }, exists: true },
    };
    return () => records;
  },
  async beforeCall(operationId, { test }) {
    if (operationId !== deleteLink || !link) return;
    await sql`insert into forum_un_links (id, document_id, module, record_type, record_id, path, title_ko, title_en)
      values (${link.id}, ${documentId}, ${link.module}, ${link.recordType}, ${link.recordId}, ${link.path},
        ${link.title.ko}, ${link.title.en})
      on conflict (id) do nothing`.execute(test.database.db);
  },
  editableRecords,
  async plantPersonalData({ url, adminHeaders, token }) {
    const year = 2040;
    const opened = await send(`${url}/api/v1/forum/editions`, {
      method: 'POST',
      headers: adminHeaders,
      body: openEdition(year),
    });
    assert.equal(opened.status, 201, opened.body);
    const registrant = {
      name: `참가자${token()}`,
      email: `registrant-${token()}@reliability.example`,
    };
    const registered = await send(`${url}/api/v1/forum/editions/${year}/registrations`, {
      method: 'POST',
      body: { ...registrant, consent: true },
    });
    assert.equal(registered.status, 201, registered.body);
    const receipt = registered.json<{ id: string; year: number }>();
    // The office's list is the one answer that carries them: read it, so the log and caches are tried.
    const list = await send(`${url}/api/v1/forum/editions/${year}/registrations`, { headers: adminHeaders });
    assert.equal(list.status, 200, list.body);
    assert.ok(list.body.includes(registrant.email), 'the office reads the registrant back');
    return {
      planted: Object.entries(registrant).map(([key, value]) => ({
        field: `forum registrant ${key}`,
        value,
        encryptedAtRest: true,
      })),
      answers: [{ id: receipt.id, year: String(receipt.year) }],
    };
  },
};
