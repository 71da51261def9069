/**
 * What the public and the staff charter pages share: the publications table, the names of statuses,
 * categories and awards, and dates written as people read them.
 */
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable } from '../../../kernel/web/ui/index.ts';
import type { Publication } from '../contract.ts';
import { charterText } from './messages.ts';

/** `2012-05-21` as "2012년 5월 21일" or "21 May 2012" (a calendar date: no time zone shifts it). */
export function formatDate(iso: string, language: 'ko' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

export function PublicationTable({ publications }: { publications: readonly Publication[] }) {
  const t = useText(charterText);
  const language = useLanguage();
  const columns: Column<Publication>[] = [
    { key: 'title', header: t('publication'), rowHeader: true, cell: (row) => row.title[language] },
    {
      key: 'year',
      header: t('year'),
      cell: (row) => (row.year === null ? t('notRecorded') : String(row.year)),
    },
    {
      key: 'source',
      header: t('source'),
      cell: (row) =>
        row.sourceSection === null ? t('sourceStaff') : t('sourceSeed', { section: row.sourceSection }),
    },
  ];
  return (
    <DataTable
      caption={t('publicationsCaption')}
      columns={columns}
      rows={publications}
      rowKey={(row) => row.code}
    />
  );
}
