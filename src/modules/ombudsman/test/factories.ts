/**
 * Test factories for this module and others: an appointed ombudsman, and a case brought to a given
 * state through the real commands (so its timeline and audit rows are what the workflow writes).
 */
import type { SessionUser } from '../../../kernel/server/access.ts';
import { createUser } from '../../../kernel/server/accounts/testing.ts';
import type { Config } from '../../../kernel/server/config.ts';
import { keyring } from '../../../kernel/server/crypto.ts';
import type { Database } from '../../../kernel/server/db.ts';
import type { CaseStatus, ComplaintInput, TransitionInput } from '../contract.ts';
import { fileCase } from '../server/commands/file-complaint.ts';
import { setMember } from '../server/commands/members.ts';
import { transitionCase } from '../server/commands/transition-case.ts';

export interface TestMember {
  id: string;
  email: string;
  password: string;
  session: SessionUser;
}

export function sessionUserOf(
  user: { id: string; email: string },
  role: SessionUser['role'],
  departmentCode: string | null = null,
): SessionUser {
  return {
    id: user.id,
    email: user.email,
    displayName: `Test ${role}`,
    role,
    departmentCode,
    sessionId: 'factory',
  };
}

/** A user with the ombudsman role, appointed standing or not. */
export async function createOmbudsmanMember(
  database: Database,
  options: { standing: boolean; displayName?: string },
): Promise<TestMember> {
  const user = await createUser(database, {
    role: 'ombudsman',
    ...(options.displayName ? { displayName: options.displayName } : {}),
  });
  await setMember(database.db, { userId: null }, user.id, {
    standing: options.standing,
    appointedOn: '2026-01-01',
    termEndsOn: null,
    expertise: options.standing ? 'standing' : 'disability rights',
  });
  return { ...user, session: sessionUserOf(user, 'ombudsman') };
}

export const sampleComplaint: ComplaintInput = {
  complainant: { name: '홍길동', phone: '010-1234-5678', email: 'complainant@example.org' },
  anonymous: false,
  onBehalf: false,
  respondent: '광주광역시 ○○정신요양원',
  respondentType: 'facility',
  summary: '정신요양시설 CCTV 설치로 인한 사생활 침해',
  description: '병실 안에 CCTV가 설치되어 환자의 인권이 침해되었습니다.',
  occurredOn: '2026-03-02',
  rights: [],
  consent: true,
};

/** A decision as an ombudsman writes it: the facts in their words, the grounds. */
const decided = {
  action: 'decide',
  outcome: 'violation_found',
  facts: '요양원은 병실 안에 CCTV를 설치하여 환자의 모습을 상시 촬영하였다.',
  grounds: '병실 안의 상시 촬영은 사생활의 비밀과 자유를 침해한다.',
};

/** The path from `received` to each state, as (action, extra fields) steps. */
export const pathTo: Record<CaseStatus, readonly Record<string, unknown>[]> = {
  received: [],
  assessment: [{ action: 'start_assessment' }],
  investigation: [{ action: 'start_assessment' }, { action: 'admit' }],
  decided: [{ action: 'start_assessment' }, { action: 'admit' }, decided],
  follow_up: [
    { action: 'start_assessment' },
    { action: 'admit' },
    decided,
    { action: 'recommend', departmentCode: 'TEST-DEPT', body: 'CCTV를 병실에서 철거할 것' },
    { action: 'issue_recommendations' },
  ],
  closed: [{ action: 'start_assessment' }, { action: 'dismiss', reason: 'outside_mandate' }],
};

/** A complaint filed and brought to `status` by `standing` (a standing ombudsman), optionally assigned. */
export async function createCase(
  database: Database,
  config: Config,
  standing: TestMember,
  status: CaseStatus,
  complaint: Partial<ComplaintInput> = {},
  options: { assignedTo?: string[] } = {},
): Promise<{ id: string; receiptNumber: string; trackingCode: string; version: number }> {
  const filed = await fileCase(
    database.db,
    keyring(config),
    { userId: null },
    { ...sampleComplaint, ...complaint },
    {
      origin: 'complaint',
      channel: 'online',
    },
  );
  let version = 1;
  const steps = pathTo[status].flatMap((step) =>
    step.action === 'start_assessment' && options.assignedTo
      ? [step, { action: 'assign', userIds: options.assignedTo }]
      : [step],
  );
  for (const step of steps) {
    const result = await transitionCase(database.db, standing.session, null, filed.caseId, {
      ...step,
      version,
    } as TransitionInput);
    version = result.version;
  }
  return {
    id: filed.caseId,
    receiptNumber: filed.receiptNumber ?? '',
    trackingCode: filed.trackingCode ?? '',
    version,
  };
}
