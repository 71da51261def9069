/**
 * One term and every public record tagged with it, across modules: for a charter article, the plan
 * tasks, indicators and assessments that cite it. Records are grouped under their module's title.
 */
import { Fragment } from 'react';
import { Link, useParams } from 'react-router';
import { useLanguage, useText } from '../../i18n/index.ts';
import { useWebModules } from '../../module.ts';
import { NotFoundPage } from '../../shell/status-pages.tsx';
import { Loaded, Localized, Notice, Page } from '../../ui/index.ts';
import { isNotFound, useApiData } from '../../use-api.ts';
import { vocabulariesText } from './messages.ts';
import type { Term, TermPage as TermPageData } from './types.ts';

const dataLabels = {
  headcount: 'dataHeadcount',
  since: 'dataSince',
  note: 'dataNote',
  number: 'dataNumber',
  goal: 'dataGoal',
} as const;

function TermDetails({ term, vocabularyName }: { term: Term; vocabularyName: string }) {
  const t = useText(vocabulariesText);
  const data = Object.entries(term.data).filter(([, value]) => value !== null && value !== '');
  return (
    <dl className="definition-list">
      <dt>{t('vocabulary')}</dt>
      <dd>
        <Link to={`/vocabularies/${term.vocabulary}`}>{vocabularyName}</Link>
      </dd>
      <dt>{t('code')}</dt>
      <dd>
        <code>{term.code}</code>
      </dd>
      {term.description ? (
        <>
          <dt>{t('description')}</dt>
          <dd>
            <Localized text={term.description} englishOnly={term.koMissing} />
          </dd>
        </>
      ) : null}
      {term.parentCode ? (
        <>
          <dt>{t('parent')}</dt>
          <dd>
            <Link to={`/vocabularies/${term.vocabulary}/${encodeURIComponent(term.parentCode)}`}>
              {term.parentCode}
            </Link>
          </dd>
        </>
      ) : null}
      {term.sourceSection ? (
        <>
          <dt>{t('sourceSection')}</dt>
          <dd>{term.sourceSection}</dd>
        </>
      ) : null}
      {data.map(([key, value]) => (
        <Fragment key={key}>
          <dt>{key in dataLabels ? t(dataLabels[key as keyof typeof dataLabels]) : key}</dt>
          {/* Notes in the dataset are written in English. */}
          <dd lang={key === 'note' ? 'en' : undefined}>{String(value)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export default function TermPage() {
  const t = useText(vocabulariesText);
  const language = useLanguage();
  const modules = useWebModules();
  const { vocabulary = '', code = '' } = useParams();
  const state = useApiData<TermPageData>(
    `/vocabularies/${encodeURIComponent(vocabulary)}/${encodeURIComponent(code)}`,
  );
  if (isNotFound(state.error)) return <NotFoundPage />;
  const term = state.data?.term;
  const title = term ? (term.koMissing ? term.name.en : term.name[language]) : code;

  return (
    <Page title={title}>
      <Loaded state={state}>
        {(data) => {
          const vocabularyName = data.vocabulary.name[language];
          return (
            <>
              <p>
                <Link to={`/vocabularies/${data.vocabulary.id}`}>
                  {t('backToVocabulary', { name: vocabularyName })}
                </Link>
              </p>
              {data.term.isSample ? <Notice tone="warning">{t('sample')}</Notice> : null}
              <h2>{t('termDetails')}</h2>
              <TermDetails term={data.term} vocabularyName={vocabularyName} />
              <h2>{t('recordsTitle')}</h2>
              {data.modules.length === 0 ? (
                <Notice>
                  <p>{t('recordsEmpty')}</p>
                </Notice>
              ) : (
                data.modules.map((group) => {
                  const module = modules.find((candidate) => candidate.name === group.module);
                  const moduleTitle = module ? module.title[language] : group.module;
                  return (
                    <section key={group.module} aria-labelledby={`records-${group.module}`}>
                      <h3 id={`records-${group.module}`}>
                        {t('recordsOfModule', { module: moduleTitle, count: group.records.length })}
                      </h3>
                      <ul>
                        {group.records.map((record) => (
                          <li key={`${record.recordType}/${record.recordId}`}>
                            <Link to={record.path}>
                              <Localized text={record.title} />
                            </Link>
                            {record.isSample ? <span className="meta"> ({t('sample')})</span> : null}
                          </li>
                        ))}
                      </ul>
                    </section>
                  );
                })
              )}
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
