/**
 * A recommendation's linked tasks and indicators and its one timeline (issued, answered, task reports,
 * indicator values, closed), read from `…/trace`: the public page reads the public one, the staff
 * page the staff one. It replaces the register-only timeline of `RecommendationDetails`.
 */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { formatDateTime, Loaded } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Recommendation, Trace } from '../contract.ts';
import { recommendationsText } from './messages.ts';
import { formatDate } from './shared.tsx';
import { traceText } from './trace-messages.ts';

export function TraceSection({ record, staff }: { record: Recommendation; staff: boolean }) {
  const t = useText(traceText);
  const r = useText(recommendationsText);
  const language = useLanguage();
  const base = staff ? '/recommendations/staff' : '/recommendations';
  const state = useApiData<Trace>(`${base}/${encodeURIComponent(record.id)}/trace`);
  const departmentName = (code: string | null) =>
    code === null ? null : (record.departments.find((part) => part.code === code)?.name[language] ?? code);
  return (
    <Loaded state={state}>
      {(trace) => (
        <>
          <section className="section" aria-labelledby="recommendation-links">
            <h2 id="recommendation-links">{t('links')}</h2>
            {trace.links.length === 0 ? (
              <p>{t('linksEmpty')}</p>
            ) : (
              <ul>
                {trace.links.map((link) => (
                  <li key={`${link.type}:${link.id}`}>
                    {t(`linkType_${link.type}`)}: <Link to={link.path}>{link.title[language]}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="section" aria-labelledby="recommendation-timeline">
            <h2 id="recommendation-timeline">{t('timeline')}</h2>
            {trace.timeline.length === 0 ? (
              <p>{t('timelineEmpty')}</p>
            ) : (
              <ol className="recommendation-timeline">
                {trace.timeline.map((entry, index) => (
                  // The timeline is rebuilt in one order on every read: its place is its identity.
                  // biome-ignore lint/suspicious/noArrayIndexKey: ordered, read-only list.
                  <li key={index}>
                    {entry.event ? (
                      <>
                        <time dateTime={entry.event.at}>
                          {entry.event.action === 'issue' && record.issuedOn
                            ? formatDate(record.issuedOn, language)
                            : formatDateTime(entry.event.at, language)}
                        </time>{' '}
                        <strong>{r(`action_${entry.event.action}`)}</strong>
                        {entry.event.departmentCode ? ` · ${departmentName(entry.event.departmentCode)}` : ''}
                        {entry.event.answer ? ` · ${r(`answer_${entry.event.answer}`)}` : ''}
                        {entry.event.reason ? ` · ${r(`reason_${entry.event.reason}`)}` : ''}
                        {' → '}
                        {r(`status_${entry.event.toStatus}`)}
                        {entry.event.note ? <p className="prose">{entry.event.note}</p> : null}
                      </>
                    ) : (
                      <>
                        <time dateTime={entry.date}>
                          {entry.date.length === 4 ? entry.date : formatDate(entry.date, language)}
                        </time>{' '}
                        <strong>
                          {t(`kind_${entry.kind === 'task_report' ? 'task_report' : 'indicator_value'}`)}
                        </strong>
                        {' · '}
                        {entry.link ? (
                          <Link to={entry.link.path}>{entry.label?.[language]}</Link>
                        ) : (
                          entry.label?.[language]
                        )}
                      </>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </Loaded>
  );
}
