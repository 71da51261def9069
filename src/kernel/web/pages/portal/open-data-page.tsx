/** The open-data catalogue: every dataset with its description, source, last change and downloads. */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../i18n/index.ts';
import { type Column, DataTable, formatDateTime, Loaded, Page } from '../../ui/index.ts';
import { useApiData } from '../../use-api.ts';
import { Downloads } from './downloads.tsx';
import { portalText } from './messages.ts';
import type { Dataset } from './types.ts';

export default function OpenDataPage() {
  const t = useText(portalText);
  const language = useLanguage();
  const state = useApiData<{ datasets: Dataset[] }>('/open-data');
  const columns: Column<Dataset>[] = [
    {
      key: 'title',
      header: t('dataset'),
      rowHeader: true,
      sortValue: (dataset) => dataset.title[language],
      cell: (dataset) => <Link to={dataset.page}>{dataset.title[language]}</Link>,
    },
    { key: 'description', header: t('description'), cell: (dataset) => dataset.description[language] },
    { key: 'source', header: t('source'), cell: (dataset) => dataset.seedTable ?? dataset.source ?? '' },
    {
      key: 'updatedAt',
      header: t('updatedAt'),
      sortValue: (dataset) => dataset.updatedAt ?? '',
      cell: (dataset) => (dataset.updatedAt ? formatDateTime(dataset.updatedAt, language) : t('notYet')),
    },
    { key: 'downloads', header: t('downloads'), cell: (dataset) => <Downloads dataset={dataset} /> },
  ];
  return (
    <Page title={t('openDataTitle')} lead={<p>{t('openDataLead')}</p>}>
      <Loaded state={state}>
        {({ datasets }) => (
          <DataTable
            caption={t('catalogueCaption')}
            columns={columns}
            rows={datasets}
            rowKey={(dataset) => dataset.id}
          />
        )}
      </Loaded>
    </Page>
  );
}
