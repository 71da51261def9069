/**
 * What the public pages share of a closed year's publication: its complementation actions as a table,
 * and the list of years whose results are published.
 */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, Loaded } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { PublishedAction, PublishedYearList } from '../contract.ts';
import { indicatorPath, publishedResultsPath } from './paths.ts';
import { indicatorsPublicationText } from './publication-messages.ts';
import { indicatorsStepText } from './step-messages.ts';

/** The published actions as a table: the action names its row. */
export function PublishedActionTable({
  caption,
  actions,
  withIndicator,
}: {
  caption: string;
  actions: readonly PublishedAction[];
  withIndicator: boolean;
}) {
  const t = useText(indicatorsPublicationText);
  const steps = useText(indicatorsStepText);
  const language = useLanguage();
  const columns: Column<PublishedAction>[] = [
    { key: 'action', header: steps('actionDescription'), rowHeader: true, cell: (row) => row.description },
    ...(withIndicator
      ? [
          {
            key: 'indicator',
            header: t('indicator'),
            cell: (row: PublishedAction) => (
              <Link to={indicatorPath(row.indicatorCode)}>
                {row.indicatorCode} {row.indicatorName[language]}
              </Link>
            ),
          },
        ]
      : [
          {
            key: 'year',
            header: t('year'),
            cell: (row: PublishedAction) => <Link to={publishedResultsPath(row.year)}>{row.year}</Link>,
          },
        ]),
    {
      key: 'owner',
      header: steps('ownerDepartment'),
      cell: (row) => row.ownerDepartmentName?.[language] ?? row.ownerDepartment,
    },
    { key: 'due', header: steps('dueDate'), cell: (row) => row.dueDate },
    { key: 'status', header: steps('status'), cell: (row) => steps(`status_${row.status}`) },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={actions}
      rowKey={(row) => `${row.year}:${row.indicatorCode}:${row.description}`}
      empty={t('noActions')}
    />
  );
}

/** The years with published results, as links (for the overview and the indicator pages). */
export function PublishedYears() {
  const t = useText(indicatorsPublicationText);
  const state = useApiData<PublishedYearList>('/indicators/results');
  return (
    <section className="section" aria-labelledby="published-results">
      <h2 id="published-results">{t('resultsListTitle')}</h2>
      <p>{t('resultsListLead')}</p>
      <Loaded state={state}>
        {({ years }) =>
          years.length === 0 ? (
            <p>{t('noResults')}</p>
          ) : (
            <ul>
              {years.map((entry) => (
                <li key={entry.year}>
                  <Link to={publishedResultsPath(entry.year)}>{t('resultsLink', { year: entry.year })}</Link>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
