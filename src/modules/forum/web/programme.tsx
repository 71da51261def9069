/**
 * An edition's programme as a table: times in the city, the session (its row's name, and the anchor
 * that search results point to), languages and speakers. The public page and the office's show it.
 */
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable } from '../../../kernel/web/ui/index.ts';
import type { Session } from '../contract.ts';
import { forumText } from './messages.ts';
import { formatCityTime } from './shared.tsx';

export function ProgrammeTable({ sessions }: { sessions: Session[] }) {
  const t = useText(forumText);
  const language = useLanguage();
  const columns: Column<Session>[] = [
    {
      key: 'time',
      header: t('sessionTime'),
      cell: (row) => `${formatCityTime(row.startsAt, language)} – ${formatCityTime(row.endsAt, language)}`,
    },
    {
      key: 'title',
      header: t('sessionTitle'),
      rowHeader: true,
      cell: (row) => <span id={`session-${row.id}`}>{row.title[language]}</span>,
    },
    {
      key: 'languages',
      header: t('sessionLanguages'),
      cell: (row) => row.languages.map((code) => t(`language_${code}`)).join(', '),
    },
    {
      key: 'speakers',
      header: t('sessionSpeakers'),
      cell: (row) =>
        row.speakers.length === 0 ? null : (
          <ul className="forum-speakers">
            {row.speakers.map((speaker) => (
              <li key={`${speaker.name}:${speaker.affiliation ?? ''}`}>
                {speaker.name}
                {speaker.affiliation ? `, ${speaker.affiliation}` : ''} ({t(`origin_${speaker.origin}`)})
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <DataTable
      caption={t('programmeTitle')}
      columns={columns}
      rows={sessions}
      rowKey={(row) => row.id}
      empty={t('noSessions')}
    />
  );
}
