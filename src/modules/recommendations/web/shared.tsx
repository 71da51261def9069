/**
 * What the public and the staff pages of the register share: the names of sources, statuses and
 * answers, the department names (the kernel's vocabulary), one recommendation's card, and its details
 * with the timeline. A value the record does not have shows as "not recorded", never as a blank.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { formatDateTime } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Recommendation, RecommendationSummary } from '../contract.ts';
import { recommendationsText } from './messages.ts';
import { UnDetailsSection } from './un-details.tsx';

/** `2026-03-02` as "2026년 3월 2일" or "2 March 2026" (a calendar date: no time zone shifts it). */
export function formatDate(iso: string, language: 'ko' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

export interface DepartmentOption {
  code: string;
  name: { ko: string; en: string };
}

/** The city's departments, from the kernel's vocabulary. */
export function useDepartments(): DepartmentOption[] {
  const state = useApiData<{ terms: DepartmentOption[] }>('/vocabularies/departments');
  return state.data?.terms ?? [];
}

function DateValue({ value }: { value: string | null }) {
  const t = useText(recommendationsText);
  const language = useLanguage();
  return <>{value ? formatDate(value, language) : t('notRecorded')}</>;
}

/** One recommendation in a list: its text as the link, then source, status and departments. */
export function RecommendationCard({
  item,
  to,
  extra,
}: {
  item: RecommendationSummary;
  to: string;
  extra?: ReactNode;
}) {
  const t = useText(recommendationsText);
  const language = useLanguage();
  return (
    <li className="card">
      <h3>
        <Link
          to={to}
          lang={item.un?.originalText === item.text[language] ? item.un.originalLanguage : undefined}
        >
          {item.text[language]}
        </Link>
      </h3>
      <dl className="definition-list">
        <dt>{t('source')}</dt>
        <dd>
          {t(`source_${item.source.kind}`)}
          {item.historical ? ` · ${t('historical')}` : ''}
        </dd>
        <dt>{t('status')}</dt>
        <dd>{t(`status_${item.status}`)}</dd>
        <dt>{t('department')}</dt>
        <dd>
          {item.departments.length === 0
            ? t('notRecorded')
            : item.departments.map((part) => part.name[language]).join(', ')}
        </dd>
        <dt>{t('issuedOn')}</dt>
        <dd>
          <DateValue value={item.issuedOn} />
        </dd>
      </dl>
      {extra}
    </li>
  );
}

/** A recommendation's details: source, dates, each department's answer, and the timeline. */
export function RecommendationDetails({
  record,
  timeline,
}: {
  record: Recommendation;
  /** The full timeline with linked tasks and indicators (`TraceSection`), in place of the register's own. */
  timeline?: ReactNode;
}) {
  const t = useText(recommendationsText);
  const language = useLanguage();
  const departmentName = (code: string | null) =>
    code === null ? null : (record.departments.find((part) => part.code === code)?.name[language] ?? code);
  return (
    <>
      {record.historical ? <p>{t('historicalNote')}</p> : null}
      <blockquote className="prose">
        {/* A UN text not yet translated is the UN's own words, in the UN's language. */}
        <p lang={record.un?.originalText === record.text[language] ? record.un.originalLanguage : undefined}>
          {record.text[language]}
        </p>
      </blockquote>
      {record.historical && language === 'ko' ? <p className="meta">{t('translationNote')}</p> : null}
      <dl className="definition-list">
        <dt>{t('source')}</dt>
        <dd>{t(`source_${record.source.kind}`)}</dd>
        <dt>{t('reference')}</dt>
        <dd>
          {record.source.reference}
          {record.source.section ? ` (${t('sourceSection', { section: record.source.section })})` : ''}
        </dd>
        {record.source.citation ? (
          <>
            <dt>{t('citation')}</dt>
            <dd>
              <q lang="en">{record.source.citation}</q>
            </dd>
          </>
        ) : null}
        <dt>{t('status')}</dt>
        <dd>
          {t(`status_${record.status}`)}
          {record.closedReason ? ` (${t(`reason_${record.closedReason}`)})` : ''}
        </dd>
        <dt>{t('issuedOn')}</dt>
        <dd>
          <DateValue value={record.issuedOn} />
        </dd>
        <dt>{t('answerDue')}</dt>
        <dd>
          <DateValue value={record.answerDue} />
        </dd>
        <dt>{t('implementationDue')}</dt>
        <dd>
          <DateValue value={record.implementationDue} />
        </dd>
      </dl>

      <UnDetailsSection record={record} />

      {record.tags.length > 0 ? (
        <section className="section" aria-labelledby="recommendation-tags">
          <h2 id="recommendation-tags">{t('tags')}</h2>
          <ul>
            {record.tags.map((tag) => (
              <li key={`${tag.vocabulary}/${tag.code}`}>
                <Link to={`/vocabularies/${tag.vocabulary}/${encodeURIComponent(tag.code)}`}>
                  {tag.name[language]}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section" aria-labelledby="recommendation-departments">
        <h2 id="recommendation-departments">{t('departments')}</h2>
        {record.departments.length === 0 ? (
          <p>{t('departmentsNotRecorded')}</p>
        ) : (
          <ul>
            {record.departments.map((part) => (
              <li key={part.code}>
                <strong>{part.name[language]}</strong>:{' '}
                {part.answer ? t(`answer_${part.answer}`) : t('awaitingAnswer')}
                {part.reasons ? (
                  <>
                    {' '}
                    — {t('reasons')}: {part.reasons}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {timeline ?? (
        <section className="section" aria-labelledby="recommendation-timeline">
          <h2 id="recommendation-timeline">{t('timeline')}</h2>
          {record.timeline.length === 0 ? (
            <p>{t('timelineEmpty')}</p>
          ) : (
            <ol className="recommendation-timeline">
              {record.timeline.map((event, index) => (
                // The events never change or reorder: their place is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: append-only list.
                <li key={index}>
                  <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>{' '}
                  <strong>{t(`action_${event.action}`)}</strong>
                  {event.departmentCode ? ` · ${departmentName(event.departmentCode)}` : ''}
                  {event.answer ? ` · ${t(`answer_${event.answer}`)}` : ''}
                  {event.reason ? ` · ${t(`reason_${event.reason}`)}` : ''}
                  {' → '}
                  {t(`status_${event.toStatus}`)}
                  {event.note ? <p className="prose">{event.note}</p> : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
