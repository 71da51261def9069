/**
 * One dataset: what it is, where it comes from, its codebook (each column's meaning), the first rows
 * as a table, and the downloads.
 */
import { Link, useParams } from 'react-router';
import { useLanguage, useText } from '../../i18n/index.ts';
import { NotFoundPage } from '../../shell/status-pages.tsx';
import { type Column, DataTable, formatDateTime, Loaded, Page } from '../../ui/index.ts';
import { isNotFound, useApiData } from '../../use-api.ts';
import { Downloads } from './downloads.tsx';
import { portalText } from './messages.ts';
import type { DatasetFile } from './types.ts';

const previewRows = 20;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export default function DatasetPage() {
  const t = useText(portalText);
  const language = useLanguage();
  const { id = '' } = useParams();
  const state = useApiData<DatasetFile>(`/open-data/${encodeURIComponent(id)}.json`);
  if (isNotFound(state.error)) return <NotFoundPage />;
  return (
    <Loaded state={state}>
      {(dataset) => {
        const title = dataset.title[language];
        const codebook: Column<DatasetFile['columns'][number]>[] = [
          { key: 'name', header: t('column'), rowHeader: true, cell: (column) => <code>{column.name}</code> },
          { key: 'meaning', header: t('meaning'), cell: (column) => column.description[language] },
        ];
        const preview: Column<{ index: number; row: Record<string, unknown> }>[] = dataset.columns.map(
          (column, index) => ({
            key: column.name,
            header: column.name,
            rowHeader: index === 0,
            cell: ({ row }) => cellText(row[column.name]),
          }),
        );
        return (
          <Page title={title} lead={<p>{dataset.description[language]}</p>}>
            <dl className="definition-list">
              {dataset.seedTable || dataset.source ? (
                <>
                  <dt>{dataset.seedTable ? t('seedTable') : t('source')}</dt>
                  <dd>{dataset.seedTable ?? dataset.source}</dd>
                </>
              ) : null}
              <dt>{t('updatedAt')}</dt>
              <dd>{dataset.updatedAt ? formatDateTime(dataset.updatedAt, language) : t('notYet')}</dd>
              <dt>{t('downloads')}</dt>
              <dd>
                <Downloads dataset={dataset} />
              </dd>
            </dl>
            <section className="section" aria-labelledby="codebook">
              <h2 id="codebook">{t('codebookTitle')}</h2>
              <DataTable
                caption={t('codebookCaption', { title })}
                columns={codebook}
                rows={dataset.columns}
                rowKey={(column) => column.name}
              />
            </section>
            <section className="section" aria-labelledby="preview">
              <h2 id="preview">{t('previewTitle')}</h2>
              <p className="meta">{t('rowCount', { count: dataset.rows.length })}</p>
              <DataTable
                caption={t('previewCaption', { title, count: Math.min(previewRows, dataset.rows.length) })}
                columns={preview}
                rows={dataset.rows.slice(0, previewRows).map((row, index) => ({ index, row }))}
                rowKey={({ index }) => String(index)}
              />
            </section>
            <p>
              <Link to="/open-data">{t('backToCatalogue')}</Link>
            </p>
          </Page>
        );
      }}
    </Loaded>
  );
}
