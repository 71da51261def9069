/**
 * The appointed ombudsmen, kept by the Human Rights Office (admins and officers): who is standing
 * (and so sees complainants' identities), when each was appointed and until when, and in what they
 * are expert. Admins appoint any account with the ombudsman role; officers cannot list accounts (the
 * server keeps that to admins), so they change the appointments of existing members only.
 *
 * An appointment the office proposes grants nothing until a second person confirms it: the standing
 * ombudsman in office, or a second admin when none is. Pending appointments come first on this page,
 * with a Confirm button for whoever may confirm, so the standing ombudsman sees every grant waiting on
 * them (until the platform has notifications). The office ends and withdraws appointments here, and
 * the history of every grant follows.
 */
import { useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import {
  Button,
  CheckboxField,
  DataTable,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { GrantHistory } from './grant-history.tsx';
import type { Member } from './shared.tsx';
import { ombudsmanStaffText } from './staff-messages.ts';
import { TextField } from './text-field.tsx';
import './ombudsman.css';

interface Candidate {
  userId: string;
  label: string;
}

interface Account {
  id: string;
  email: string;
  displayName: string;
  role: string;
  disabled: boolean;
}

const fields = ['userId', 'standing', 'appointedOn', 'termEndsOn', 'expertise'] as const;

function MemberForm({
  candidates,
  members,
  onSaved,
}: {
  candidates: readonly Candidate[];
  members: readonly Member[];
  onSaved: (name: string) => void;
}) {
  const t = useText(ombudsmanStaffText);
  const form = useForm({ fields });
  const [userId, setUserId] = useState('');
  const [standing, setStanding] = useState(false);
  const [appointedOn, setAppointedOn] = useState('');
  const [termEndsOn, setTermEndsOn] = useState('');
  const [expertise, setExpertise] = useState('');
  const current = members.find((member) => member.userId === userId);

  // Choosing a member brings up their appointment to change; choosing a new account starts empty.
  function choose(chosen: string) {
    const member = members.find((item) => item.userId === chosen);
    setUserId(chosen);
    setStanding(member?.standing ?? false);
    setAppointedOn(member?.appointedOn ?? '');
    setTermEndsOn(member?.termEndsOn ?? '');
    setExpertise(member?.expertise ?? '');
  }

  const submit = form.submit(async () => {
    const saved = await api<Member>(`/ombudsman/members/${encodeURIComponent(userId)}`, {
      method: 'PUT',
      body: {
        standing,
        appointedOn,
        termEndsOn: termEndsOn || null,
        expertise,
        ...(current ? { version: current.version } : {}),
      },
    });
    onSaved(saved.displayName);
  });

  return (
    <section className="section" aria-labelledby="appoint-title">
      <h2 id="appoint-title">{t('appointMember')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <SelectField
          name="userId"
          label={t('memberAccount')}
          value={userId}
          onChange={choose}
          empty={t('chooseAccount')}
          options={candidates.map((candidate) => ({ value: candidate.userId, label: candidate.label }))}
          error={form.errorFor('userId')}
          required
        />
        <CheckboxField
          name="standing"
          label={t('standingLabel')}
          hint={t('standingHint')}
          checked={standing}
          onChange={setStanding}
          error={form.errorFor('standing')}
        />
        <div className="form-row">
          <TextField
            name="appointedOn"
            label={t('appointedOn')}
            type="date"
            className="input--short"
            value={appointedOn}
            onChange={setAppointedOn}
            error={form.errorFor('appointedOn')}
            required
          />
          <TextField
            name="termEndsOn"
            label={t('termEndsOn')}
            hint={t('termEndsOnHint')}
            type="date"
            className="input--short"
            value={termEndsOn}
            onChange={setTermEndsOn}
            error={form.errorFor('termEndsOn')}
          />
        </div>
        <TextField
          name="expertise"
          label={t('expertise')}
          hint={t('expertiseHint')}
          value={expertise}
          onChange={setExpertise}
          error={form.errorFor('expertise')}
          maxLength={500}
        />
        <Button type="submit" disabled={form.pending}>
          {current ? t('saveAppointment') : t('appoint')}
        </Button>
      </form>
    </section>
  );
}

/** Admins choose among the accounts with the ombudsman role (members or not yet). */
function AccountCandidates({
  members,
  onSaved,
}: {
  members: readonly Member[];
  onSaved: (name: string) => void;
}) {
  const accounts = useApiData<{ users: Account[] }>('/users');
  return (
    <Loaded state={accounts}>
      {(data) => (
        <MemberForm
          members={members}
          onSaved={onSaved}
          candidates={data.users
            .filter((user) => user.role === 'ombudsman' && !user.disabled)
            .map((user) => ({ userId: user.id, label: `${user.displayName} (${user.email})` }))}
        />
      )}
    </Loaded>
  );
}

/** The appointments waiting for a second person, first on the page; a Confirm button for who may. */
function PendingAppointments({
  members,
  onDone,
}: {
  members: readonly Member[];
  onDone: (message: string) => void;
}) {
  const t = useText(ombudsmanStaffText);
  const form = useForm({ fields: ['userId'] as const });
  const pending = members.filter((member) => member.state === 'pending');
  if (pending.length === 0) return null;
  const confirm = (member: Member) =>
    form.submit(async () => {
      await api<Member>(`/ombudsman/members/${encodeURIComponent(member.userId)}/confirm`, {
        method: 'POST',
        body: { version: member.version },
      });
      onDone(t('appointmentConfirmed', { name: member.displayName }));
    });
  return (
    <section className="section" aria-labelledby="pending-title">
      <Notice tone="warning">
        <h2 id="pending-title">{t('pendingTitle', { count: pending.length })}</h2>
        <p>{t('pendingLead')}</p>
        <ErrorSummary form={form} />
        <ul>
          {pending.map((member) => (
            <li key={member.userId}>
              {t('pendingItem', {
                name: member.displayName,
                kind: member.standing ? t('standingYes') : t('standingNo'),
                by: member.proposedBy ?? t('staffMember'),
              })}{' '}
              {member.confirmable ? (
                <Button
                  disabled={form.pending}
                  aria-label={t('confirmAppointmentOf', { name: member.displayName })}
                  onClick={(event) => void confirm(member)(event)}
                >
                  {t('confirmAppointment')}
                </Button>
              ) : (
                <span>{t('awaitingOther')}</span>
              )}
            </li>
          ))}
        </ul>
      </Notice>
    </section>
  );
}

/** Ending (from a last day) or withdrawing (at once) an appointment, with a reason. */
function EndOrWithdraw({
  members,
  onDone,
}: {
  members: readonly Member[];
  onDone: (message: string) => void;
}) {
  const t = useText(ombudsmanStaffText);
  const form = useForm({ fields: ['member', 'endsOn', 'reason'] as const });
  const [userId, setUserId] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [reason, setReason] = useState('');
  const open = members.filter((member) => member.state !== 'withdrawn');
  const chosen = open.find((member) => member.userId === userId);
  const send = (step: 'end' | 'withdraw') =>
    form.submit(async () => {
      const target = chosen ?? { userId: '', version: 1, displayName: '' };
      await api<Member>(`/ombudsman/members/${encodeURIComponent(target.userId)}/${step}`, {
        method: 'POST',
        body:
          step === 'end' ? { version: target.version, endsOn, reason } : { version: target.version, reason },
      });
      setReason('');
      setEndsOn('');
      onDone(t(step === 'end' ? 'appointmentEnded' : 'appointmentWithdrawn', { name: target.displayName }));
    });
  return (
    <section className="section" aria-labelledby="end-title">
      <h2 id="end-title">{t('endOrWithdraw')}</h2>
      <p>{t('endOrWithdrawLead')}</p>
      <form className="form" noValidate onSubmit={(event) => event.preventDefault()}>
        <ErrorSummary form={form} />
        <SelectField
          name="member"
          label={t('endMember')}
          value={userId}
          onChange={setUserId}
          empty={t('chooseAccount')}
          options={open.map((member) => ({ value: member.userId, label: member.displayName }))}
          error={form.errorFor('member')}
          required
        />
        <TextField
          name="endsOn"
          label={t('endsOn')}
          hint={t('endsOnHint')}
          type="date"
          className="input--short"
          value={endsOn}
          onChange={setEndsOn}
          error={form.errorFor('endsOn')}
        />
        <TextField
          name="reason"
          label={t('endReason')}
          value={reason}
          onChange={setReason}
          error={form.errorFor('reason')}
          maxLength={1000}
          required
        />
        <div className="inline-actions">
          <Button disabled={form.pending || !chosen} onClick={(event) => void send('end')(event)}>
            {t('endAppointment')}
          </Button>
          <Button
            variant="danger"
            disabled={form.pending || !chosen}
            onClick={(event) => void send('withdraw')(event)}
          >
            {t('withdrawAppointment')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export default function MembersPage() {
  const t = useText(ombudsmanStaffText);
  const { user } = useSession();
  const state = useApiData<{ members: Member[] }>('/ombudsman/members');
  const [message, setMessage] = useState('');
  const [round, setRound] = useState(0);
  const onDone = (text: string) => {
    setMessage(text);
    setRound((value) => value + 1);
    state.reload();
  };
  const onSaved = (name: string) => onDone(t('memberSaved', { name }));
  const office = user?.role === 'admin' || user?.role === 'officer';

  return (
    <Page
      title={t('membersTitle')}
      lead={
        <p>
          {user?.role === 'admin'
            ? t('membersLead')
            : user?.role === 'officer'
              ? t('membersLeadOfficer')
              : t('membersLeadOmbudsman')}
        </p>
      }
    >
      <LiveRegion>{message ? <p className="notice notice--success">{message}</p> : null}</LiveRegion>
      <Loaded state={state}>
        {(data) => {
          const reviewer =
            office ||
            data.members.some(
              (member) => member.userId === user?.id && member.standing && member.state === 'in_force',
            );
          return (
            <>
              <PendingAppointments members={data.members} onDone={onDone} />
              <DataTable
                caption={t('membersCaption', { count: data.members.length })}
                rows={data.members}
                rowKey={(row) => row.userId}
                empty={t('membersEmpty')}
                columns={[
                  {
                    key: 'name',
                    header: t('name'),
                    rowHeader: true,
                    sortValue: (row) => row.displayName,
                    cell: (row) => row.displayName,
                  },
                  {
                    key: 'standing',
                    header: t('appointment'),
                    cell: (row) => (row.standing ? t('standingYes') : t('standingNo')),
                  },
                  {
                    key: 'state',
                    header: t('appointmentState'),
                    cell: (row) => t(`appointmentState_${row.state}`),
                  },
                  {
                    key: 'appointedOn',
                    header: t('appointedOn'),
                    sortValue: (row) => row.appointedOn,
                    cell: (row) => row.appointedOn,
                  },
                  { key: 'termEndsOn', header: t('termEndsOn'), cell: (row) => row.termEndsOn ?? t('none') },
                  { key: 'expertise', header: t('expertise'), cell: (row) => row.expertise },
                  {
                    key: 'confirmedBy',
                    header: t('confirmedBy'),
                    cell: (row) => row.confirmedBy ?? (row.confirmedAt ? t('systemActor') : t('none')),
                  },
                ]}
              />
              {user?.role === 'admin' ? (
                <AccountCandidates key={`appoint-${round}`} members={data.members} onSaved={onSaved} />
              ) : user?.role === 'officer' ? (
                <MemberForm
                  key={`appoint-${round}`}
                  members={data.members}
                  onSaved={onSaved}
                  candidates={data.members.map((member) => ({
                    userId: member.userId,
                    label: member.displayName,
                  }))}
                />
              ) : null}
              {office ? <EndOrWithdraw key={`end-${round}`} members={data.members} onDone={onDone} /> : null}
              {reviewer ? <GrantHistory key={`grants-${round}`} /> : null}
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
