/** Korean is the default language; English is the second. Shared by server and web. */
export const languages = ['ko', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'ko';

/** A text in both languages, as stored in the database and the dataset. */
export interface Bilingual {
  ko: string;
  en: string;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'ko' || value === 'en';
}
