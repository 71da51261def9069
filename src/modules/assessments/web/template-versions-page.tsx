/**
 * Every version of one template, newest first: when and by whom it was written, what it changed in
 * sections and items against the version before, and which assessments use it (they keep it whatever
 * follows). One section per version with its own heading, so a screen reader moves version by version.
 */
import { Link, useParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { formatDateTime, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { TemplateChanges, TemplateHistory } from '../contract.ts';
import { assessmentsText } from './messages.ts';
import { assessmentPath, templatesPath } from './paths.ts';
import { StepName } from './shared.tsx';
import './assessments.css';

type Version = TemplateHistory['versions'][number];

function ChangeList({ changes }: { changes: TemplateChanges }) {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const lines: string[] = [];
  if (changes.titleChanged) lines.push(t('changedTitle'));
  if (changes.subjectKindChanged) lines.push(t('changedKind'));
  const named = (
    key: 'sectionAdded' | 'sectionRemoved' | 'sectionRenamed' | 'itemAdded' | 'itemRemoved',
    entries: { name: { ko: string; en: string } }[],
  ) => {
    for (const entry of entries) lines.push(t(key, { name: entry.name[language] }));
  };
  named('sectionAdded', changes.sectionsAdded);
  named('sectionRemoved', changes.sectionsRemoved);
  named('sectionRenamed', changes.sectionsRenamed);
  named('itemAdded', changes.itemsAdded);
  named('itemRemoved', changes.itemsRemoved);
  for (const entry of changes.itemsChanged) {
    const fields = entry.fields.map((field) => t(`field_${field}`)).join(', ');
    lines.push(t('itemChanged', { name: entry.name[language], fields }));
  }
  if (lines.length === 0) return <p>{t('noChanges')}</p>;
  return (
    <ul>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function VersionSection({ entry }: { entry: Version }) {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const heading = `version-${entry.version}`;
  return (
    <section className="section" aria-labelledby={heading}>
      <h2 id={heading}>{t('versionHeading', { version: entry.version, title: entry.title[language] })}</h2>
      <dl className="definition-list">
        <dt>{t('writtenAt')}</dt>
        <dd>{formatDateTime(entry.createdAt, language)}</dd>
        <dt>{t('writtenBy')}</dt>
        <dd>{entry.createdBy ?? t('writtenByDataset')}</dd>
        <dt>{t('versionSize')}</dt>
        <dd>{t('sectionsAndItems', { sections: entry.sectionCount, items: entry.itemCount })}</dd>
      </dl>
      <h3>{t('whatChangedVersion')}</h3>
      {entry.changes ? <ChangeList changes={entry.changes} /> : <p>{t('firstVersion')}</p>}
      <h3>{t('usedBy')}</h3>
      {entry.assessments.length === 0 ? (
        <p>{t('usedByNone')}</p>
      ) : (
        <ul>
          {entry.assessments.map((use) => (
            <li key={use.id}>
              <Link to={assessmentPath(use.id)}>
                {t('usedByEntry', { subject: use.subjectTitle, year: use.year })}
              </Link>{' '}
              <span className="meta">
                (<StepName step={use.step} />)
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function TemplateVersionsPage() {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const { key = '' } = useParams();
  const state = useApiData<TemplateHistory>(`/assessments/templates/${encodeURIComponent(key)}/versions`);
  const newest = state.data?.versions.at(-1);
  return (
    <Page
      title={newest ? t('versionsTitle', { title: newest.title[language] }) : t('templatesTitle')}
      lead={<p>{t('versionsLead')}</p>}
    >
      <Loaded state={state}>
        {({ versions }) => (
          <>
            {[...versions].reverse().map((entry) => (
              <VersionSection key={entry.version} entry={entry} />
            ))}
          </>
        )}
      </Loaded>
      <p>
        <Link to={templatesPath}>{t('backToTemplates')}</Link>
      </p>
    </Page>
  );
}
