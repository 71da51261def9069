/**
 * Numbers and times on screen. Numbers use the Korean grouping in both languages (the city's own
 * convention, and identical to English for grouping); times are shown in the city's time zone on a 24-hour
 * clock, whatever the browser's time zone.
 */

import type { Language } from '../../shared/language.ts';
import { cityTimeZone } from '../city.ts';

const numberFormat = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatDateTime(value: string | Date, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: cityTimeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(value));
}
