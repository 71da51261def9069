/**
 * The city as the web app knows it: the server writes its public configuration into the page
 * (`<meta name="rightscity-city">`, `kernel/server/city/web-shell.ts`), and dates and times on screen
 * and in forms follow the city's time zone, whatever the browser's own. Outside a served page (the
 * Vite dev server) the browser's time zone stands in.
 */
import type { Bilingual, Language } from '../shared/language.ts';
import { type Clock, zonedClock } from '../shared/zoned-clock.ts';

export interface WebCity {
  id: string;
  name: Bilingual;
  shortName: Bilingual;
  /** The city's introduction on the home page. */
  intro: Bilingual;
  timeZone: string;
  defaultLanguage: Language;
  currency: string;
}

function readCity(): WebCity | null {
  if (typeof document === 'undefined') return null;
  const content = document.querySelector('meta[name="rightscity-city"]')?.getAttribute('content');
  if (!content) return null;
  try {
    return JSON.parse(content) as WebCity;
  } catch {
    return null;
  }
}

export const webCity: WebCity | null = readCity();

/** The city's time zone (IANA), for `Intl.DateTimeFormat`'s `timeZone`. */
export const cityTimeZone: string = webCity?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The city's clock in the browser: today there, wall-clock times for forms, instants from them. */
export const cityClock: Clock = zonedClock(cityTimeZone);

/**
 * A label written once for every city (a menu item, a module's title): `{{cityKo}}`, `{{cityEn}}`,
 * `{{cityNameKo}}` and `{{cityNameEn}}` become the city's names, as in the i18n messages.
 */
export function withCity(text: string): string {
  const names: Record<string, string> = {
    cityKo: webCity?.shortName.ko ?? '',
    cityEn: webCity?.shortName.en ?? '',
    cityNameKo: webCity?.name.ko ?? '',
    cityNameEn: webCity?.name.en ?? '',
  };
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => names[name] ?? whole);
}
