/**
 * Step (1): each indicator's target and implementation plan for the cycle's year. The table shows
 * what is confirmed and what is still the proposal from last year's results; the office picks an
 * indicator and confirms or edits its proposal (sent with the version read).
 */
import { useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Notice,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Cycle, TargetPlan } from '../contract.ts';
import { indicatorOptions, useSavedByColumn } from './current-cycle.tsx';
import { indicatorsStaffText } from './staff-messages.ts';
import { StepPage } from './step-page.tsx';

const asNumber = (text: string) => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  // Text that is not a number goes as it is, so that the server names the field.
  return Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
};

function TargetForm({
  target,
  year,
  onSaved,
}: {
  target: TargetPlan;
  year: number;
  onSaved: (text: string) => void;
}) {
  const t = useText(indicatorsStaffText);
  const form = useForm({ fields: ['targetValue', 'targetYear', 'plan'] });
  const [value, setValue] = useState(target.targetValue === null ? '' : String(target.targetValue));
  const [targetYear, setTargetYear] = useState(target.targetYear === null ? '' : String(target.targetYear));
  const [plan, setPlan] = useState(target.plan);
  const { proposal } = target;
  const onSubmit = form.submit(async () => {
    await api(`/indicators/cycles/${year}/targets/${encodeURIComponent(target.code)}`, {
      method: 'PUT',
      body: { version: target.version, targetValue: asNumber(value), targetYear: asNumber(targetYear), plan },
    });
    onSaved(t('targetSaved', { code: target.code }));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <p>
        {t('proposalFrom', {
          target: proposal.target ? `${proposal.target.value} (${proposal.target.year})` : t('none'),
          latest: proposal.latest ? `${proposal.latest.value} (${proposal.latest.year})` : t('none'),
        })}
      </p>
      <TextField
        name="targetValue"
        label={t('targetValue')}
        value={value}
        onChange={setValue}
        error={form.errorFor('targetValue')}
        inputMode="decimal"
        className="input--short"
      />
      <TextField
        name="targetYear"
        label={t('targetYear')}
        value={targetYear}
        onChange={setTargetYear}
        error={form.errorFor('targetYear')}
        inputMode="numeric"
        className="input--short"
      />
      <TextField
        name="plan"
        label={t('plan')}
        value={plan}
        onChange={setPlan}
        error={form.errorFor('plan')}
        multiline
        rows={4}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('saveTarget')}
      </Button>
    </form>
  );
}

function Targets({ cycle }: { cycle: Cycle }) {
  const t = useText(indicatorsStaffText);
  const language = useLanguage();
  const { user } = useSession();
  const state = useApiData<{ targets: TargetPlan[] }>(`/indicators/cycles/${cycle.year}/targets`);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const office = user?.role === 'officer' || user?.role === 'admin';
  const savedBy = useSavedByColumn<TargetPlan>();
  const columns: Column<TargetPlan>[] = [
    {
      key: 'indicator',
      header: t('indicator'),
      rowHeader: true,
      cell: (row) => `${row.code} ${row.name[language]}`,
    },
    {
      key: 'target',
      header: t('targetValue'),
      numeric: true,
      cell: (row) =>
        row.targetValue === null
          ? t('none')
          : `${row.targetValue}${row.targetYear ? ` (${row.targetYear})` : ''}`,
    },
    { key: 'plan', header: t('plan'), cell: (row) => row.plan || t('none') },
    { key: 'state', header: t('state'), cell: (row) => (row.saved ? t('saved') : t('proposed')) },
    savedBy,
  ];
  return (
    <Loaded state={state}>
      {({ targets }) => {
        const chosen = targets.find((target) => target.code === code) ?? targets[0];
        return (
          <>
            <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
            {office && chosen && cycle.step === 'targets' ? (
              <section className="section" aria-labelledby="edit-target">
                <h2 id="edit-target">{t('editTargetTitle')}</h2>
                <SelectField
                  name="code"
                  label={t('indicator')}
                  value={chosen.code}
                  onChange={(next) => {
                    setCode(next);
                    setMessage('');
                  }}
                  options={indicatorOptions(targets, language)}
                />
                <TargetForm
                  key={`${chosen.code}:${chosen.version}`}
                  target={chosen}
                  year={cycle.year}
                  onSaved={(text) => {
                    setMessage(text);
                    state.reload();
                  }}
                />
              </section>
            ) : (
              <Notice>{t('targetsClosed')}</Notice>
            )}
            <section className="section" aria-labelledby="all-targets">
              <h2 id="all-targets">{t('targetsCaption', { year: cycle.year })}</h2>
              <DataTable
                caption={t('targetsCaption', { year: cycle.year })}
                columns={columns}
                rows={targets}
                rowKey={(row) => row.code}
              />
            </section>
          </>
        );
      }}
    </Loaded>
  );
}

export default function TargetsPage() {
  const t = useText(indicatorsStaffText);
  return (
    <StepPage title={t('targetsTitle')} lead={t('targetsLead')}>
      {(cycle) => <Targets cycle={cycle} />}
    </StepPage>
  );
}
