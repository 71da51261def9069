/**
 * The secretariat's overview: terms ending within 60 days, each body's members with their position,
 * recommender, term, gender and sector (the balance at a glance), and scheduling a meeting.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  useAnnounce,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Body, Member } from '../contract.ts';
import {
  MeetingFields,
  meetingFieldNames,
  meetingPayload,
  meetingValues,
  useMeetingValues,
} from './meeting-form.tsx';
import { BodyRules, MemberForm } from './member-forms.tsx';
import { committeesText } from './messages.ts';
import { meetingPath } from './paths.ts';

function useMemberColumns(withBody: boolean): Column<Member>[] {
  const t = useText(committeesText);
  const language = useLanguage();
  return [
    { key: 'name', header: t('name'), rowHeader: true, cell: (row) => row.name },
    ...(withBody ? [{ key: 'body', header: t('body'), cell: (row: Member) => row.bodyName[language] }] : []),
    { key: 'position', header: t('position'), cell: (row) => t(`position_${row.position}`) },
    { key: 'recommendedBy', header: t('recommendedBy'), cell: (row) => row.recommendedBy },
    {
      key: 'term',
      header: t('term'),
      cell: (row) => `${row.termStart} – ${row.termEnd}`,
      sortValue: (row) => row.termEnd,
    },
    { key: 'gender', header: t('gender'), cell: (row) => t(`gender_${row.gender}`) },
    { key: 'sector', header: t('sector'), cell: (row) => t(`sector_${row.sector}`) },
  ];
}

function tally<Value extends string>(values: readonly Value[], label: (value: Value) => string): string {
  const counts = new Map<Value, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${label(value)} ${count}`).join(', ');
}

function BodyMembers({ body, onEdit }: { body: Body; onEdit: (member: Member) => void }) {
  const t = useText(committeesText);
  const language = useLanguage();
  const members = useApiData<{ members: Member[] }>(`/committees/bodies/${body.id}/members`);
  const columns: Column<Member>[] = [
    ...useMemberColumns(false),
    {
      key: 'actions',
      header: t('actions'),
      cell: (row) => (
        <Button
          variant="secondary"
          aria-label={t('editMemberLabel', { name: row.name })}
          onClick={() => onEdit(row)}
        >
          {t('editMember')}
        </Button>
      ),
    },
  ];
  return (
    <Loaded state={members}>
      {(data) => (
        <>
          <DataTable
            caption={t('membersCaption', { name: body.name[language] })}
            columns={columns}
            rows={data.members}
            rowKey={(row) => row.id}
            empty={`${body.name[language]}: ${t('noCurrentMembers')}`}
          />
          {data.members.length > 0 ? (
            <p className="meta">
              {t('balance', {
                genders: tally(
                  data.members.map((member) => member.gender),
                  (value) => t(`gender_${value}`),
                ),
                sectors: tally(
                  data.members.map((member) => member.sector),
                  (value) => t(`sector_${value}`),
                ),
              })}
            </p>
          ) : null}
        </>
      )}
    </Loaded>
  );
}

function ScheduleMeeting({ bodies }: { bodies: Body[] }) {
  const t = useText(committeesText);
  const language = useLanguage();
  const form = useForm({ fields: ['bodyId', ...meetingFieldNames] });
  const [bodyId, setBodyId] = useState(bodies[0]?.id ?? '');
  const { values, set } = useMeetingValues(meetingValues());
  const [created, setCreated] = useState<string | null>(null);
  const submit = form.submit(async () => {
    setCreated(null);
    const answer = await api<{ id: string }>('/committees/meetings', {
      method: 'POST',
      body: { bodyId, ...meetingPayload(values) },
    });
    setCreated(answer.id);
  });
  return (
    <section className="section" aria-labelledby="schedule">
      <h2 id="schedule">{t('scheduleTitle')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <SelectField
          name="bodyId"
          label={t('meetingBody')}
          value={bodyId}
          onChange={setBodyId}
          options={bodies.map((candidate) => ({ value: candidate.id, label: candidate.name[language] }))}
          error={form.errorFor('bodyId')}
          required
        />
        <MeetingFields
          values={values}
          set={set}
          errorFor={form.errorFor}
          body={bodies.find((candidate) => candidate.id === bodyId)}
          editing={false}
        />
        <Button type="submit" disabled={form.pending}>
          {t('schedule')}
        </Button>
      </form>
      <LiveRegion>
        {created ? (
          <Notice tone="success">
            {t('scheduled')} <Link to={meetingPath(created)}>{t('openMeeting')}</Link>
          </Notice>
        ) : null}
      </LiveRegion>
    </section>
  );
}

export default function SecretariatPage() {
  const t = useText(committeesText);
  const language = useLanguage();
  const alerts = useApiData<{ members: Member[] }>('/committees/term-alerts');
  const bodies = useApiData<{ bodies: Body[] }>('/committees/bodies');
  const alertColumns = useMemberColumns(true);
  // A member seated or edited: the member tables load again (their key changes).
  const [seatings, setSeatings] = useState(0);
  const [editing, setEditing] = useState<Member | null>(null);
  const [memberNotice, setMemberNotice] = useState<string | null>(null);
  const [rulesOf, setRulesOf] = useState<string | null>(null);
  const announce = useAnnounce();
  const membersChanged = (notice: string) => {
    setMemberNotice(notice);
    setEditing(null);
    setSeatings((count) => count + 1);
    bodies.reload();
    alerts.reload();
  };
  return (
    <Page title={t('secretariatTitle')} lead={<p>{t('secretariatLead')}</p>}>
      <section className="section" aria-labelledby="alerts">
        <h2 id="alerts">{t('alertsTitle')}</h2>
        <Loaded state={alerts}>
          {(data) => (
            <DataTable
              caption={t('alertsCaption')}
              columns={alertColumns}
              rows={data.members}
              rowKey={(row) => row.id}
              empty={t('noAlerts')}
            />
          )}
        </Loaded>
      </section>
      <Loaded state={bodies}>
        {(data) => (
          <>
            <section className="section" aria-labelledby="members">
              <h2 id="members">{t('bodiesTitle')}</h2>
              {data.bodies.map((body) => (
                <section key={body.id} className="section" aria-label={body.name[language]}>
                  <h3>{body.name[language]}</h3>
                  {body.seats !== null ? (
                    <p>
                      {t('seats')}:{' '}
                      {t('seatsValue', {
                        count: body.seats,
                        seated: body.seated,
                        vacancies: body.vacancies ?? 0,
                      })}
                    </p>
                  ) : null}
                  <BodyMembers
                    key={seatings}
                    body={body}
                    onEdit={(member) => {
                      setMemberNotice(null);
                      setEditing(member);
                    }}
                  />
                  {rulesOf === body.id ? (
                    <BodyRules
                      body={body}
                      onSaved={() => {
                        announce(t('rulesSaved'));
                        setRulesOf(null);
                        bodies.reload();
                      }}
                      onClose={() => setRulesOf(null)}
                    />
                  ) : (
                    <Button
                      variant="secondary"
                      aria-label={t('rulesTitle', { name: body.name[language] })}
                      onClick={() => setRulesOf(body.id)}
                    >
                      {t('editRules')}
                    </Button>
                  )}
                </section>
              ))}
            </section>
            <MemberForm
              key={editing?.id ?? 'new'}
              bodies={data.bodies}
              editing={editing}
              focusOnMount={editing !== null || memberNotice !== null}
              onSaved={() => membersChanged(editing ? t('memberSaved') : t('memberAdded'))}
              onClose={() => setEditing(null)}
            />
            <LiveRegion>{memberNotice ? <Notice tone="success">{memberNotice}</Notice> : null}</LiveRegion>
            <ScheduleMeeting bodies={data.bodies} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
