/**
 * Test support: the department terms recommendations are addressed to (the kernel's `departments`
 * vocabulary, as the dataset would load them), and a recommendation recorded through the real API.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../kernel/server/db.ts';
import { vocabDb } from '../../../kernel/server/vocabularies/tables.ts';
import type { RecommendationInput, StaffRecommendation } from '../contract.ts';

export type Headers = { cookie: string; 'x-csrf-token': string };

/** Adds department terms (skipping those that exist). */
export async function addDepartments(database: Database, codes: readonly string[]): Promise<void> {
  await vocabDb(database.db)
    .insertInto('vocab_terms')
    .values(
      codes.map((code) => ({
        vocabulary: 'departments',
        code,
        name_ko: `${code} 부서`,
        name_en: `${code} division`,
      })),
    )
    .onConflict((oc) => oc.columns(['vocabulary', 'code']).doNothing())
    .execute();
}

export function recommendationInput(overrides: Partial<RecommendationInput> = {}): RecommendationInput {
  return {
    source: { kind: 'committee', reference: '2026년 제3차 인권증진시민위원회 회의록' },
    text: {
      ko: '장애인 이동권 보장을 위해 저상버스를 늘릴 것',
      en: 'Add low-floor buses to secure disabled people’s mobility',
    },
    departments: ['TEST-DEPT'],
    issuedOn: '2026-03-02',
    answerDue: '2026-04-30',
    implementationDue: '2026-12-31',
    isPublic: false,
    tags: [],
    ...overrides,
  };
}

export async function createRecommendation(
  app: FastifyInstance,
  headers: Headers,
  overrides: Partial<RecommendationInput> = {},
): Promise<StaffRecommendation> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/recommendations',
    headers,
    payload: recommendationInput(overrides),
  });
  if (response.statusCode !== 201) throw new Error(`create: ${response.statusCode} ${response.body}`);
  return response.json() as StaffRecommendation;
}
