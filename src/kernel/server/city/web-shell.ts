/**
 * The web app's page as the city's: the built `index.html` names no city; the server writes in the
 * city's names as the title, its default language, and a `<meta name="rightscity-city">` the web app
 * reads at start (its time zone for dates and times, currency, names). No script: the CSP forbids it.
 */
import type { City } from './city.ts';

/** What the browser may know of the city's configuration. */
export interface PublicCity {
  id: string;
  name: City['name'];
  shortName: City['shortName'];
  intro: City['intro'];
  timeZone: string;
  defaultLanguage: City['defaultLanguage'];
  currency: string;
}

const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function cityShell(html: string, city: City): string {
  const shown: PublicCity = {
    id: city.id,
    name: city.name,
    shortName: city.shortName,
    intro: city.intro,
    timeZone: city.timeZone,
    defaultLanguage: city.defaultLanguage,
    currency: city.currency,
  };
  const title = `${city.shortName.ko} 인권도시 플랫폼 · ${city.shortName.en} Human Rights City Platform`;
  // Replacement functions, not strings: a `$&` or `$'` in a city's name must be written as it is.
  return html
    .replace(/<html lang="[^"]*"/, () => `<html lang="${city.defaultLanguage}"`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${attribute(title)}</title>`)
    .replace(
      '<head>',
      () => `<head>\n    <meta name="rightscity-city" content="${attribute(JSON.stringify(shown))}" />`,
    );
}
