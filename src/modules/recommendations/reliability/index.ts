/**
 * The register's part of the reliability suite. For the authorization matrix: a public recommendation
 * (the public tracker's record page), and two non-public ones, one addressed to the test department
 * (`TEST-DEPT`, the department user's own) and one to another department, so that a department is
 * seen to reach its own and to get a 404 on another's. The record the office edits with a version: a
 * recommendation (PUT /recommendations/:id).
 */
import assert from 'node:assert/strict';
import type { TestApp } from '../../../kernel/server/testing.ts';
import type { EditableRecord, ModuleReliability, Variants } from '../../../reliability/contributions.ts';
import { sessionHeaders } from '../../../reliability/operations.ts';
import type { StaffRecommendation } from '../contract.ts';
import { addDepartments, recommendationInput } from '../test/factories.ts';

const api = '/api/v1/recommendations';

async function create(test: TestApp, userId: string, overrides: Parameters<typeof recommendationInput>[0]) {
  const response = await test.app.inject({
    method: 'POST',
    url: api,
    headers: await sessionHeaders(test.database.db, userId),
    payload: recommendationInput(overrides),
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as StaffRecommendation;
}

const editorText = (index: number) => ({
  ko: `편집자 ${index}의 권고`,
  en: `Editor ${index}'s recommendation`,
});

const editableRecords: EditableRecord[] = [
  {
    name: 'a recommendation (PUT /recommendations/:id)',
    async create(test, adminId) {
      await addDepartments(test.database, ['TEST-DEPT']);
      const created = await create(test, adminId, {});
      return {
        method: 'PUT',
        url: `${api}/${created.id}`,
        readUrl: `${api}/staff/${created.id}`,
        version: created.version,
        editorId: adminId,
      };
    },
    change: (index, version) => ({ ...recommendationInput({ text: editorText(index) }), version }),
    read(index, body) {
      const record = body as StaffRecommendation;
      return {
        madeBy: record.text.ko === editorText(index).ko && record.text.en === editorText(index).en,
        version: record.version,
      };
    },
  },
];

export const reliability: ModuleReliability = {
  async authorizationRecords({ test, users }) {
    await addDepartments(test.database, ['TEST-DEPT', 'RELIABILITY-OTHER']);
    const officer = users.officer.id;
    const open = await create(test, officer, { isPublic: true, departments: ['RELIABILITY-OTHER'] });
    const mine = await create(test, officer, { departments: ['TEST-DEPT'] });
    const theirs = await create(test, officer, { departments: ['RELIABILITY-OTHER'] });
    const ombudsmans = await create(test, officer, {
      source: { kind: 'ombudsman', reference: 'Ombudsman decision' },
      departments: ['RELIABILITY-OTHER'],
    });
    return (caller) => {
      // `own` is the department user's (addressed to TEST-DEPT), or for the ombudsman an ombudsman's
      // recommendation; to the office every record is its own.
      const own = caller?.id === users.ombudsman.id ? ombudsmans.id : mine.id;
      const perRecord: Variants = { own: { id: own }, another: { id: theirs.id }, exists: true };
      const records: Record<string, Variants> = {
        [`${api}/{id}`]: { another: { id: open.id }, exists: true },
        [`${api}/staff/{id}`]: perRecord,
        [`${api}/{id}/transitions`]: perRecord,
        [`${api}/{id}/summary`]: perRecord,
        [`${api}/staff/{id}/trace`]: perRecord,
        [`${api}/{id}/links`]: perRecord,
      };
      return records;
    };
  },
  editableRecords,
};
