/**
 * Search results across all public content, grouped by the module that holds them (under the title
 * its web manifest gives). The count is announced, so a screen reader user hears what was found
 * without leaving the search field's neighbourhood.
 */
import { Link, useSearchParams } from 'react-router';
import { useLanguage, useText } from '../../i18n/index.ts';
import { useWebModules } from '../../module.ts';
import { LiveRegion, Loaded, Localized, Notice, Page } from '../../ui/index.ts';
import { useApiData } from '../../use-api.ts';
import { portalText } from './messages.ts';
import type { SearchResult } from './types.ts';

function Results({ query }: { query: string }) {
  const t = useText(portalText);
  const language = useLanguage();
  const modules = useWebModules();
  const state = useApiData<SearchResult>(`/portal/search?q=${encodeURIComponent(query)}`);
  const moduleTitle = (name: string) =>
    modules.find((module) => module.name === name)?.title[language] ?? name;
  return (
    <Loaded state={state}>
      {(result) => (
        <>
          <LiveRegion>
            {result.total === 0
              ? t('searchNone', { query: result.query })
              : t('searchCount', { query: result.query, count: result.total })}
          </LiveRegion>
          {result.groups.map((group) => (
            <section key={group.module} className="section" aria-labelledby={`results-${group.module}`}>
              <h2 id={`results-${group.module}`}>
                {t('searchGroup', { module: moduleTitle(group.module), count: group.hits.length })}
              </h2>
              <ul className="result-list">
                {group.hits.map((hit) => (
                  <li key={`${hit.recordType}:${hit.path}`}>
                    <Link to={hit.path}>
                      <Localized text={hit.title} />
                    </Link>
                    {hit.summary ? (
                      <p className="meta">
                        <Localized text={hit.summary} />
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </Loaded>
  );
}

export default function SearchPage() {
  const t = useText(portalText);
  const [search] = useSearchParams();
  const query = (search.get('q') ?? '').normalize('NFC').trim();
  const tooShort = [...query].length < 2;
  return (
    <Page
      title={tooShort ? t('searchTitle') : t('searchResultsTitle', { query })}
      lead={<p>{t('searchLead')}</p>}
    >
      {tooShort ? <Notice>{t('searchTooShort')}</Notice> : <Results query={query} />}
    </Page>
  );
}
