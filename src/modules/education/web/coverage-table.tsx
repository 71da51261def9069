/**
 * Coverage by year, on the public page and the staff page alike: participants, population, the
 * computed rate and the rate the seed states, in two columns, never one in place of the other.
 */
import { useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, formatNumber } from '../../../kernel/web/ui/index.ts';
import type { CoverageYear } from '../contract.ts';
import { educationText } from './messages.ts';

export function CoverageTable({ coverage }: { coverage: readonly CoverageYear[] }) {
  const t = useText(educationText);
  const number = (value: number | null) => (value === null ? t('notRecorded') : formatNumber(value));
  const percent = (value: number | null) =>
    value === null ? t('notRecorded') : t('percent', { value: formatNumber(value) });
  const columns: Column<CoverageYear>[] = [
    { key: 'year', header: t('year'), rowHeader: true, cell: (row) => String(row.year) },
    {
      key: 'participants',
      header: t('participants'),
      numeric: true,
      cell: (row) => number(row.participants),
    },
    { key: 'population', header: t('population'), numeric: true, cell: (row) => number(row.population) },
    { key: 'computed', header: t('computedRate'), numeric: true, cell: (row) => percent(row.computedRate) },
    { key: 'stated', header: t('statedRate'), numeric: true, cell: (row) => percent(row.statedRate) },
    { key: 'note', header: t('note'), cell: (row) => (row.note ? <span lang="en">{row.note}</span> : '') },
  ];
  return (
    <DataTable
      caption={t('coverageCaption')}
      columns={columns}
      rows={coverage}
      rowKey={(row) => String(row.year)}
    />
  );
}
