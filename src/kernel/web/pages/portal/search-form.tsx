/**
 * The site search in the page header: a search landmark with a labelled field, submitted by Enter or
 * the button, leading to `/search?q=`. A plain GET form, so it works before the app has loaded.
 */
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useText } from '../../i18n/index.ts';
import { portalText } from './messages.ts';

export function SearchForm() {
  const t = useText(portalText);
  const navigate = useNavigate();
  const [query, setQuery] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(`/search?q=${encodeURIComponent(query.trim())}`);
  }

  return (
    <search className="site-search">
      <form action="/search" method="get" onSubmit={submit} aria-label={t('searchLabel')}>
        <label htmlFor="site-search-q" className="visually-hidden">
          {t('searchField')}
        </label>
        <input
          id="site-search-q"
          name="q"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoComplete="off"
        />
        <button type="submit">{t('searchButton')}</button>
      </form>
    </search>
  );
}
