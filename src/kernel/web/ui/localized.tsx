/**
 * A text stored in both languages, shown in the current one. Where no Korean text exists yet (the
 * server then repeats the English), it is marked `lang="en"` so a screen reader reads it as English.
 */
import type { Bilingual } from '../../shared/language.ts';
import { useLanguage } from '../i18n/index.ts';

export function Localized({ text, englishOnly = false }: { text: Bilingual; englishOnly?: boolean }) {
  const language = useLanguage();
  if (englishOnly && language === 'ko') return <span lang="en">{text.en}</span>;
  return <>{text[language]}</>;
}
