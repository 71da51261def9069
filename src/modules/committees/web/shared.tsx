/**
 * Pieces the committees' pages share: a meeting's time span in the city's time, seats left, and how a
 * recommendation stands (its department, state and answer).
 */

import { useState } from 'react';
import { Link } from 'react-router';
import type { Language } from '../../../kernel/shared/language.ts';
import { cityTimeZone } from '../../../kernel/web/city.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { formatDateTime, TextField, type TextFieldProps } from '../../../kernel/web/ui/index.ts';
import type { MeetingSummary, Recommendation } from '../contract.ts';
import { committeesText } from './messages.ts';

export function meetingWhen(
  meeting: Pick<MeetingSummary, 'startsAt' | 'endsAt'>,
  language: Language,
): string {
  const end = new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: cityTimeZone,
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(meeting.endsAt));
  return `${formatDateTime(meeting.startsAt, language)}–${end}`;
}

export function seatsLeft(meeting: Pick<MeetingSummary, 'capacity' | 'seatsTaken'>): number | null {
  return meeting.capacity === null ? null : Math.max(0, meeting.capacity - meeting.seatsTaken);
}

/** A form's text values by field name, with a setter per field for `onChange`. */
export function useValues<Name extends string>(initial: Record<Name, string>) {
  const [values, setValues] = useState(initial);
  const set = (name: Name) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const reset = () => setValues(initial);
  return { values, set, reset };
}

/**
 * A number typed in a field: blank is null, digits a number, and anything else goes as typed, so that
 * the server names the field in its answer instead of the value quietly becoming null.
 */
export function numberOrText(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Text fields bound by their name to a form's values, its setter and the server's errors. */
export function textFields<Name extends string>(
  values: { [Key in Name]: string },
  set: (name: Name) => (value: string) => void,
  errorFor: (name: Name) => string | undefined,
) {
  return (
    name: Name,
    label: string,
    props: Omit<TextFieldProps, 'name' | 'label' | 'value' | 'onChange' | 'error'> = {},
  ) => (
    <TextField
      name={name}
      label={label}
      value={values[name]}
      onChange={set(name)}
      error={errorFor(name)}
      {...props}
    />
  );
}

/** The department a recommendation is addressed to, by name where the vocabulary knows its code. */
export function departmentOf(recommendation: Recommendation, language: Language): string {
  return recommendation.departmentName?.[language] ?? recommendation.departmentCode;
}

/**
 * How a recommendation stands in the register of recommendations, and the link to it there (the
 * register's staff page for staff, its public page once public): answers and follow-up live there.
 */
export function RecommendationState({
  recommendation,
  staff,
}: {
  recommendation: Recommendation;
  staff: boolean;
}) {
  const t = useText(committeesText);
  const path = staff ? recommendation.staffPath : recommendation.publicPath;
  return (
    <dl className="definition-list">
      <dt>{t('state')}</dt>
      <dd>
        {t(`status_${recommendation.status}`)}
        {path ? (
          <>
            {' · '}
            <Link to={path}>{t('followInRegister')}</Link>
          </>
        ) : null}
      </dd>
    </dl>
  );
}

/** A meeting's recommendations (under the minutes' h2), each under its department's name. */
export function MeetingRecommendations({
  recommendations,
  staff = false,
}: {
  recommendations: readonly Recommendation[];
  staff?: boolean;
}) {
  const t = useText(committeesText);
  const language = useLanguage();
  if (recommendations.length === 0) return null;
  return (
    <>
      <h3>{t('recommendationsOfMeeting')}</h3>
      <ul className="result-list">
        {recommendations.map((recommendation) => (
          <li key={recommendation.id}>
            <h4>{departmentOf(recommendation, language)}</h4>
            <p>{recommendation.body}</p>
            <RecommendationState recommendation={recommendation} staff={staff} />
          </li>
        ))}
      </ul>
    </>
  );
}
