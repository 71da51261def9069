/**
 * This city beside the cities it follows, from the public feeds alone: headline figures row by row,
 * and the latest published self-assessment's ratings cell by cell, one column per city.
 */
import type { ReactNode } from 'react';
import type { Language } from '../../../kernel/shared/language.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  type Column,
  DataTable,
  formatDateTime,
  formatNumber,
  Loaded,
  Notice,
  Page,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Comparison, NetworkFeed } from '../contract.ts';
import { sdgText } from './messages.ts';
import { findCell, RatingLabel } from './shared.tsx';

interface City {
  key: string;
  header: string;
  feed: NetworkFeed;
}

function cityColumns<Row>(cities: City[], cell: (row: Row, city: City) => ReactNode): Column<Row>[] {
  return cities.map((city) => ({ key: city.key, header: city.header, cell: (row: Row) => cell(row, city) }));
}

function Headlines({ cities, language }: { cities: City[]; language: Language }) {
  const t = useText(sdgText);
  const rows = new Map<string, { id: string; label: string }>();
  for (const city of cities) {
    for (const headline of city.feed.headlines) {
      if (!rows.has(headline.id)) rows.set(headline.id, { id: headline.id, label: headline.label[language] });
    }
  }
  const columns: Column<{ id: string; label: string }>[] = [
    { key: 'figure', header: t('figure'), rowHeader: true, cell: (row) => row.label },
    ...cityColumns<{ id: string; label: string }>(cities, (row, city) => {
      const headline = city.feed.headlines.find((entry) => entry.id === row.id);
      if (!headline) return t('notPublished');
      const unit = headline.unit ? ` ${headline.unit[language]}` : '';
      const asOf = headline.asOf ? ` (${headline.asOf})` : '';
      return `${formatNumber(headline.value)}${unit}${asOf}`;
    }).map((column) => ({ ...column, numeric: true })),
  ];
  return (
    <DataTable
      caption={t('headlinesCaption')}
      columns={columns}
      rows={[...rows.values()]}
      rowKey={(row) => row.id}
    />
  );
}

function Ratings({ cities, language }: { cities: City[]; language: Language }) {
  const t = useText(sdgText);
  const framework = cities.find((city) => city.feed.assessment)?.feed.assessment;
  if (!framework) return <Notice>{t('noPublished')}</Notice>;
  type Row = { key: string; category: string; component: string; label: string };
  const rows: Row[] = [
    { key: 'year', category: '', component: '', label: t('assessmentYear') },
    ...framework.categories.flatMap((category) =>
      framework.components.map((component) => ({
        key: `${category.code}/${component.code}`,
        category: category.code,
        component: component.code,
        label: t('cellName', { category: category.name[language], component: component.name[language] }),
      })),
    ),
  ];
  const columns: Column<Row>[] = [
    { key: 'cell', header: t('category'), rowHeader: true, cell: (row) => row.label },
    ...cityColumns<Row>(cities, (row, city) => {
      const assessment = city.feed.assessment;
      if (!assessment) return t('notPublished');
      if (row.key === 'year') return assessment.year;
      const cell = findCell(assessment, row.category, row.component);
      return cell?.rating ? <RatingLabel rating={cell.rating} /> : t('notRated');
    }),
  ];
  return (
    <DataTable caption={t('assessmentsCaption')} columns={columns} rows={rows} rowKey={(row) => row.key} />
  );
}

export default function ComparisonPage() {
  const t = useText(sdgText);
  const language = useLanguage();
  const state = useApiData<Comparison>('/network/comparison');
  return (
    <Page title={t('comparisonTitle')} lead={<p>{t('comparisonLead')}</p>}>
      <Loaded state={state}>
        {(comparison) => {
          const cities: City[] = [
            {
              key: 'self',
              header: t('thisCity', { code: comparison.self.city.code }),
              feed: comparison.self,
            },
            ...comparison.peers.map((peer) => ({
              key: `peer-${peer.id}`,
              header: t('peerCity', { code: peer.feed.city.code, host: new URL(peer.baseUrl).host }),
              feed: peer.feed,
            })),
          ];
          return (
            <>
              <section className="section" aria-labelledby="network-peers">
                <h2 id="network-peers">{t('peersTitle')}</h2>
                {comparison.peers.length === 0 ? (
                  <Notice>{t('noPeers')}</Notice>
                ) : (
                  <ul>
                    {comparison.peers.map((peer) => (
                      <li key={peer.id}>
                        <a href={peer.baseUrl}>
                          {t('peerCity', { code: peer.feed.city.code, host: new URL(peer.baseUrl).host })}
                        </a>{' '}
                        <span className="meta">
                          ({t('fetchedAt', { date: formatDateTime(peer.fetchedAt, language) })})
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="section" aria-labelledby="network-ratings">
                <h2 id="network-ratings">{t('assessmentsTitle')}</h2>
                <Ratings cities={cities} language={language} />
              </section>
              <section className="section" aria-labelledby="network-headlines">
                <h2 id="network-headlines">{t('headlinesTitle')}</h2>
                <Headlines cities={cities} language={language} />
              </section>
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
