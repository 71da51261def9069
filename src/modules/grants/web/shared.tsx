/** What the grants pages share: amounts with their currency, typed amounts, the table of applications. */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, formatDateTime, formatNumber } from '../../../kernel/web/ui/index.ts';
import type { ApplicationSummary } from '../contract.ts';
import { grantsText } from './messages.ts';
import { applicationPath } from './paths.ts';

export function Money({ amount, currency }: { amount: number; currency: string }) {
  const t = useText(grantsText);
  return <>{t('money', { amount: formatNumber(amount), currency })}</>;
}

/** The amount a person typed, as a number for the API; anything else is sent as typed for the server to name. */
export function amountValue(typed: string): number | string {
  const trimmed = typed.trim().replaceAll(',', '');
  return /^\d+$/.test(trimmed) ? Number(trimmed) : typed;
}

/** The table of applications both organisations and the office see; the office also sees who applied. */
export function ApplicationTable({
  rows,
  caption,
  empty,
  withOrganisation,
}: {
  rows: readonly ApplicationSummary[];
  caption: string;
  empty: string;
  withOrganisation: boolean;
}) {
  const t = useText(grantsText);
  const language = useLanguage();
  const columns: Column<ApplicationSummary>[] = [
    {
      key: 'title',
      header: t('fieldTitle'),
      rowHeader: true,
      cell: (row) => <Link to={applicationPath(row.id)}>{row.title || t('untitled')}</Link>,
    },
    ...(withOrganisation
      ? [
          {
            key: 'organisation',
            header: t('organisation'),
            cell: (row: ApplicationSummary) => row.organisation,
          },
        ]
      : []),
    { key: 'call', header: t('programme'), cell: (row) => row.callTitle[language] },
    { key: 'status', header: t('status'), cell: (row) => t(`status_${row.status}`) },
    {
      key: 'amount',
      header: t('amountRequested'),
      numeric: true,
      cell: (row) => <Money amount={row.amountRequested} currency={row.currency} />,
    },
    { key: 'updated', header: t('updated'), cell: (row) => formatDateTime(row.updatedAt, language) },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.id} empty={empty} />;
}
