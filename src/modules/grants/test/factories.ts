/**
 * Test factories for grants, through the real API: a call open today, an organisation with a profile,
 * an application taken to a given status. Other modules' tests and the browser tests use them too.
 */

import type { FastifyInstance } from 'fastify';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { clock } from '../../../kernel/server/city/clock.ts';
import type { Database } from '../../../kernel/server/db.ts';
import type { Role } from '../../../kernel/shared/roles.ts';
import type { Application, Call, CallInput, OrganisationType } from '../contract.ts';

export type Headers = { cookie: string; 'x-csrf-token': string };

function shiftDays(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

export function callInput(overrides: Partial<CallInput> = {}): CallInput {
  const today = clock().today();
  return {
    kind: 'neighbourhood',
    year: Number(today.slice(0, 4)),
    title: { ko: '[예시] 인권마을 공모', en: '[Sample] Human Rights Neighbourhood call' },
    description: { ko: '예시 공모입니다.', en: 'A sample call.' },
    currency: 'KRW',
    budget: 10_000_000,
    maxAmount: 6_000_000,
    opensOn: shiftDays(today, -7),
    closesOn: shiftDays(today, 30),
    requiresRegistration: true,
    eligibleTypes: ['nonprofit_organisation', 'neighbourhood_group'],
    criteria: [
      { name: { ko: '인권 가치', en: 'Human rights value' }, weight: 60 },
      { name: { ko: '실행 가능성', en: 'Feasibility' }, weight: 40 },
    ],
    published: true,
    ...overrides,
  };
}

async function call<T>(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Headers,
  payload?: unknown,
): Promise<T> {
  const response = await app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return (response.statusCode === 204 ? undefined : response.json()) as T;
}

export async function signedInAs(app: FastifyInstance, database: Database, role: Role): Promise<Headers> {
  const user = await createUser(database, { role });
  return (await signIn(app, user)).headers;
}

export async function createCall(app: FastifyInstance, office: Headers, overrides: Partial<CallInput> = {}) {
  return call<Call>(app, 'POST', '/grants/calls', office, callInput(overrides));
}

export async function createOrganisation(
  app: FastifyInstance,
  database: Database,
  profile: { name?: string; registrationNumber?: string | null; type?: OrganisationType } = {},
): Promise<Headers> {
  const headers = await signedInAs(app, database, 'organisation');
  await call(app, 'PUT', '/grants/organisation', headers, {
    name: profile.name ?? '[Sample] Neighbourhood association',
    registrationNumber:
      profile.registrationNumber === undefined ? '123-45-67890' : profile.registrationNumber,
    type: profile.type ?? 'neighbourhood_group',
    version: 0,
  });
  return headers;
}

export function draftContent(amount: number) {
  return {
    title: '[Sample] Human rights map of our village',
    summary: 'Residents map the barriers older persons meet.',
    publicTitle: null,
    district: 'buk-gu',
    amountRequested: amount,
    budgetLines: [
      { item: 'Workshops', amount: amount - Math.floor(amount / 4) },
      { item: 'Printing', amount: Math.floor(amount / 4) },
    ],
  };
}

export async function submittedApplication(
  app: FastifyInstance,
  organisation: Headers,
  callId: string,
  amount: number,
): Promise<Application> {
  const { id } = await call<{ id: string }>(app, 'POST', '/grants/applications', organisation, {
    callId,
    ...draftContent(amount),
  });
  return call<Application>(app, 'POST', `/grants/applications/${id}/submit`, organisation, { version: 1 });
}

export async function selectedApplication(
  app: FastifyInstance,
  organisation: Headers,
  office: Headers,
  callId: string,
  amount: number,
): Promise<Application> {
  const submitted = await submittedApplication(app, organisation, callId, amount);
  return call<Application>(app, 'POST', `/grants/applications/${submitted.id}/decision`, office, {
    decision: 'select',
    version: submitted.version,
  });
}

export async function awardedApplication(
  app: FastifyInstance,
  organisation: Headers,
  office: Headers,
  callId: string,
  amount: number,
): Promise<Application> {
  const selected = await selectedApplication(app, organisation, office, callId, amount);
  return call<Application>(app, 'POST', `/grants/applications/${selected.id}/award`, office, {
    amount,
    version: selected.version,
  });
}
