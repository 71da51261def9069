/**
 * The city's links with the UN human rights system, for everyone: each UN document or recommendation
 * with its symbol, year and body (where the seed gives them), the seed's words about it, and the
 * records of the platform that answer it; then the projects, such as the proposed International
 * Human Rights Education Center.
 */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Project, UnDocument, UnRegister } from '../contract.ts';
import { forumText } from './messages.ts';
import { overviewPath, unRecommendationsPath } from './paths.ts';
import './forum.css';

function Document({ document }: { document: UnDocument }) {
  const t = useText(forumText);
  const language = useLanguage();
  const headingId = `document-${document.id}`;
  return (
    <li className="card">
      <h3 id={headingId}>{document.title[language]}</h3>
      <dl className="definition-list">
        <dt>{t('kind')}</dt>
        <dd>{t(`kind_${document.kind}`)}</dd>
        <dt>{t('symbol')}</dt>
        <dd>{document.symbol ?? <span className="meta">{t('notStated')}</span>}</dd>
        <dt>{t('documentYear')}</dt>
        <dd>{document.year ?? <span className="meta">{t('notStated')}</span>}</dd>
        <dt>{t('body')}</dt>
        <dd>{document.body ? document.body[language] : <span className="meta">{t('notStated')}</span>}</dd>
        {document.quote ? (
          <>
            <dt>{t('quote')}</dt>
            <dd>
              <q lang="en">{document.quote}</q>
              {document.sourceSection ? <span className="meta"> ({document.sourceSection})</span> : null}
            </dd>
          </>
        ) : null}
        {document.note ? (
          <>
            <dt>{t('note')}</dt>
            <dd lang="en">{document.note}</dd>
          </>
        ) : null}
      </dl>
      <h4>{t('answeredBy')}</h4>
      {document.links.length === 0 ? (
        <p>{t('noLinks')}</p>
      ) : (
        <ul>
          {document.links.map((link) => (
            <li key={link.id}>
              {link.path ? <Link to={link.path}>{link.title[language]}</Link> : link.title[language]}{' '}
              <span className="meta">
                ({link.module} · {link.recordType}
                {link.recordId ? ` · ${link.recordId}` : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ProjectCard({ project }: { project: Project }) {
  const t = useText(forumText);
  const language = useLanguage();
  return (
    <li className="card">
      <h3 id={`project-${project.id}`}>{project.name[language]}</h3>
      <dl className="definition-list">
        <dt>{t('status')}</dt>
        <dd>{t(`status_${project.status}`)}</dd>
        {project.quote ? (
          <>
            <dt>{t('quote')}</dt>
            <dd>
              <q lang="en">{project.quote}</q>
              {project.sourceSection ? <span className="meta"> ({project.sourceSection})</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      <p>{project.description[language]}</p>
    </li>
  );
}

export default function UnPage() {
  const t = useText(forumText);
  const state = useApiData<UnRegister>('/forum/un');
  return (
    <Page title={t('unTitle')} lead={<p>{t('unLead')}</p>}>
      <p>
        <Link to={overviewPath}>{t('backToOverview')}</Link>
      </p>
      <p>
        <Link to={unRecommendationsPath}>{t('unRecommendations')}</Link>
      </p>
      <Loaded state={state}>
        {(register) => (
          <>
            <section className="section" aria-labelledby="documents">
              <h2 id="documents">{t('documentsTitle')}</h2>
              <ul className="forum-register">
                {register.documents.map((document) => (
                  <Document key={document.id} document={document} />
                ))}
              </ul>
            </section>
            <section className="section" aria-labelledby="projects">
              <h2 id="projects">{t('projectsTitle')}</h2>
              <ul className="forum-register">
                {register.projects.map((project) => (
                  <ProjectCard key={project.id} project={project} />
                ))}
              </ul>
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
