/**
 * The public side of the committees: each body with its rules and the counts the seed states, its
 * meetings per year against its requirement (a table), an iCalendar feed per body, and the calendar
 * of public meetings, each linking to its page (agenda, minutes, registration).
 */
import { Link } from 'react-router';
import { apiBase } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Body, MeetingSummary } from '../contract.ts';
import { committeesText } from './messages.ts';
import { cancelPath, meetingPath } from './paths.ts';
import { meetingWhen, seatsLeft } from './shared.tsx';

type YearRow = Body['meetingsByYear'][number];

function BodySection({ body }: { body: Body }) {
  const t = useText(committeesText);
  const language = useLanguage();
  const headingId = `body-${body.id}`;
  const yearColumns: Column<YearRow>[] = [
    { key: 'year', header: t('year'), rowHeader: true, cell: (row) => row.year },
    { key: 'held', header: t('held'), numeric: true, cell: (row) => formatNumber(row.held) },
    {
      key: 'required',
      header: t('required'),
      numeric: true,
      cell: (row) => (row.required === null ? t('notSet') : formatNumber(row.required)),
    },
  ];
  return (
    <section className="section" aria-labelledby={headingId}>
      <h3 id={headingId}>{body.name[language]}</h3>
      <p className="meta">{body.sinceYear ? t('since', { year: body.sinceYear }) : null}</p>
      <p className="prose">{body.description[language]}</p>
      <dl className="definition-list">
        {body.seats !== null ? (
          <>
            <dt>{t('seats')}</dt>
            <dd>
              {t('seatsValue', { count: body.seats, seated: body.seated, vacancies: body.vacancies ?? 0 })}
            </dd>
          </>
        ) : null}
        {body.termYears !== null ? (
          <>
            <dt>{t('termYears')}</dt>
            <dd>{t('termYearsValue', { count: body.termYears })}</dd>
          </>
        ) : null}
        {body.meetingsPerYear !== null ? (
          <>
            <dt>{t('meetingsPerYear')}</dt>
            <dd>{t('meetingsPerYearValue', { count: body.meetingsPerYear })}</dd>
          </>
        ) : null}
        {body.historical ? (
          <>
            <dt>{t('historical')}</dt>
            <dd>
              {t('historicalValue', { count: body.historical.meetings, years: body.historical.years ?? '' })}
            </dd>
          </>
        ) : null}
        {body.organisers.length > 0 ? (
          <>
            <dt>{t('organisers')}</dt>
            <dd>{body.organisers.map((organiser) => organiser[language]).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {body.meetingsByYear.length > 0 ? (
        <DataTable
          caption={t('meetingsByYear', { name: body.name[language] })}
          columns={yearColumns}
          rows={body.meetingsByYear}
          rowKey={(row) => String(row.year)}
        />
      ) : null}
      <p>
        <a href={`${apiBase}/committees/bodies/${body.id}/calendar.ics`}>
          {t('calendarFeed', { name: body.name[language] })}
        </a>
      </p>
    </section>
  );
}

export default function CalendarPage() {
  const t = useText(committeesText);
  const language = useLanguage();
  const bodies = useApiData<{ bodies: Body[] }>('/committees/bodies');
  const meetings = useApiData<{ meetings: MeetingSummary[] }>('/committees/meetings');
  const columns: Column<MeetingSummary>[] = [
    {
      key: 'when',
      header: t('when'),
      cell: (row) => meetingWhen(row, language),
      sortValue: (row) => row.startsAt,
    },
    {
      key: 'title',
      header: t('meeting'),
      rowHeader: true,
      cell: (row) => <Link to={meetingPath(row.id)}>{row.title}</Link>,
    },
    { key: 'body', header: t('body'), cell: (row) => row.bodyName[language] },
    { key: 'place', header: t('place'), cell: (row) => row.place ?? row.onlineUrl ?? '' },
    {
      key: 'seats',
      header: t('seatsLeft'),
      cell: (row) =>
        row.capacity === null
          ? ''
          : t('seatsLeftValue', { left: seatsLeft(row) ?? 0, capacity: row.capacity }),
    },
  ];
  return (
    <Page title={t('calendarTitle')} lead={<p>{t('calendarLead')}</p>}>
      <section className="section" aria-labelledby="upcoming">
        <h2 id="upcoming">{t('upcomingTitle')}</h2>
        <Loaded state={meetings}>
          {(data) => (
            <DataTable
              caption={t('meetingsCaption')}
              columns={columns}
              rows={data.meetings.filter((meeting) => !meeting.cancelled)}
              rowKey={(row) => row.id}
              empty={t('noMeetings')}
            />
          )}
        </Loaded>
        <p>
          {t('cancelLink')}: <Link to={cancelPath}>{t('cancelTitle')}</Link>
        </p>
      </section>
      <section className="section" aria-labelledby="bodies">
        <h2 id="bodies">{t('bodiesTitle')}</h2>
        <Loaded state={bodies}>
          {(data) => data.bodies.map((body) => <BodySection key={body.id} body={body} />)}
        </Loaded>
      </section>
    </Page>
  );
}
