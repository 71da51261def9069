/**
 * My work: everything waiting for the signed-in user or their department, from every module, grouped
 * by module and most urgent first; each item says its due date and its state in words (the colour only
 * repeats it) and links to where the work is done. Officers and admins also get each department's
 * waiting and overdue work as a table.
 */
import { Link } from 'react-router';
import type { DepartmentWork } from '../../../shared/department-work.ts';
import type { MyWork, WorkItem } from '../../../shared/work.ts';
import { useLanguage, useText } from '../../i18n/index.ts';
import { useWebModules } from '../../module.ts';
import { useSession } from '../../session.tsx';
import { DataTable, Loaded, Notice, Page } from '../../ui/index.ts';
import { useApiData } from '../../use-api.ts';
import { workText } from './messages.ts';
import './my-work.css';

const dayMs = 86_400_000;

function formatDate(iso: string, language: 'ko' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** Whole calendar days from `today` to `dueOn` (negative when late). */
function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / dayMs);
}

function DueState({ item, today }: { item: WorkItem; today: string }) {
  const t = useText(workText);
  const days = item.dueOn === null ? 0 : Math.abs(daysUntil(item.dueOn, today));
  return (
    <span className={`due-state due-state--${item.dueState}`}>{t(`state_${item.dueState}`, { days })}</span>
  );
}

function WorkEntry({ item, today }: { item: WorkItem; today: string }) {
  const t = useText(workText);
  const language = useLanguage();
  return (
    <li className="work-item">
      <Link to={item.path} className="work-item__title">
        {item.title[language]}
      </Link>
      <p className="work-item__meta">
        {item.action[language]}
        {' · '}
        {t('due')}: {item.dueOn ? formatDate(item.dueOn, language) : t('noDueDate')}
        {' · '}
        <DueState item={item} today={today} />
      </p>
    </li>
  );
}

function WorkList({ work }: { work: MyWork }) {
  const t = useText(workText);
  const language = useLanguage();
  const modules = useWebModules();
  if (work.items.length === 0) return <Notice>{t('empty')}</Notice>;
  // Groups in the order of their most urgent item (the items come most urgent first).
  const groups = new Map<string, WorkItem[]>();
  for (const item of work.items) groups.set(item.module, [...(groups.get(item.module) ?? []), item]);
  const overdue = work.items.filter((item) => item.dueState === 'overdue').length;
  return (
    <>
      <p>{t('summary', { count: work.items.length, overdue })}</p>
      {[...groups].map(([module, items]) => {
        const title =
          modules.find((candidate) => candidate.name === module)?.title[language] ?? t('otherModule');
        return (
          <section key={module} aria-labelledby={`work-${module}`}>
            <h2 id={`work-${module}`}>
              {title} ({items.length})
            </h2>
            <ul className="work-list">
              {items.map((item) => (
                <WorkEntry key={item.key} item={item} today={work.today} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

type DepartmentRow = DepartmentWork['departments'][number];

function DepartmentsView() {
  const t = useText(workText);
  const language = useLanguage();
  const state = useApiData<DepartmentWork>('/my-work/departments');
  return (
    <section aria-labelledby="work-departments">
      <h2 id="work-departments">{t('departmentsTitle')}</h2>
      <p>{t('departmentsLead')}</p>
      <Loaded state={state}>
        {(data) => (
          <DataTable<DepartmentRow>
            caption={t('departmentsCaption')}
            rows={[...data.departments].sort((a, b) => b.overdue - a.overdue || b.open - a.open)}
            rowKey={(row) => row.code}
            empty={t('departmentsEmpty')}
            columns={[
              {
                key: 'department',
                header: t('department'),
                rowHeader: true,
                cell: (row) => row.name?.[language] ?? row.code,
                sortValue: (row) => row.name?.[language] ?? row.code,
              },
              {
                key: 'open',
                header: t('open'),
                numeric: true,
                cell: (row) => row.open,
                sortValue: (row) => row.open,
              },
              {
                key: 'overdue',
                header: t('overdue'),
                numeric: true,
                cell: (row) => row.overdue,
                sortValue: (row) => row.overdue,
              },
              {
                key: 'items',
                header: t('overdueItems'),
                cell: (row) => {
                  const late = row.items.filter((item) => item.dueState === 'overdue');
                  if (late.length === 0) return t('none');
                  return (
                    <ul className="work-list work-list--compact">
                      {late.map((item) => (
                        <li key={item.key}>
                          <Link to={item.path}>{item.title[language]}</Link> (
                          <DueState item={item} today={data.today} />)
                        </li>
                      ))}
                    </ul>
                  );
                },
              },
            ]}
          />
        )}
      </Loaded>
    </section>
  );
}

export default function MyWorkPage() {
  const t = useText(workText);
  const { user } = useSession();
  const state = useApiData<MyWork>('/my-work');
  const office = user?.role === 'admin' || user?.role === 'officer';
  return (
    <Page title={t('title')} lead={<p>{t('lead')}</p>}>
      <Loaded state={state}>{(work) => <WorkList work={work} />}</Loaded>
      {office ? <DepartmentsView /> : null}
    </Page>
  );
}
