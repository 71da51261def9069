/**
 * The city as configuration: `datasets/<city>/city.json` holds what is the city's and not the code's
 * (its names, time zone, default language, currency, the signature block of its documents, its public
 * address). `RIGHTSCITY_CITY` names the folder; the file is checked when the configuration is read, so
 * a bad file stops the process at start with a message naming the field, never half-way through a day.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type Bilingual, languages } from '../../shared/language.ts';

/** The repository's `datasets/` folder: one folder per city. */
export const datasetsDir = fileURLToPath(new URL('../../../../datasets/', import.meta.url));

const bilingual = z.strictObject({ ko: z.string().trim().min(1), en: z.string().trim().min(1) });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const citySchema = z.strictObject({
  /** The city's full name, as its documents and pages write it. */
  name: bilingual,
  /** The short name used in running text ("the Gwangju charter"). */
  shortName: bilingual,
  /** A sentence or two that introduce the city on the portal's home page. */
  intro: bilingual,
  /** IANA time zone of the city's calendar: "today", due dates, meeting times, years of statistics. */
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. Asia/Seoul'),
  defaultLanguage: z.enum(languages),
  /** ISO 4217 code of the amounts the city's budgets and grants are written in. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code, e.g. KRW'),
  /** The signature block of the ombudsman's documents: the office, and each kind of appointment. */
  signature: z.strictObject({
    office: bilingual,
    standingOmbudsman: bilingual,
    nonStandingOmbudsman: bilingual,
  }),
  /** Where the public reaches the platform, when no proxy tells (links in feeds and documents). */
  publicUrl: z.url({ protocol: /^https?$/ }),
});

export type CityFile = z.infer<typeof citySchema>;

export interface City extends CityFile {
  /** The folder under `datasets/` (RIGHTSCITY_CITY). */
  id: string;
  /** The host of identifiers minted by this installation (`.ics` UIDs): stable for a city. */
  uidHost: string;
}

export class CityConfigError extends Error {}

/** Reads and checks `datasets/<id>/city.json`; throws CityConfigError naming every bad field. */
export function loadCity(id: string, dir: string = datasetsDir): City {
  const path = resolve(dir, id, 'city.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CityConfigError(
      `RIGHTSCITY_CITY=${id}: no city file at ${path}. See README ("A city of its own").`,
    );
  }
  return parseCity(id, text, path);
}

export function parseCity(id: string, text: string, path = `${id}/city.json`): City {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CityConfigError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const result = citySchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new CityConfigError(`Invalid city file ${path}:\n${lines.join('\n')}`);
  }
  // `rightscity.<city>`: the host every .ics UID has carried, so subscribers keep their events.
  return { ...result.data, id, uidHost: `rightscity.${id}` };
}

/** RIGHTSCITY_CITY when it is not set (`config.ts`). */
export const defaultCityId = 'gwangju';

let active: City | undefined;

/**
 * Makes `city` the process's city: the kernel clock (`clock.ts`) follows its time zone. Reading the
 * configuration does this (`readConfig`), so the server, every CLI command and every test app run on
 * the city they were configured with.
 */
export function activateCity(city: City): void {
  active = city;
}

/**
 * The city this process runs for. Code that runs before any configuration was read (a unit test of
 * pure arithmetic) gets the default city, as the configuration itself would.
 */
export function currentCity(): City {
  active ??= loadCity(defaultCityId);
  return active;
}

export function cityName(language: keyof Bilingual): string {
  return currentCity().name[language];
}
