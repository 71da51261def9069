/**
 * What the ombudsman's work tells people. Titles name the kind of work and the case's receipt number
 * (which the department's inbox shows too) and nothing else: never a complainant, a respondent or a
 * word of the case, since a notification may be mailed.
 */
import type { Transaction } from 'kysely';
import type { NotificationKind } from '../../../kernel/server/module.ts';
import { notify } from '../../../kernel/server/notifications/notify.ts';

export const notificationKinds: readonly NotificationKind[] = [
  {
    kind: 'ombudsman.information_requested',
    label: {
      ko: '부서에 온 인권옴부즈맨 자료 요청',
      en: 'Information requests from the ombudsman to my department',
    },
  },
  {
    kind: 'ombudsman.case_assigned',
    label: { ko: '나에게 배정된 사건', en: 'Cases assigned to me' },
  },
  {
    kind: 'ombudsman.appointment_to_confirm',
    label: { ko: '확인을 기다리는 옴부즈맨 위촉', en: 'Ombudsman appointments waiting for my confirmation' },
  },
  {
    kind: 'ombudsman.appointment_confirmed',
    label: { ko: '확인된 옴부즈맨 위촉', en: 'Ombudsman appointments confirmed' },
  },
];

// The web app's pages (as in web/paths.ts) where each is acted on.
const casePath = (id: string) => `/staff/ombudsman/cases/${encodeURIComponent(id)}`;
const inboxPath = '/staff/ombudsman/department';
const membersPath = '/staff/ombudsman/members';

const numbered = (receiptNumber: string | null) => (receiptNumber ? `: ${receiptNumber}` : '');

export async function notifyInformationRequested(
  trx: Transaction<object>,
  receiptNumber: string | null,
  departmentCode: string,
): Promise<void> {
  await notify(trx, {
    kind: 'ombudsman.information_requested',
    recipients: { departmentCode },
    title: {
      ko: `인권옴부즈맨이 부서에 자료를 요청했습니다${numbered(receiptNumber)}`,
      en: `The ombudsman asks your department for information${numbered(receiptNumber)}`,
    },
    path: inboxPath,
  });
}

export async function notifyCaseAssigned(
  trx: Transaction<object>,
  caseId: string,
  receiptNumber: string | null,
  userIds: readonly string[],
  actorId: string,
): Promise<void> {
  await notify(trx, {
    kind: 'ombudsman.case_assigned',
    recipients: { userIds },
    title: {
      ko: `사건이 배정되었습니다${numbered(receiptNumber)}`,
      en: `A case is assigned to you${numbered(receiptNumber)}`,
    },
    path: casePath(caseId),
    exceptUserId: actorId,
  });
}

/**
 * An appointment waits for a second person: the standing ombudsmen in office are told (never the
 * appointee, who may not confirm it), or, when there is none besides the appointee, the admins.
 */
export async function notifyAppointmentToConfirm(
  trx: Transaction<object>,
  confirmers: readonly string[],
  actorId: string | null,
): Promise<void> {
  await notify(trx, {
    kind: 'ombudsman.appointment_to_confirm',
    recipients: confirmers.length > 0 ? { userIds: confirmers } : { role: 'admin' },
    title: {
      ko: '인권옴부즈맨 위촉이 확인을 기다립니다',
      en: 'An ombudsman appointment is waiting for confirmation',
    },
    path: membersPath,
    exceptUserId: actorId,
  });
}

/** A confirmed appointment: the standing ombudsmen in office and the appointee are told, not the confirmer. */
export async function notifyAppointmentConfirmed(
  trx: Transaction<object>,
  recipients: readonly string[],
  confirmerId: string,
): Promise<void> {
  await notify(trx, {
    kind: 'ombudsman.appointment_confirmed',
    recipients: { userIds: recipients },
    title: { ko: '인권옴부즈맨 위촉이 확인되었습니다', en: 'An ombudsman appointment is confirmed' },
    path: membersPath,
    exceptUserId: confirmerId,
  });
}
