/**
 * The SDG module's part of the reliability suite. For the authorization matrix: goal 11's page, a
 * draft self-assessment for 2024 (the office's routes) and a published one for 2025 (the public read;
 * a published assessment refuses edits, so the edited year is another), and a peer city whose feed a
 * small HTTP server on the loopback serves (the app runs through inject, so it cannot fetch its own
 * feed; the fixture serves what the app answers there). Versioned records: a cell of a draft
 * self-assessment, and an assessment's publication.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { TestApp } from '../../../kernel/server/testing.ts';
import type { EditableRecord, ModuleReliability, Variants } from '../../../reliability/contributions.ts';
import { sessionHeaders } from '../../../reliability/operations.ts';

const category = 'peaceful';
const component = 'institutions';

async function inject(
  test: TestApp,
  userId: string,
  request: { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: object },
) {
  return test.app.inject({ ...request, headers: await sessionHeaders(test.database.db, userId) });
}

async function openAssessment(test: TestApp, userId: string, year: number): Promise<{ version: number }> {
  const created = await inject(test, userId, {
    method: 'POST',
    url: '/api/v1/sdg/assessments',
    payload: { year },
  });
  assert.equal(created.statusCode, 201, created.body);
  return created.json() as { version: number };
}

/** Serves `body` as the feed of a peer instance on the loopback; returns its base URL. */
async function servePeerFeed(body: string): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The suite has no teardown for module fixtures: the server must not keep the test process alive.
  server.unref();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * The framework's one cell the suite edits, as the Gwangju dataset defines it: the concurrent-edit
 * test runs on an empty database (no seed), and an assessment gets one cell per category × component.
 */
async function ensureFrameworkCell(test: TestApp) {
  const { db } = test.database;
  await sql`insert into sdg_a2030_categories (code, position, name_ko, name_en)
    values (${category}, 1, '평화롭고 안전하며 회복력 있는 도시', 'Peaceful, safe and resilient city')
    on conflict do nothing`.execute(db);
  await sql`insert into sdg_a2030_components (code, position, name_ko, name_en, description_ko, description_en)
    values (${component}, 2, '제도와 절차', 'Institutions and procedures',
      '인권위원회, 옴부즈맨, 인권 전담 부서 등',
      'Such as a human right commission, an ombudsman, a human rights department')
    on conflict do nothing`.execute(db);
}

/** A peer removed by an allowed DELETE, to put back under the same id before the next call. */
let removablePeer: { id: number; baseUrl: string; feed: string } | undefined;

interface AssessmentBody {
  version: number;
  publishedAt: string | null;
  cells: { category: string; component: string; version: number; narrative: { ko: string; en: string } }[];
}

const editableRecords: EditableRecord[] = [
  {
    name: 'a self-assessment cell (PUT /sdg/assessments/:year/cells/:category/:component)',
    async create(test, adminId) {
      await ensureFrameworkCell(test);
      const year = 2031;
      const assessment = (await openAssessment(test, adminId, year)) as AssessmentBody;
      const cell = assessment.cells.find((c) => c.category === category && c.component === component);
      assert.ok(cell, 'the assessment has no cell for the framework row');
      return {
        method: 'PUT',
        url: `/api/v1/sdg/assessments/${year}/cells/${category}/${component}`,
        readUrl: `/api/v1/sdg/assessments/${year}`,
        version: cell.version,
        editorId: adminId,
      };
    },
    change: (index, version) => ({
      version,
      rating: 'developing',
      narrative: { ko: `편집자 ${index}`, en: `Editor ${index}` },
      evidence: [],
    }),
    read(index, body) {
      const cell = (body as AssessmentBody).cells.find(
        (c) => c.category === category && c.component === component,
      );
      return {
        madeBy: cell?.narrative.ko === `편집자 ${index}` && cell.narrative.en === `Editor ${index}`,
        version: cell?.version ?? 0,
      };
    },
  },
  {
    // Every editor makes the same change (publish): the test still proves one winner and 49 × 409.
    name: 'a self-assessment publication (PUT /sdg/assessments/:year)',
    async create(test, adminId) {
      const year = 2032;
      const { version } = await openAssessment(test, adminId, year);
      const url = `/api/v1/sdg/assessments/${year}`;
      return { method: 'PUT', url, readUrl: url, version, editorId: adminId };
    },
    change: (_index, version) => ({ version, published: true }),
    read(_index, body) {
      const { publishedAt, version } = body as AssessmentBody;
      return { madeBy: publishedAt !== null, version };
    },
  },
];

export const reliability: ModuleReliability = {
  async authorizationRecords({ test, users }) {
    const officer = users.officer.id;
    await openAssessment(test, officer, 2024);
    const { version } = await openAssessment(test, officer, 2025);
    const published = await inject(test, officer, {
      method: 'PUT',
      url: '/api/v1/sdg/assessments/2025',
      payload: { version, published: true },
    });
    assert.equal(published.statusCode, 200, published.body);

    const feed = await test.app.inject({ method: 'GET', url: '/api/v1/network/feed' });
    assert.equal(feed.statusCode, 200, feed.body);
    const baseUrl = await servePeerFeed(feed.body);
    const added = await inject(test, officer, {
      method: 'POST',
      url: '/api/v1/network/peers',
      payload: { baseUrl },
    });
    assert.equal(added.statusCode, 201, added.body);
    const { peers } = added.json() as { peers: { id: number; baseUrl: string }[] };
    const peer = peers.find((p) => p.baseUrl === baseUrl);
    assert.ok(peer);
    removablePeer = { id: peer.id, baseUrl, feed: feed.body };

    const draftYear = { year: 2024 };
    const records: Record<string, Variants> = {
      '/api/v1/sdg/goals/{goal}': { another: { goal: 11 }, exists: true },
      '/api/v1/sdg/agenda-2030/assessments/{year}': { another: { year: 2025 }, exists: true },
      '/api/v1/sdg/assessments/{year}': { another: draftYear, exists: true },
      '/api/v1/sdg/assessments/{year}/cells/{category}/{component}': {
        another: { ...draftYear, category, component },
        exists: true,
      },
      '/api/v1/network/peers/{id}': { another: { id: peer.id }, exists: true },
      '/api/v1/network/peers/{id}/refresh': { another: { id: peer.id }, exists: true },
    };
    return () => records;
  },
  // Put back, as it was, the peer an allowed DELETE removed: same id, since the suite chose the
  // path values before this runs.
  async beforeCall(operationId, { test }) {
    if (operationId !== 'DELETE /api/v1/network/peers/{id}' || !removablePeer) return;
    const { id, baseUrl, feed } = removablePeer;
    const { db } = test.database;
    await sql`insert into sdg_network_peers (id, base_url) values (${id}, ${baseUrl})
      on conflict do nothing`.execute(db);
    await sql`insert into sdg_network_feeds (peer_id, feed) values (${id}, ${feed}::jsonb)
      on conflict do nothing`.execute(db);
  },
  editableRecords,
};
