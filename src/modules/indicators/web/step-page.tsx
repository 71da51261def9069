/**
 * What the pages of the cycle's steps share. The six steps of the yearly cycle (Table 2) as one
 * workflow: each step with links to the pages where its work is done, limited to the pages the reader
 * may open (the manifest's own access and navigation labels, so no second list of either exists), the
 * page being read marked as current. And the frame of a step's page, its table, and the save button
 * of a form whose record someone may have changed meanwhile.
 */
import type { ReactNode } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { canAccess, useWebModules } from '../../../kernel/web/module.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import { Button, type Column, DataTable, type FormState, Page } from '../../../kernel/web/ui/index.ts';
import { type Cycle, type CycleStep, cycleSteps } from '../contract.ts';
import { WithCurrentCycle } from './current-cycle.tsx';
import {
  actionsPath,
  assessmentsPath,
  cyclesPath,
  entryPath,
  importPath,
  questionnairesPath,
  reportPath,
  resultsPath,
  targetsPath,
} from './paths.ts';
import { indicatorsStaffText } from './staff-messages.ts';
import { indicatorsStepText } from './step-messages.ts';

const stepPages: Record<CycleStep, readonly string[]> = {
  targets: [targetsPath],
  collection: [entryPath, importPath, questionnairesPath],
  assessment: [assessmentsPath],
  report: [reportPath],
  complementation: [actionsPath],
  results: [resultsPath],
  closed: [],
};

/** Whether the reader works for the Human Rights Office (which runs the cycle) or administers the site. */
export function useIsOffice(): boolean {
  const { user } = useSession();
  return user?.role === 'officer' || user?.role === 'admin';
}

/** The links to the pages of one step that the reader may open. */
export function StepLinks({ step }: { step: CycleStep }) {
  const language = useLanguage();
  const { user } = useSession();
  const { pathname } = useLocation();
  // A year chosen in the address goes with every link, so the steps of a past year stay together.
  const [params] = useSearchParams();
  const year = params.get('year');
  const indicators = useWebModules().find((module) => module.name === 'indicators');
  const pages = stepPages[step].flatMap((path) => {
    const route = indicators?.routes.find((entry) => entry.path === path);
    const item = indicators?.navigation.find((entry) => entry.path === path);
    return route && item && canAccess(route.access, user?.role ?? null) ? [{ path, label: item.label }] : [];
  });
  if (pages.length === 0) return null;
  return (
    <ul className="step-links">
      {pages.map((page) => (
        <li key={page.path}>
          <Link
            to={year ? `${page.path}?year=${encodeURIComponent(year)}` : page.path}
            aria-current={page.path === pathname ? 'page' : undefined}
          >
            {page.label[language]}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** On a step's page: the way back to the cycle, and on to the other steps. */
export function StepPageLinks() {
  const t = useText(indicatorsStepText);
  const [params] = useSearchParams();
  const year = params.get('year');
  const staff = useText(indicatorsStaffText);
  return (
    <nav className="step-nav" aria-label={t('workflowLabel')}>
      <p>
        <Link to={year ? `${cyclesPath}?year=${encodeURIComponent(year)}` : cyclesPath}>
          {t('backToCycle')}
        </Link>
      </p>
      <ol className="step-nav__steps">
        {cycleSteps
          .filter((step) => step !== 'closed')
          .map((step) => (
            <li key={step}>
              {staff(`step_${step}`)}
              <StepLinks step={step} />
            </li>
          ))}
      </ol>
    </nav>
  );
}

/** A step's page: its title and lead, the workflow's links, then its work on the cycle in progress. */
export function StepPage({
  title,
  lead,
  children,
}: {
  title: string;
  lead: string;
  children: (cycle: Cycle) => ReactNode;
}) {
  return (
    <Page title={title} lead={<p>{lead}</p>}>
      <StepPageLinks />
      <WithCurrentCycle>{children}</WithCurrentCycle>
    </Page>
  );
}

/** A section holding one table, headed by the table's own caption. */
export function TableSection<Row>({
  id,
  caption,
  columns,
  rows,
  rowKey,
  empty,
}: {
  id: string;
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty?: string;
}) {
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{caption}</h2>
      <DataTable caption={caption} columns={columns} rows={rows} rowKey={rowKey} empty={empty} />
    </section>
  );
}

/**
 * The submit button of a form sent with the version read; after a conflict (someone saved the record
 * meanwhile), beside it the way to load what they saved, which the form then shows.
 */
export function SaveButtons({
  form,
  label,
  onReload,
}: {
  form: Pick<FormState<string>, 'pending' | 'problem'>;
  label: string;
  onReload: () => void;
}) {
  const t = useText(indicatorsStepText);
  return (
    <div className="inline-actions">
      <Button type="submit" disabled={form.pending}>
        {label}
      </Button>
      {form.problem?.code === 'conflict' ? (
        <Button variant="secondary" onClick={onReload}>
          {t('loadLatest')}
        </Button>
      ) : null}
    </div>
  );
}
