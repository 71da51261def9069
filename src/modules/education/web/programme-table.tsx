/** The programmes as a table, for the public page (public ones) and the office's (all, with more columns). */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, formatNumber } from '../../../kernel/web/ui/index.ts';
import type { Group, ProgrammeSummary } from '../contract.ts';
import { educationText } from './messages.ts';

interface ProgrammeTableProps {
  groups: readonly Group[];
  programmes: readonly ProgrammeSummary[];
  caption: string;
  /** Where a programme's title links to. */
  linkTo: (id: string) => string;
  /** Columns shown after the group. */
  extra?: readonly Column<ProgrammeSummary>[];
}

export function ProgrammeTable({ groups, programmes, caption, linkTo, extra = [] }: ProgrammeTableProps) {
  const t = useText(educationText);
  const language = useLanguage();
  const byCode = new Map(groups.map((group) => [group.code, group]));
  const columns: Column<ProgrammeSummary>[] = [
    {
      key: 'title',
      header: t('programme'),
      rowHeader: true,
      cell: (row) => <Link to={linkTo(row.id)}>{row.title[language]}</Link>,
    },
    {
      key: 'group',
      header: t('group'),
      cell: (row) => byCode.get(row.groupCode)?.name[language] ?? row.groupCode,
    },
    ...extra,
    {
      key: 'sessions',
      header: t('sessionCount'),
      numeric: true,
      cell: (row) => formatNumber(row.sessionCount),
    },
    {
      key: 'participants',
      header: t('participants'),
      numeric: true,
      cell: (row) => formatNumber(row.participants),
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={programmes}
      rowKey={(row) => row.id}
      empty={t('noProgrammes')}
    />
  );
}
