/**
 * The secretariat's part of a meeting's page: attendance (the quorum follows from it), the minutes
 * from draft to approved to published, and the registrants, fetched only on request because each
 * reading of their names is logged.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { TagInput } from '../../../kernel/server/vocabularies/contract.ts';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  CheckboxField,
  type Column,
  DataTable,
  ErrorSummary,
  formatDateTime,
  Group,
  LiveRegion,
  Notice,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import type { MeetingDetail } from '../contract.ts';
import { committeesText } from './messages.ts';
import { meetingEditPath } from './paths.ts';
import { useValues } from './shared.tsx';
import { TagPicker } from './tag-picker.tsx';

interface Registrant {
  id: string;
  name: string;
  contact: string;
  status: 'confirmed' | 'waiting' | 'cancelled';
  createdAt: string;
}

function Attendance({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const t = useText(committeesText);
  const form = useForm({ fields: ['present'] });
  const members = meeting.attendance ?? [];
  const [present, setPresent] = useState<ReadonlySet<string>>(
    () => new Set(members.filter((member) => member.present).map((member) => member.memberId)),
  );
  const submit = form.submit(async () => {
    await api(`/committees/meetings/${meeting.id}/attendance`, {
      method: 'PUT',
      body: {
        present: [...present],
        absent: members.map((member) => member.memberId).filter((id) => !present.has(id)),
      },
    });
    reload();
  });
  const quorum = meeting.quorum;
  return (
    <section className="section" aria-labelledby="attendance">
      <h3 id="attendance">{t('attendanceTitle')}</h3>
      {quorum ? (
        <p className="quorum">
          {t('quorumValue', {
            present: quorum.present,
            seated: quorum.seated,
            required: quorum.required,
            result: quorum.reached ? t('quorumReached') : t('quorumNotReached'),
          })}
        </p>
      ) : null}
      {members.length === 0 ? (
        <p>{t('noMembers')}</p>
      ) : (
        <form className="form" noValidate onSubmit={submit}>
          <ErrorSummary form={form} />
          <Group name="present" legend={t('attendanceLegend')} error={form.errorFor('present')}>
            {members.map((member) => (
              <CheckboxField
                key={member.memberId}
                name={`present-${member.memberId}`}
                label={`${member.name} (${t(`position_${member.position}`)})`}
                checked={present.has(member.memberId)}
                onChange={(checked) =>
                  setPresent((current) => {
                    const next = new Set(current);
                    if (checked) next.add(member.memberId);
                    else next.delete(member.memberId);
                    return next;
                  })
                }
              />
            ))}
          </Group>
          <Button type="submit" disabled={form.pending}>
            {t('saveAttendance')}
          </Button>
        </form>
      )}
    </section>
  );
}

function Minutes({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const t = useText(committeesText);
  const form = useForm({ fields: ['minutes'] });
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [saved, setSaved] = useState(false);
  const act = (action: () => Promise<unknown>) =>
    form.submit(async () => {
      setSaved(false);
      await action();
      setSaved(true);
      reload();
    });
  const save = act(() =>
    api(`/committees/meetings/${meeting.id}/minutes`, {
      method: 'PUT',
      body: { minutes, version: meeting.version },
    }),
  );
  const transition = (name: 'approve' | 'publish') =>
    act(() =>
      api(`/committees/meetings/${meeting.id}/minutes/transitions`, {
        method: 'POST',
        body: { action: name, version: meeting.version },
      }),
    );
  return (
    <section className="section" aria-labelledby="minutes-editor">
      <h3 id="minutes-editor">{t('minutesTitle')}</h3>
      <p className="meta">
        {t('minutesStatus')}: {t(`minutes_${meeting.minutesStatus}`)}
      </p>
      <form className="form" noValidate onSubmit={save}>
        <ErrorSummary form={form} />
        <TextField
          name="minutes"
          label={t('minutesText')}
          value={minutes}
          onChange={setMinutes}
          error={form.errorFor('minutes')}
          multiline
          rows={8}
          required
        />
        <div className="inline-actions">
          {meeting.minutesStatus !== 'published' ? (
            <Button type="submit" variant="secondary" disabled={form.pending}>
              {t('saveMinutes')}
            </Button>
          ) : null}
          {meeting.minutesStatus === 'draft' ? (
            <Button disabled={form.pending} onClick={transition('approve')}>
              {t('approveMinutes')}
            </Button>
          ) : null}
          {meeting.minutesStatus === 'approved' ? (
            <Button disabled={form.pending} onClick={transition('publish')}>
              {t('publishMinutes')}
            </Button>
          ) : null}
        </div>
      </form>
      <LiveRegion>{saved ? <Notice tone="success">{t('saved')}</Notice> : null}</LiveRegion>
    </section>
  );
}

function Registrants({ meeting }: { meeting: MeetingDetail }) {
  const t = useText(committeesText);
  const language = useLanguage();
  const form = useForm({ fields: [] });
  const [registrants, setRegistrants] = useState<Registrant[] | null>(null);
  const show = form.submit(async () => {
    const answer = await api<{ registrants: Registrant[] }>(
      `/committees/meetings/${meeting.id}/registrations`,
      { fresh: true },
    );
    setRegistrants(answer.registrants);
  });
  const columns: Column<Registrant>[] = [
    { key: 'name', header: t('registrantName'), rowHeader: true, cell: (row) => row.name },
    { key: 'contact', header: t('registrantContact'), cell: (row) => row.contact },
    { key: 'status', header: t('status'), cell: (row) => t(`status_${row.status}`) },
    { key: 'at', header: t('registeredAt'), cell: (row) => formatDateTime(row.createdAt, language) },
  ];
  return (
    <section className="section" aria-labelledby="registrants">
      <h3 id="registrants">{t('registrantsTitle')}</h3>
      <form noValidate onSubmit={show}>
        <ErrorSummary form={form} />
        <Button type="submit" variant="secondary" disabled={form.pending}>
          {t('showRegistrants')}
        </Button>
      </form>
      {registrants ? (
        <DataTable
          caption={t('registrantsCaption')}
          columns={columns}
          rows={registrants}
          rowKey={(row) => row.id}
        />
      ) : null}
    </section>
  );
}

const agendaFields = ['title', 'summary', 'documentTitle', 'documentUrl'] as const;

function AgendaItemForm({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const t = useText(committeesText);
  const form = useForm({ fields: agendaFields });
  const { values, set, reset } = useValues<(typeof agendaFields)[number]>({
    title: '',
    summary: '',
    documentTitle: '',
    documentUrl: '',
  });
  const submit = form.submit(async () => {
    const documents = values.documentUrl
      ? [{ title: values.documentTitle || values.documentUrl, url: values.documentUrl }]
      : [];
    await api(`/committees/meetings/${meeting.id}/agenda-items`, {
      method: 'POST',
      body: { title: values.title, summary: values.summary, documents },
    });
    reset();
    reload();
  });
  return (
    <section className="section" aria-labelledby="agenda-item">
      <h3 id="agenda-item">{t('agendaItemTitle')}</h3>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField
          name="title"
          label={t('agendaItemName')}
          value={values.title}
          onChange={set('title')}
          error={form.errorFor('title')}
          required
        />
        <TextField
          name="summary"
          label={t('agendaItemSummary')}
          value={values.summary}
          onChange={set('summary')}
          error={form.errorFor('summary')}
          multiline
          rows={3}
        />
        <TextField
          name="documentTitle"
          label={t('documentTitle')}
          value={values.documentTitle}
          onChange={set('documentTitle')}
        />
        <TextField
          name="documentUrl"
          label={t('documentUrl')}
          value={values.documentUrl}
          onChange={set('documentUrl')}
          error={form.errorFor('documentUrl')}
        />
        <Button type="submit" variant="secondary" disabled={form.pending}>
          {t('addAgendaItem')}
        </Button>
      </form>
    </section>
  );
}

const decisionFields = ['text', 'recommendationDepartment', 'recommendationBody', 'tags'] as const;

function DecisionForm({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const t = useText(committeesText);
  const form = useForm({ fields: decisionFields });
  const { values, set, reset } = useValues<Exclude<(typeof decisionFields)[number], 'tags'>>({
    text: '',
    recommendationDepartment: '',
    recommendationBody: '',
  });
  const [tags, setTags] = useState<TagInput[]>([]);
  const submit = form.submit(async () => {
    const recommendations = values.recommendationDepartment
      ? [{ departmentCode: values.recommendationDepartment, body: values.recommendationBody, tags }]
      : [];
    await api(`/committees/meetings/${meeting.id}/decisions`, {
      method: 'POST',
      body: { text: values.text, recommendations },
    });
    reset();
    setTags([]);
    reload();
  });
  return (
    <section className="section" aria-labelledby="decision">
      <h3 id="decision">{t('decisionTitle')}</h3>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField
          name="text"
          label={t('decisionText')}
          value={values.text}
          onChange={set('text')}
          error={form.errorFor('text')}
          multiline
          rows={3}
          required
        />
        <TextField
          name="recommendationDepartment"
          label={t('recommendationDepartment')}
          value={values.recommendationDepartment}
          onChange={set('recommendationDepartment')}
          error={form.errorFor('recommendationDepartment')}
        />
        <TextField
          name="recommendationBody"
          label={t('recommendationBody')}
          value={values.recommendationBody}
          onChange={set('recommendationBody')}
          error={form.errorFor('recommendationBody')}
          multiline
          rows={3}
        />
        <TagPicker value={tags} onChange={setTags} error={form.errorFor('tags')} />
        <Button type="submit" variant="secondary" disabled={form.pending}>
          {t('addDecision')}
        </Button>
      </form>
    </section>
  );
}

export function MeetingStaff({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const t = useText(committeesText);
  return (
    <section className="section" aria-labelledby="staff">
      <h2 id="staff">{t('staffTitle')}</h2>
      <p>
        <Link to={meetingEditPath(meeting.id)}>{t('editMeetingTitle')}</Link>
      </p>
      <Attendance key={`attendance-${meeting.version}`} meeting={meeting} reload={reload} />
      <AgendaItemForm meeting={meeting} reload={reload} />
      <Minutes key={`minutes-${meeting.version}`} meeting={meeting} reload={reload} />
      <DecisionForm meeting={meeting} reload={reload} />
      {meeting.capacity !== null ? <Registrants meeting={meeting} /> : null}
    </section>
  );
}
