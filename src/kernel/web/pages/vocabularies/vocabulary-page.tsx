/** One vocabulary's terms in a table, each linking to the term's page. */
import { Link, useParams } from 'react-router';
import { useLanguage, useText } from '../../i18n/index.ts';
import { NotFoundPage } from '../../shell/status-pages.tsx';
import { type Column, DataTable, Loaded, Localized, Page } from '../../ui/index.ts';
import { isNotFound, useApiData } from '../../use-api.ts';
import { vocabulariesText } from './messages.ts';
import type { Term, TermList } from './types.ts';

export default function VocabularyPage() {
  const t = useText(vocabulariesText);
  const language = useLanguage();
  const { vocabulary = '' } = useParams();
  const state = useApiData<TermList>(`/vocabularies/${encodeURIComponent(vocabulary)}`);
  if (isNotFound(state.error)) return <NotFoundPage />;
  const name = state.data?.vocabulary.name[language] ?? t('vocabulary');

  const columns: Column<Term>[] = [
    {
      key: 'name',
      header: t('name'),
      rowHeader: true,
      sortValue: (term) => term.name[language],
      cell: (term) => (
        <Link to={`/vocabularies/${term.vocabulary}/${encodeURIComponent(term.code)}`}>
          <Localized text={term.name} englishOnly={term.koMissing} />
        </Link>
      ),
    },
    {
      key: 'code',
      header: t('code'),
      sortValue: (term) => term.code,
      cell: (term) => <code>{term.code}</code>,
    },
    {
      key: 'description',
      header: t('description'),
      cell: (term) =>
        term.description ? <Localized text={term.description} englishOnly={term.koMissing} /> : null,
    },
    { key: 'parent', header: t('parent'), cell: (term) => term.parentCode ?? '' },
  ];

  return (
    <Page title={name}>
      <p>
        <Link to="/vocabularies">{t('backToIndex')}</Link>
      </p>
      <Loaded state={state}>
        {(data) => (
          <>
            <p>
              <Localized text={data.vocabulary.description} />
            </p>
            {language === 'ko' && data.terms.some((term) => term.koMissing) ? (
              <p className="meta">{t('englishOnly')}</p>
            ) : null}
            <DataTable
              caption={t('termsCaption', { name })}
              columns={columns}
              rows={data.terms}
              rowKey={(term) => term.code}
            />
          </>
        )}
      </Loaded>
    </Page>
  );
}
