/**
 * The yearly assessment cycle (Table 2 of the seed), for the office, departments and the committee:
 * the cycle in progress with its steps, the current one marked and each linked to the pages of its
 * work, the next steps the server says the reader may take (each sent with the version read, so a
 * change made meanwhile comes back as a 409),
 * every cycle so far (each year opening its cycle, read-only once closed: `?year=`), and for the
 * office a form to open a year. Each move on is confirmed in the page, beside what the server says
 * is still empty.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
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
import { type Cycle, type CycleAction, type CycleGaps, cycleSteps } from '../contract.ts';
import { useAskedYear } from './current-cycle.tsx';
import { indicatorsCycleText } from './cycle-messages.ts';
import { cyclesPath } from './paths.ts';
import { indicatorsStaffText } from './staff-messages.ts';
import { StepLinks, useIsOffice } from './step-page.tsx';
import './indicators.css';

/**
 * Before a step changes: what the server says is still empty, and a confirmation. An accessible step
 * in the page (focus moves to its heading; going back returns it to the button pressed), not a
 * browser dialog.
 */
function ConfirmStep({
  cycle,
  action,
  onDone,
  onBack,
}: {
  cycle: Cycle;
  action: CycleAction;
  onDone: (message: string) => void;
  onBack: () => void;
}) {
  const t = useText(indicatorsStaffText);
  const c = useText(indicatorsCycleText);
  const gaps = useApiData<CycleGaps>(`/indicators/cycles/${cycle.year}/gaps`);
  const form = useForm<never>({ fields: [] });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // Every move goes one step on (the server's transition table has no other).
  const to = cycleSteps[cycleSteps.indexOf(cycle.step) + 1];
  const onSubmit = form.submit(async () => {
    const next = await api<Cycle>(`/indicators/cycles/${cycle.year}/transitions`, {
      method: 'POST',
      body: { action, version: cycle.version },
    });
    onDone(t('actionDone', { year: next.year, step: t(`step_${next.step}`) }));
  });
  return (
    <section className="section confirm-step" aria-labelledby="confirm-step">
      <h3 id="confirm-step" ref={heading} tabIndex={-1}>
        {to === 'closed'
          ? c('confirmClose', { year: cycle.year })
          : c('confirmTitle', { year: cycle.year, step: to ? t(`step_${to}`) : '' })}
      </h3>
      <h4>{c('stillEmpty')}</h4>
      <Loaded state={gaps}>
        {({ gaps: found }) =>
          found.length === 0 ? (
            <p>{c('nothingEmpty')}</p>
          ) : (
            <ul className="cycle-gaps">
              {found.map((gap) => (
                <li key={gap.kind}>
                  {c(`gap_${gap.kind}`, {
                    missing: gap.missing,
                    total: gap.total,
                    year: cycle.year,
                    items: gap.items.join(', '),
                  })}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <ErrorSummary form={form} />
      <form noValidate onSubmit={onSubmit} className="inline-actions">
        <Button type="submit" disabled={form.pending || gaps.loading}>
          {c('confirmYes', { action: t(`action_${action}`) })}
        </Button>
        <Button variant="secondary" onClick={onBack}>
          {c('confirmNo')}
        </Button>
      </form>
    </section>
  );
}

function CurrentCycle({ cycle, onChanged }: { cycle: Cycle; onChanged: (message: string) => void }) {
  const t = useText(indicatorsStaffText);
  const c = useText(indicatorsCycleText);
  const [asked, setAsked] = useState<CycleAction | null>(null);
  const buttons = useRef<HTMLDivElement>(null);
  const back = () => {
    const pressed = asked;
    setAsked(null);
    // Focus returns to the button that opened the confirmation.
    requestAnimationFrame(() =>
      buttons.current?.querySelector<HTMLButtonElement>(`button[value="${pressed}"]`)?.focus(),
    );
  };
  return (
    <section className="section" aria-labelledby="current-cycle">
      <h2 id="current-cycle">{t('currentCycleTitle', { year: cycle.year })}</h2>
      {cycle.step === 'closed' ? <Notice>{c('closedReadOnly', { year: cycle.year })}</Notice> : null}
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
      {cycle.step === 'closed' ? null : (
        <>
          <h3>{t('actionsTitle')}</h3>
          {cycle.allowedActions.length === 0 ? (
            <p>{t('noActions')}</p>
          ) : (
            <div className="inline-actions" ref={buttons}>
              {cycle.allowedActions.map((action) => (
                <Button
                  key={action}
                  value={action}
                  aria-expanded={asked === action}
                  onClick={() => setAsked(action)}
                >
                  {t(`action_${action}`)}
                </Button>
              ))}
            </div>
          )}
          {asked ? (
            <ConfirmStep key={asked} cycle={cycle} action={asked} onDone={onChanged} onBack={back} />
          ) : null}
        </>
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
  const c = useText(indicatorsCycleText);
  const office = useIsOffice();
  const asked = useAskedYear();
  const state = useApiData<{ cycles: Cycle[] }>('/indicators/cycles');
  const [message, setMessage] = useState('');
  const changed = (text: string) => {
    setMessage(text);
    state.reload();
  };
  const columns: Column<Cycle>[] = [
    {
      key: 'year',
      header: t('year'),
      rowHeader: true,
      cell: (row) => <Link to={`${cyclesPath}?year=${row.year}`}>{row.year}</Link>,
    },
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
          const current =
            asked === null
              ? cycles.find((cycle) => cycle.step !== 'closed')
              : cycles.find((cycle) => cycle.year === asked);
          return (
            <>
              {current ? (
                <CurrentCycle
                  key={`${current.year}:${current.version}`}
                  cycle={current}
                  onChanged={changed}
                />
              ) : (
                <Notice>{asked === null ? t('noOpenCycle') : c('noSuchCycle', { year: asked })}</Notice>
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
