/** Pieces the forum's pages share: an edition's dates, a date in the city, the text of a figure. */

import type { Language } from '../../../kernel/shared/language.ts';
import { cityTimeZone } from '../../../kernel/web/city.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { formatNumber } from '../../../kernel/web/ui/index.ts';
import type { EditionSummary, Figure } from '../contract.ts';
import { forumText } from './messages.ts';

/** A calendar date (`2018-10-18`) as a date, not an instant: no time zone may move it. */
export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: 'UTC',
    dateStyle: 'long',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** An instant as a time of day in the city, 24-hour clock. */
export function formatCityTime(instant: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: cityTimeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

export function EditionDates({ edition }: { edition: Pick<EditionSummary, 'startsOn' | 'endsOn'> }) {
  const t = useText(forumText);
  const language = useLanguage();
  const { startsOn, endsOn } = edition;
  if (startsOn === null && endsOn === null) return <span className="meta">{t('notStated')}</span>;
  if (startsOn === null || endsOn === null || startsOn === endsOn) {
    return <>{formatDay(startsOn ?? endsOn ?? '', language)}</>;
  }
  return <>{t('dateRange', { from: formatDay(startsOn, language), to: formatDay(endsOn, language) })}</>;
}

/** A figure as the number it is, with the seed's own writing when it differs (an asterisk). */
export function FigureValue({ figure }: { figure: Figure }) {
  const shown = formatNumber(figure.value);
  return <>{figure.asWritten.endsWith('*') ? `${shown}*` : shown}</>;
}
