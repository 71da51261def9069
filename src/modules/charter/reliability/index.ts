/**
 * The charter module's part of the reliability suite. For the authorization matrix, made through the
 * API: a publication, an open contest (for the contest's routes and its entries) and an entry of a
 * contest being judged (so that an allowed judgement reaches the judging rules, not only the 409 of an
 * open contest). The records the office edits with a version: a publication, a contest and an entry's
 * judgement. The personal data: an entrant's name, encrypted at rest, planted in an entry that then
 * wins, so that the contest's public winners are listed beside it.
 */
import assert from 'node:assert/strict';
import type { TestApp } from '../../../kernel/server/testing.ts';
import type { EditableRecord, ModuleReliability, Variants } from '../../../reliability/contributions.ts';
import { send } from '../../../reliability/http.ts';
import { sessionHeaders } from '../../../reliability/operations.ts';
import type { ContestDetail, Publication } from '../contract.ts';

const api = '/api/v1/charter';
const title = { ko: '가', en: 'A' };
const noExhibition = { place: null, from: null, to: null };

type Call = (method: string, path: string, body?: object) => Promise<{ status: number; body: string }>;

/** Calls the app in-process as one user. */
function asUser(test: TestApp, userId: string): Call {
  return async (method, path, body) => {
    const response = await test.app.inject({
      method: method as 'GET',
      url: `${api}${path}`,
      headers: await sessionHeaders(test.database.db, userId),
      ...(body ? { payload: body } : {}),
    });
    return { status: response.statusCode, body: response.body };
  };
}

async function expect<T>(call: Call, status: number, method: string, path: string, body?: object) {
  const response = await call(method, path, body);
  assert.equal(response.status, status, `${method} ${path}: ${response.body}`);
  return (response.body ? JSON.parse(response.body) : undefined) as T;
}

/** A contest of `year` with one entry by `entrant`, moved on to judging. */
async function contestInJudging(call: Call, year: number, entrant: string) {
  const created = await expect<ContestDetail>(call, 201, 'POST', '/contests', { year, title });
  const { id } = created.contest;
  await expect(call, 201, 'POST', `/contests/${id}/entries`, { title: 'T', category: 'slogan', entrant });
  const judging = await expect<ContestDetail>(call, 200, 'PUT', `/contests/${id}`, {
    version: created.contest.version,
    title,
    status: 'judging',
    exhibition: noExhibition,
  });
  const entry = judging.entries[0];
  assert.ok(entry);
  return { contest: judging.contest, entry };
}

const editorTitle = (index: number) => ({ ko: `편집자 ${index}`, en: `Editor ${index}` });
const titledBy = (index: number, value: { ko: string; en: string } | undefined) =>
  value?.ko === editorTitle(index).ko && value.en === editorTitle(index).en;

const editableRecords: EditableRecord[] = [
  {
    name: 'a charter publication (PUT /charter/publications/:code)',
    async create(test, adminId) {
      const call = asUser(test, adminId);
      const code = 'contested-publication';
      await expect(call, 201, 'POST', '/publications', { code, title, year: 2030 });
      return {
        method: 'PUT',
        url: `${api}/publications/${code}`,
        readUrl: `${api}/staff`,
        version: 1,
        editorId: adminId,
      };
    },
    change: (index, version) => ({ version, title: editorTitle(index), year: 2030 }),
    read(index, body) {
      const { publications } = body as { publications: Publication[] };
      const publication = publications.find((item) => item.code === 'contested-publication');
      return { madeBy: titledBy(index, publication?.title), version: publication?.version ?? 0 };
    },
  },
  {
    name: 'a contest (PUT /charter/contests/:id)',
    async create(test, adminId) {
      const created = await expect<ContestDetail>(asUser(test, adminId), 201, 'POST', '/contests', {
        year: 2040,
        title,
      });
      const url = `${api}/contests/${created.contest.id}`;
      return { method: 'PUT', url, readUrl: url, version: created.contest.version, editorId: adminId };
    },
    change: (index, version) => ({
      version,
      title: editorTitle(index),
      status: 'open',
      exhibition: noExhibition,
    }),
    read(index, body) {
      const { contest } = body as ContestDetail;
      return { madeBy: titledBy(index, contest.title), version: contest.version };
    },
  },
  {
    name: "a contest entry's judgement (PUT /charter/entries/:id/judgement)",
    async create(test, adminId) {
      const { contest, entry } = await contestInJudging(asUser(test, adminId), 2041, 'Entrant');
      return {
        method: 'PUT',
        url: `${api}/entries/${entry.id}/judgement`,
        readUrl: `${api}/contests/${contest.id}`,
        version: entry.version,
        editorId: adminId,
      };
    },
    // Each editor's score is their own (0–49), so the stored score says whose judgement won.
    change: (index, version) => ({ version, score: index, award: null, exhibited: false }),
    read(index, body) {
      const entry = (body as ContestDetail).entries[0];
      return { madeBy: entry?.score === index, version: entry?.version ?? 0 };
    },
  },
];

export const reliability: ModuleReliability = {
  async plantPersonalData({ url, adminHeaders, token }) {
    const entrant = `응모자${token()}`;
    const call: Call = (method, path, body) =>
      send(`${url}${api}${path}`, { method, headers: adminHeaders, ...(body ? { body } : {}) });
    const { contest, entry } = await contestInJudging(call, 2099, entrant);
    await expect(call, 200, 'PUT', `/entries/${entry.id}/judgement`, {
      version: entry.version,
      score: 90,
      award: 'grand',
      exhibited: true,
    });
    const closed = await expect<ContestDetail>(call, 200, 'PUT', `/contests/${contest.id}`, {
      version: contest.version,
      title,
      status: 'closed',
      exhibition: noExhibition,
    });
    assert.equal(closed.entries[0]?.entrant, entrant, 'the office reads the entrant back');
    return {
      planted: [{ field: 'contest entrant', value: entrant, encryptedAtRest: true }],
      answers: [{ id: contest.id }],
    };
  },
  async authorizationRecords({ test, users }) {
    const call = asUser(test, users.officer.id);
    await expect(call, 201, 'POST', '/publications', { code: 'reliability-leaflet', title, year: 2030 });
    const open = await expect<ContestDetail>(call, 201, 'POST', '/contests', { year: 2030, title });
    const { entry } = await contestInJudging(call, 2031, 'Entrant');
    const records: Record<string, Variants> = {
      [`${api}/publications/{code}`]: { another: { code: 'reliability-leaflet' }, exists: true },
      [`${api}/entries/{id}/judgement`]: { another: { id: entry.id }, exists: true },
    };
    for (const path of [`${api}/contests/{id}`, `${api}/contests/{id}/entries`]) {
      records[path] = { another: { id: open.contest.id }, exists: true };
    }
    return () => records;
  },
  editableRecords,
};
