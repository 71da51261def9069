/**
 * The appointed ombudsmen, kept by the Human Rights Office (admins and officers): who is standing
 * (and so sees complainants' identities), when each was appointed and until when, and in what they
 * are expert. Admins appoint any account with the ombudsman role; officers cannot list accounts (the
 * server keeps that to admins), so they change the appointments of existing members only.
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
  Page,
  SelectField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
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

export default function MembersPage() {
  const t = useText(ombudsmanStaffText);
  const { user } = useSession();
  const state = useApiData<{ members: Member[] }>('/ombudsman/members');
  const [message, setMessage] = useState('');
  const onSaved = (name: string) => {
    setMessage(t('memberSaved', { name }));
    state.reload();
  };

  return (
    <Page
      title={t('membersTitle')}
      lead={<p>{user?.role === 'admin' ? t('membersLead') : t('membersLeadOfficer')}</p>}
    >
      <LiveRegion>{message ? <p className="notice notice--success">{message}</p> : null}</LiveRegion>
      <Loaded state={state}>
        {(data) => (
          <>
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
                  key: 'appointedOn',
                  header: t('appointedOn'),
                  sortValue: (row) => row.appointedOn,
                  cell: (row) => row.appointedOn,
                },
                { key: 'termEndsOn', header: t('termEndsOn'), cell: (row) => row.termEndsOn ?? t('none') },
                { key: 'expertise', header: t('expertise'), cell: (row) => row.expertise },
              ]}
            />
            {user?.role === 'admin' ? (
              <AccountCandidates members={data.members} onSaved={onSaved} />
            ) : (
              <MemberForm
                members={data.members}
                onSaved={onSaved}
                candidates={data.members.map((member) => ({
                  userId: member.userId,
                  label: member.displayName,
                }))}
              />
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
