/** A public programme: its group, summary and sessions (dates, places, participants). */
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { NotFoundPage } from '../../../kernel/web/shell/status-pages.tsx';
import { type Column, DataTable, formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { isNotFound, useApiData } from '../../../kernel/web/use-api.ts';
import type { ProgrammeDetail, Session } from '../contract.ts';
import { educationText } from './messages.ts';
import { educationPath } from './paths.ts';

export function SessionTable({
  detail,
  withInstructor,
}: {
  detail: ProgrammeDetail;
  withInstructor: boolean;
}) {
  const t = useText(educationText);
  const language = useLanguage();
  const columns: Column<Session>[] = [
    { key: 'heldOn', header: t('heldOn'), rowHeader: true, cell: (row) => row.heldOn },
    { key: 'place', header: t('place'), cell: (row) => row.place },
    ...(withInstructor
      ? [{ key: 'instructor', header: t('instructor'), cell: (row: Session) => row.instructor ?? '' }]
      : []),
    {
      key: 'participants',
      header: t('participants'),
      numeric: true,
      cell: (row) => formatNumber(row.participants),
    },
  ];
  return (
    <DataTable
      caption={t('sessionsCaption', { title: detail.programme.title[language] })}
      columns={columns}
      rows={detail.sessions}
      rowKey={(row) => row.id}
      empty={t('noSessions')}
    />
  );
}

/**
 * Loads a programme (publicly or as staff) and renders it once there; until then a page titled
 * `fallbackTitle`, and "not found" for an address that names no programme (or none the reader may see).
 */
export function ProgrammeLoader({
  path,
  fallbackTitle,
  children,
}: {
  path: string;
  fallbackTitle: string;
  children: (detail: ProgrammeDetail, reload: () => void) => ReactNode;
}) {
  const state = useApiData<ProgrammeDetail>(path);
  if (isNotFound(state.error)) return <NotFoundPage />;
  if (!state.data) {
    return (
      <Page title={fallbackTitle}>
        <Loaded state={state}>{() => null}</Loaded>
      </Page>
    );
  }
  return <>{children(state.data, state.reload)}</>;
}

export default function ProgrammePage() {
  const t = useText(educationText);
  const language = useLanguage();
  const { id = '' } = useParams();
  return (
    <ProgrammeLoader path={`/education/programmes/${encodeURIComponent(id)}`} fallbackTitle={t('title')}>
      {(detail) => (
        <Page
          title={detail.programme.title[language]}
          lead={<p>{t('programmeLead', { group: detail.group.name[language] })}</p>}
        >
          {detail.programme.summary ? <p className="prose">{detail.programme.summary[language]}</p> : null}
          <section className="section" aria-labelledby="sessions">
            <h2 id="sessions">{t('sessionsTitle')}</h2>
            <SessionTable detail={detail} withInstructor={false} />
          </section>
          <p>
            <Link to={educationPath}>{t('backToEducation')}</Link>
          </p>
        </Page>
      )}
    </ProgrammeLoader>
  );
}
