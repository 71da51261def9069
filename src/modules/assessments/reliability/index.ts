/**
 * The assessments' part of the reliability suite. For the matrix, four assessments of polling
 * stations: the test department's and another department's, each at the assessment step and closed
 * (the closed ones carry a recommendation each, and are public).
 *
 * Three rules do not fit allow/deny/own, and the records are chosen so that the matrix states the one
 * that matters most:
 * - GET /assessments/{id}: a department reads its own subjects' assessments, and any assessment at
 *   the assessment step (it may be an assessor). "Another's" is the other department's closed
 *   assessment, so the cell is `own`: outside that step another department's assessment stays hidden.
 * - PUT /assessments/{id}/ratings: a department rates only OTHER departments' subjects, never its own
 *   (the inverse of own). The record is the test department's own assessment at the assessment step,
 *   so the cell is `deny`: no department assesses itself. That it may rate another's is the module's
 *   test (server/assessments.test.ts).
 * - POST /assessments/subjects: a department registers only its own subjects; the body the suite
 *   generates names another department, so the cell is `deny`.
 *
 * - POST /assessments/{id}/items/{itemKey}/files: evidence for a rating, so the same rule as rating.
 * - GET /assessments/{id}/files/{fileId}: the office and the subject's department; "another's" is the
 *   other department's assessment at the assessment step, which a peer may read but not download.
 * - DELETE /assessments/{id}/items/{itemKey}/files/{fileId}: the same rule as attaching, on the test
 *   department's own assessment (so `deny`); the office's allowed removal is put back before each
 *   call, as the download names the same file.
 * - DELETE /assessments/revisions/{id}/files/{fileId}: a file on each closed assessment's revision,
 *   so that the department's own call passes the policy and meets the step (409), removing nothing.
 *
 * Edited with a version: an assessment's scope and summary, a training, and a template (whose edit
 * writes its next version).
 */
import assert from 'node:assert/strict';
import { runCommand } from '../../../kernel/server/command.ts';
import { keyring } from '../../../kernel/server/crypto.ts';
import { storeFile } from '../../../kernel/server/files/index.ts';
import { restorableFile } from '../../../kernel/server/files/testing.ts';
import type { TestApp } from '../../../kernel/server/testing.ts';
import type { EditableRecord, ModuleReliability, Variants } from '../../../reliability/contributions.ts';
import { sessionHeaders } from '../../../reliability/operations.ts';
import type { NewSubject, TemplateInput } from '../contract.ts';
import { assessmentsDb } from '../server/tables.ts';
import { assessmentInProgress, closedAssessment, officerSession } from '../test/factories.ts';

const pollingStation = (departmentCode: string): NewSubject => ({
  title: `Reliability polling station (${departmentCode})`,
  departmentCode,
  details: { kind: 'polling_station', address: '1 Test-ro', district: 'buk-gu' },
});

const api = '/api/v1/assessments';
const pdf = Buffer.from('%PDF-1.4\n% reliability evidence\n%%EOF\n');

/** Sends as an administrator and expects `status`; answers the body. */
async function send<T>(test: TestApp, adminId: string, method: 'POST' | 'PUT', url: string, payload: object) {
  const response = await test.app.inject({
    method,
    url,
    headers: await sessionHeaders(test.database.db, adminId),
    payload,
  });
  assert.equal(response.statusCode, method === 'POST' ? 201 : 200, response.body);
  return response.json() as T;
}

const template = (title: string): TemplateInput => ({
  subjectKind: 'enterprise',
  title: { ko: title, en: title },
  sections: [
    {
      key: 'policy',
      title: { ko: '정책', en: 'Policy' },
      items: [
        {
          key: 'commitment',
          text: { ko: '인권 경영 선언', en: 'A human rights commitment' },
          guidance: { ko: '선언문을 확인합니다.', en: 'Check the statement.' },
          scale: 4,
          evidenceRequired: false,
          weight: 1,
        },
      ],
    },
  ],
});

const training = { body: 'task_force', title: 'Concurrent training', heldOn: '2026-05-01', participants: 10 };

/** Puts back the item evidence an allowed removal took. */
let restoreItemFile: () => Promise<void> = async () => {};

/** A stored file on a closed assessment's revision, where no command attaches one any more. */
function revisionFile(test: TestApp, revisionId: number): Promise<string> {
  return runCommand(test.database.db, { userId: null }, async ({ trx }) => {
    const file = await storeFile(trx, keyring(test.config), {
      module: 'assessments',
      name: 'revision.pdf',
      body: pdf,
      createdBy: null,
    });
    await assessmentsDb(trx)
      .insertInto('assessments_revision_files')
      .values({ file_id: file.id, revision_id: revisionId, added_by: null })
      .execute();
    return file.id;
  });
}

/** The training being edited, found again among all trainings in the public comparison. */
let trainingId = 0;

const editableRecords: EditableRecord[] = [
  {
    name: "an assessment's scope and summary (PATCH /assessments/:id)",
    async create(test, adminId) {
      const key = 'concurrent-enterprise';
      await send(test, adminId, 'POST', `${api}/templates`, { key, ...template('Concurrent') });
      const subject = await send<{ id: number }>(test, adminId, 'POST', `${api}/subjects`, {
        title: 'Concurrent enterprise',
        departmentCode: 'TEST-DEPT',
        details: { kind: 'enterprise', sector: 'Transport' },
      });
      const { id } = await send<{ id: number }>(test, adminId, 'POST', api, {
        subjectId: subject.id,
        templateKey: key,
      });
      const url = `${api}/${id}`;
      return { method: 'PATCH', url, readUrl: url, version: 1, editorId: adminId };
    },
    change: (index, version) => ({ scope: `Editor ${index}`, summary: `Summary ${index}`, version }),
    read(index, body) {
      const { scope, summary, version } = body as { scope: string; summary: string; version: number };
      return { madeBy: scope === `Editor ${index}` && summary === `Summary ${index}`, version };
    },
  },
  {
    name: 'a training (PUT /assessments/trainings/:id)',
    async create(test, adminId) {
      ({ id: trainingId } = await send<{ id: number }>(test, adminId, 'POST', `${api}/trainings`, training));
      return {
        method: 'PUT',
        url: `${api}/trainings/${trainingId}`,
        readUrl: `${api}/enterprises`,
        version: 1,
        editorId: adminId,
      };
    },
    change: (index, version) => ({ ...training, title: `Editor ${index}`, participants: index, version }),
    read(index, body) {
      const { trainings } = body as {
        trainings: { id: number; title: string; participants: number; version: number }[];
      };
      const found = trainings.find((entry) => entry.id === trainingId);
      assert.ok(found, `training ${trainingId} is not in the comparison`);
      return {
        madeBy: found.title === `Editor ${index}` && found.participants === index,
        version: found.version,
      };
    },
  },
  {
    name: 'a template (PUT /assessments/templates/:key, writing its next version)',
    async create(test, adminId) {
      const key = 'concurrent-template';
      const { version } = await send<{ version: number }>(test, adminId, 'POST', `${api}/templates`, {
        key,
        ...template('Original'),
      });
      return {
        method: 'PUT',
        url: `${api}/templates/${key}`,
        readUrl: `${api}/templates`,
        version,
        editorId: adminId,
      };
    },
    change: (index, version) => ({ ...template(`Editor ${index}`), version }),
    read(index, body) {
      const { templates } = body as { templates: { key: string; title: { en: string }; version: number }[] };
      const found = templates.find((entry) => entry.key === 'concurrent-template');
      assert.ok(found, 'the template is not listed');
      return { madeBy: found.title.en === `Editor ${index}`, version: found.version };
    },
  },
];

export const reliability: ModuleReliability = {
  async authorizationRecords({ test, users }) {
    const { db } = test.database;
    const officer = officerSession(users.officer.id);
    const own = await assessmentInProgress(db, officer, pollingStation('TEST-DEPT'), 'polling-station');
    const another = await assessmentInProgress(db, officer, pollingStation('DHRP-DHR'), 'polling-station');
    const closed = async (departmentCode: string) => {
      const id = await closedAssessment(db, officer, pollingStation(departmentCode), 'polling-station', []);
      const recommendation = await assessmentsDb(db)
        .selectFrom('assessments_recommendations')
        .select('id')
        .where('assessment_id', '=', id)
        .executeTakeFirstOrThrow();
      const revision = await assessmentsDb(db)
        .selectFrom('assessments_revisions')
        .select('id')
        .where('assessment_id', '=', id)
        .executeTakeFirstOrThrow();
      return { id, recommendationId: recommendation.id, revisionId: revision.id };
    };
    const ownClosed = await closed('TEST-DEPT');
    const anotherClosed = await closed('DHRP-DHR');
    const evidence = async (assessmentId: number) => {
      const response = await test.app.inject({
        method: 'POST',
        url: `${api}/${assessmentId}/items/route/files?name=evidence.pdf`,
        headers: { ...(await sessionHeaders(db, users.officer.id)), 'content-type': 'application/pdf' },
        payload: pdf,
      });
      assert.equal(response.statusCode, 201, response.body);
      return (response.json() as { id: string }).id;
    };
    const ownFile = await evidence(own.assessmentId);
    const anotherFile = await evidence(another.assessmentId);
    restoreItemFile = await restorableFile(db, ownFile, 'assessments_rating_files');
    const created = await test.app.inject({
      method: 'POST',
      url: `${api}/trainings`,
      headers: await sessionHeaders(db, users.officer.id),
      payload: training,
    });
    assert.equal(created.statusCode, 201, created.body);
    const records: Record<string, Variants> = {
      [`${api}/public/{id}`]: { another: { id: anotherClosed.id }, exists: true },
      [`${api}/trainings/{id}`]: { another: { id: created.json().id }, exists: true },
      [`${api}/templates/{key}`]: { another: { key: 'polling-station' }, exists: true },
      [`${api}/templates/{key}/versions`]: { another: { key: 'polling-station' }, exists: true },
      [`${api}/subjects/{id}`]: {
        own: { id: own.subjectId },
        another: { id: another.subjectId },
        exists: true,
      },
      [`${api}/{id}`]: { own: { id: own.assessmentId }, another: { id: anotherClosed.id }, exists: true },
      [`${api}/{id}/ratings`]: { another: { id: own.assessmentId }, exists: true },
      [`${api}/{id}/items/{itemKey}/files`]: {
        another: { id: own.assessmentId, itemKey: 'route' },
        exists: true,
      },
      // Closed: the department's own passes the policy and meets the step (409); another's is refused.
      [`${api}/revisions/{id}/files`]: {
        own: { id: ownClosed.revisionId },
        another: { id: anotherClosed.revisionId },
        exists: true,
      },
      [`${api}/{id}/items/{itemKey}/files/{fileId}`]: {
        another: { id: own.assessmentId, itemKey: 'route', fileId: ownFile },
        exists: true,
      },
      [`${api}/revisions/{id}/files/{fileId}`]: {
        own: { id: ownClosed.revisionId, fileId: await revisionFile(test, ownClosed.revisionId) },
        another: { id: anotherClosed.revisionId, fileId: await revisionFile(test, anotherClosed.revisionId) },
        exists: true,
      },
      [`${api}/{id}/files/{fileId}`]: {
        own: { id: own.assessmentId, fileId: ownFile },
        another: { id: another.assessmentId, fileId: anotherFile },
        exists: true,
      },
      [`${api}/{id}/revisions`]: {
        own: { id: own.assessmentId },
        another: { id: another.assessmentId },
        exists: true,
      },
      [`${api}/recommendations/{id}/response`]: {
        own: { id: ownClosed.recommendationId },
        another: { id: anotherClosed.recommendationId },
        exists: true,
      },
    };
    // The office's workflow: on a closed assessment every step is out of order (a 409), so the
    // matrix's calls change nothing that a later call reads.
    for (const path of [`${api}/{id}/transitions`, `${api}/{id}/recommendations`]) {
      records[path] = { another: { id: anotherClosed.id }, exists: true };
    }
    return () => records;
  },
  async beforeCall(operationId) {
    if (operationId.includes(`${api}/{id}/`) && operationId.includes('/files/{fileId}'))
      await restoreItemFile();
  },
  rawBodies: {
    'POST /api/v1/assessments/{id}/items/{itemKey}/files': {
      contentType: 'application/pdf',
      payload: pdf.toString('latin1'),
    },
    'POST /api/v1/assessments/revisions/{id}/files': {
      contentType: 'application/pdf',
      payload: pdf.toString('latin1'),
    },
  },
  editableRecords,
};
