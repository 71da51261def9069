/**
 * Small pieces the staff pages share: the appointed ombudsmen (to name the people a case is assigned
 * to), a case's stage in words, and how a workflow step is sent (with the version read, so that a
 * change made meanwhile comes back as a 409 that the page explains).
 */
import type { z } from 'zod';
import { api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { CaseStatus, grantSchema, memberSchema, TransitionInput } from '../contract.ts';
import { ombudsmanText } from './messages.ts';
import { ombudsmanStaffText } from './staff-messages.ts';

export type Member = z.infer<typeof memberSchema>;
export type Grant = z.infer<typeof grantSchema>;

/** The appointed ombudsmen, and a function naming a user id (staff who are not members: "staff member"). */
export function useMembers() {
  const t = useText(ombudsmanStaffText);
  const state = useApiData<{ members: Member[] }>('/ombudsman/members');
  const members = state.data?.members ?? [];
  const nameOf = (userId: string | null) =>
    members.find((member) => member.userId === userId)?.displayName ?? t('staffMember');
  return { members, nameOf };
}

export function StageName({ status }: { status: CaseStatus }) {
  const t = useText(ombudsmanText);
  return <>{t(`statusShort_${status}`)}</>;
}

export function sendTransition(caseId: string, input: TransitionInput): Promise<unknown> {
  return api(`/ombudsman/cases/${encodeURIComponent(caseId)}/transitions`, { method: 'POST', body: input });
}
