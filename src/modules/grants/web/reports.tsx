/**
 * The reports of an awarded grant: the list, and for the organisation the form to file an activity
 * report (its kinds of activity depend on the programme) or the final report that completes it.
 */
import { useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import {
  type ActivityKind,
  type Application,
  collaborationActivities,
  neighbourhoodActivities,
  type Report,
  type ReportKind,
  reportKinds,
} from '../contract.ts';
import { grantsText } from './messages.ts';
import { amountValue } from './shared.tsx';

function ReportForm({
  application,
  onChanged,
}: {
  application: Application;
  onChanged: (message: string) => void;
}) {
  const t = useText(grantsText);
  const form = useForm({ fields: ['kind', 'activity', 'heldOn', 'participants', 'summary'] });
  const [kind, setKind] = useState<ReportKind>('activity');
  const [activity, setActivity] = useState<ActivityKind | ''>('');
  const [heldOn, setHeldOn] = useState('');
  const [participants, setParticipants] = useState('');
  const [summary, setSummary] = useState('');
  const activities =
    application.call.kind === 'neighbourhood' ? neighbourhoodActivities : collaborationActivities;
  const onSubmit = form.submit(async () => {
    await api(`/grants/applications/${application.id}/reports`, {
      method: 'POST',
      body: {
        kind,
        activity: kind === 'final' || activity === '' ? null : activity,
        heldOn,
        participants: participants.trim() === '' ? null : amountValue(participants),
        summary,
      },
    });
    onChanged(t('reportFiled'));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <SelectField
        name="kind"
        label={t('reportKind')}
        value={kind}
        onChange={setKind}
        options={reportKinds.map((value) => ({ value, label: t(`reportKind_${value}`) }))}
        error={form.errorFor('kind')}
        required
      />
      {kind === 'activity' ? (
        <SelectField
          name="activity"
          label={t('activity')}
          value={activity}
          onChange={setActivity}
          empty={t('chooseActivity')}
          options={activities.map((value) => ({ value, label: t(`activity_${value}`) }))}
          error={form.errorFor('activity')}
          required
        />
      ) : null}
      <TextField
        name="heldOn"
        label={t('heldOn')}
        hint={t('dateHint')}
        value={heldOn}
        onChange={setHeldOn}
        error={form.errorFor('heldOn')}
        required
      />
      <TextField
        name="participants"
        label={t('participants')}
        value={participants}
        onChange={setParticipants}
        error={form.errorFor('participants')}
        inputMode="numeric"
      />
      <TextField
        name="summary"
        label={t('reportSummary')}
        value={summary}
        onChange={setSummary}
        error={form.errorFor('summary')}
        multiline
        rows={5}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('fileReport')}
      </Button>
    </form>
  );
}

export function Reports({
  application,
  canFile,
  onChanged,
}: {
  application: Application;
  canFile: boolean;
  onChanged: (message: string) => void;
}) {
  const t = useText(grantsText);
  const columns: Column<Report>[] = [
    { key: 'held', header: t('heldOn'), rowHeader: true, cell: (row) => row.heldOn },
    {
      key: 'kind',
      header: t('reportKind'),
      cell: (row) => (row.activity ? t(`activity_${row.activity}`) : t(`reportKind_${row.kind}`)),
    },
    { key: 'participants', header: t('participants'), numeric: true, cell: (row) => row.participants ?? '–' },
    { key: 'summary', header: t('reportSummary'), cell: (row) => row.summary },
  ];
  return (
    <section className="section" aria-labelledby="grants-reports">
      <h2 id="grants-reports">{t('reportsTitle')}</h2>
      <DataTable
        caption={t('reportsCaption')}
        columns={columns}
        rows={application.reports}
        rowKey={(row) => row.id}
        empty={t('noReports')}
      />
      {canFile ? (
        <ReportForm key={application.reports.length} application={application} onChanged={onChanged} />
      ) : null}
    </section>
  );
}
