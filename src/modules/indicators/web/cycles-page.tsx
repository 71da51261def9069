/**
 * The yearly assessment cycle (Table 2 of the seed), for the office, departments and the committee:
 * the cycle in progress with its steps, the current one marked and each linked to the pages of its
 * work, the next steps the server says the reader may take (each sent with the version read, so a
 * change made meanwhile comes back as a 409),
 * every cycle so far, and for the office a form to open a year.
 */
import { type FormEvent, useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  formatDateTime,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type Cycle, cycleSteps } from '../contract.ts';
import { indicatorsStaffText } from './staff-messages.ts';
import { StepLinks, useIsOffice } from './step-page.tsx';
import './indicators.css';

function CurrentCycle({ cycle, onChanged }: { cycle: Cycle; onChanged: (message: string) => void }) {
  const t = useText(indicatorsStaffText);
  const form = useForm<never>({ fields: [] });
  // Each next step is a submit button of the one form; the button pressed names the action.
  const send = (event: FormEvent) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const action = cycle.allowedActions.find((allowed) => allowed === submitter?.getAttribute('value'));
    return form.submit(async () => {
      if (!action) return;
      const next = await api<Cycle>(`/indicators/cycles/${cycle.year}/transitions`, {
        method: 'POST',
        body: { action, version: cycle.version },
      });
      onChanged(t('actionDone', { year: next.year, step: t(`step_${next.step}`) }));
    })(event);
  };
  return (
    <section className="section" aria-labelledby="current-cycle">
      <h2 id="current-cycle">{t('currentCycleTitle', { year: cycle.year })}</h2>
      <ol className="cycle-steps" aria-label={t('stepsLabel', { year: cycle.year })}>
        {cycleSteps.map((step) => (
          <li
            key={step}
            className={
              step === cycle.step ? 'cycle-steps__step cycle-steps__step--current' : 'cycle-steps__step'
            }
            aria-current={step === cycle.step ? 'step' : undefined}
          >
            {t(`step_${step}`)}
            {step === cycle.step ? <span className="meta"> ({t('currentStep')})</span> : null}
            <StepLinks step={step} />
          </li>
        ))}
      </ol>
      <h3>{t('actionsTitle')}</h3>
      <ErrorSummary form={form} />
      {cycle.allowedActions.length === 0 ? (
        <p>{t('noActions')}</p>
      ) : (
        <form noValidate onSubmit={send} className="inline-actions">
          {cycle.allowedActions.map((action) => (
            <Button key={action} type="submit" value={action} disabled={form.pending}>
              {t(`action_${action}`)}
            </Button>
          ))}
        </form>
      )}
    </section>
  );
}

function OpenCycleForm({ onOpened }: { onOpened: (message: string) => void }) {
  const t = useText(indicatorsStaffText);
  const form = useForm({ fields: ['year'], attach: { indicators_cycle_exists: 'year' } });
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const onSubmit = form.submit(async () => {
    // A year that is not a number is sent as it is, so that the server's message names the field.
    const asked = /^\d+$/.test(year.trim()) ? Number(year.trim()) : year;
    const cycle = await api<Cycle>('/indicators/cycles', { method: 'POST', body: { year: asked } });
    onOpened(t('opened', { year: cycle.year }));
  });
  return (
    <section className="section" aria-labelledby="open-cycle">
      <h2 id="open-cycle">{t('openTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <TextField
          name="year"
          label={t('openYear')}
          hint={t('openYearHint')}
          value={year}
          onChange={setYear}
          error={form.errorFor('year')}
          inputMode="numeric"
          className="input--short"
          required
        />
        <Button type="submit" disabled={form.pending}>
          {t('openSubmit')}
        </Button>
      </form>
    </section>
  );
}

export default function CyclesPage() {
  const t = useText(indicatorsStaffText);
  const language = useLanguage();
  const office = useIsOffice();
  const state = useApiData<{ cycles: Cycle[] }>('/indicators/cycles');
  const [message, setMessage] = useState('');
  const changed = (text: string) => {
    setMessage(text);
    state.reload();
  };
  const columns: Column<Cycle>[] = [
    { key: 'year', header: t('year'), rowHeader: true, cell: (row) => row.year },
    { key: 'step', header: t('step'), cell: (row) => t(`step_${row.step}`) },
    { key: 'opened', header: t('openedAt'), cell: (row) => formatDateTime(row.openedAt, language) },
    {
      key: 'closed',
      header: t('closedAt'),
      cell: (row) => (row.closedAt ? formatDateTime(row.closedAt, language) : t('notClosed')),
    },
  ];
  return (
    <Page title={t('cyclesTitle')} lead={<p>{t('cyclesLead')}</p>}>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {({ cycles }) => {
          const current = cycles.find((cycle) => cycle.step !== 'closed');
          return (
            <>
              {current ? (
                <CurrentCycle
                  key={`${current.year}:${current.version}`}
                  cycle={current}
                  onChanged={changed}
                />
              ) : (
                <Notice>{t('noOpenCycle')}</Notice>
              )}
              {office ? <OpenCycleForm onOpened={changed} /> : null}
              <section className="section" aria-labelledby="all-cycles">
                <h2 id="all-cycles">{t('cyclesCaption')}</h2>
                <DataTable
                  caption={t('cyclesCaption')}
                  columns={columns}
                  rows={cycles}
                  rowKey={(row) => String(row.year)}
                  empty={t('noCycles')}
                />
              </section>
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
