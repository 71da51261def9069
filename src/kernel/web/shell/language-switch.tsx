/**
 * Switches between Korean and English on the page the visitor is on. The path and query stay; only a
 * `?lang=` in the URL is updated, so that the URL never asks for the other language than the one shown.
 */
import { useLocation, useNavigate } from 'react-router';
import type { Language } from '../../shared/language.ts';
import { languageInQuery, setLanguage, useLanguage, useText } from '../i18n/index.ts';
import { shellText } from '../i18n/shell.ts';

export function LanguageSwitch() {
  const t = useText(shellText);
  const language = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  const other: Language = language === 'ko' ? 'en' : 'ko';

  function switchLanguage() {
    setLanguage(other);
    if (languageInQuery(location.search)) {
      const params = new URLSearchParams(location.search);
      params.set('lang', other);
      navigate({ pathname: location.pathname, search: `?${params}`, hash: location.hash }, { replace: true });
    }
  }

  return (
    <button type="button" className="language-switch" lang={other} onClick={switchLanguage}>
      {t('otherLanguage')}
    </button>
  );
}
