/**
 * One case file. Opening it asks why (the server logs every read with its purpose); then the case,
 * the identity (only when the server sends it: the standing and assigned ombudsmen), notes,
 * information requests, recommendations with their printable letters, files, the history, and the
 * steps the reader may take now (the server's `allowedActions`), each as its own small form. A step
 * carries the version read; if someone changed the case meanwhile, the 409 is explained and the
 * latest version is one button away. The standing ombudsman can review the case's access log.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { roles } from '../../../kernel/shared/roles.ts';
import { ApiError, api, apiBase, query } from '../../../kernel/web/api.ts';
import { type MessageKey, type Translate, useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import type { TermList } from '../../../kernel/web/pages/vocabularies/types.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import { StoredFileList } from '../../../kernel/web/ui/file-upload.tsx';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  formatDateTime,
  formatNumber,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import {
  type accessLogSchema,
  type CaseAction,
  type CaseView,
  caseActions,
  type Identity,
} from '../contract.ts';
import { Actions } from './case-actions.tsx';
import { CaseEditForm } from './case-edit.tsx';
import { caseFileText } from './case-file-messages.ts';
import { DecisionSection } from './decision-section.tsx';
import { GrantHistory } from './grant-history.tsx';
import { ombudsmanText } from './messages.ts';
import { isOneOf } from './one-of.ts';
import { casesPath } from './paths.ts';
import { StageName, useMembers } from './shared.tsx';
import { ombudsmanStaffText } from './staff-messages.ts';
import { TextField } from './text-field.tsx';
import { TimelineDetail } from './timeline-detail.tsx';
import './ombudsman.css';

function casePathOf(id: string, read: { purpose: string; opening?: string }) {
  return `/ombudsman/cases/${encodeURIComponent(id)}${query(read)}`;
}

export default function CasePage() {
  const { id = '' } = useParams();
  const [opened, setOpened] = useState<{ view: CaseView; purpose: string } | null>(null);
  if (!opened) return <PurposeForm id={id} onOpen={(view, purpose) => setOpened({ view, purpose })} />;
  return <CaseFile key={id} initial={opened.view} purpose={opened.purpose} />;
}

function PurposeForm({ id, onOpen }: { id: string; onOpen: (view: CaseView, purpose: string) => void }) {
  const t = useText(ombudsmanStaffText);
  const form = useForm({ fields: ['purpose'] });
  const [purpose, setPurpose] = useState('');
  const submit = form.submit(async () => {
    onOpen(await api<CaseView>(casePathOf(id, { purpose }), { fresh: true }), purpose);
  });
  return (
    <Page title={t('caseTitleLoading')} lead={<p>{t('purposeLead')}</p>}>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField
          name="purpose"
          label={t('purpose')}
          hint={t('purposeHint')}
          value={purpose}
          onChange={setPurpose}
          error={form.errorFor('purpose')}
          required
        />
        <Button type="submit" disabled={form.pending}>
          {t('openCase')}
        </Button>
      </form>
      <p>
        <Link to={casesPath}>{t('backToCases')}</Link>
      </p>
    </Page>
  );
}

function useDepartments() {
  const language = useLanguage();
  const departments = useApiData<TermList>('/vocabularies/departments');
  const terms = departments.data?.terms ?? [];
  const nameOf = (code: string) => terms.find((term) => term.code === code)?.name[language] ?? code;
  return { terms, nameOf };
}

function CaseFile({ initial, purpose }: { initial: CaseView; purpose: string }) {
  const t = useText(ombudsmanStaffText);
  const publicText = useText(ombudsmanText);
  const fileText = useText(caseFileText);
  const language = useLanguage();
  const [view, setView] = useState(initial);
  const [message, setMessage] = useState('');
  const { members, nameOf } = useMembers();
  const departments = useDepartments();
  const rights = useApiData<TermList>('/vocabularies/rights');
  const rightName = (terms: TermList['terms'], code: string) =>
    terms.find((term) => term.code === code)?.name[language] ?? code;
  const departmentColumn = <Row extends { departmentCode: string }>(): Column<Row> => ({
    key: 'department',
    header: t('department'),
    rowHeader: true,
    cell: (row) => departments.nameOf(row.departmentCode),
  });

  // The purpose form is gone: start reading at the case's heading.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, []);

  // The same opening: the server logged it once, when the purpose was given.
  async function reload() {
    setView(await api<CaseView>(casePathOf(view.id, { purpose, opening: view.openingId }), { fresh: true }));
  }
  const personName = (userId: string | null) =>
    (userId ? view.people[userId]?.name : undefined) ?? nameOf(userId);

  async function done(action: CaseAction) {
    const text = t('done', { action: t(`action_${action}`) });
    setMessage(text);
    await reload();
  }

  const title = t('caseTitle', { receipt: view.receiptNumber ?? t('ownMotion') });
  const documentUrl = (path: string) =>
    `${apiBase}/ombudsman/cases/${view.id}/documents/${path}?lang=${language}`;

  return (
    <Page title={title}>
      <p>
        <Link to={casesPath}>{t('backToCases')}</Link>
      </p>
      <LiveRegion>{message ? <p className="notice notice--success">{message}</p> : null}</LiveRegion>

      <section aria-labelledby="facts-title">
        <h2 id="facts-title">{t('facts')}</h2>
        <dl className="definition-list case-facts">
          <dt>{t('status')}</dt>
          <dd>
            <StageName status={view.status} />
          </dd>
          <dt>{t('origin')}</dt>
          <dd>
            {t(`origin_${view.origin}`)}
            {view.anonymous ? `, ${t('anonymousCase')}` : ''}
            {view.onBehalf ? `, ${t('onBehalfCase')}` : ''}
          </dd>
          <dt>{t('channel')}</dt>
          <dd>{channelName(t, view.channel)}</dd>
          <dt>{t('respondent')}</dt>
          <dd>
            {view.respondent} ({publicText(`respondentType_${view.respondentType}`)})
          </dd>
          <dt>{t('summary')}</dt>
          <dd>{view.summary}</dd>
          {view.description !== undefined ? (
            <>
              <dt>{t('description')}</dt>
              <dd className="pre-wrap">{view.description}</dd>
            </>
          ) : null}
          <dt>{t('occurred')}</dt>
          <dd>{[view.occurredOn, view.occurredPlace].filter(Boolean).join(', ') || t('none')}</dd>
          <dt>{t('rights')}</dt>
          <dd>
            {/* Names, never bare codes: the list waits for the vocabulary (and says so while it loads). */}
            <Loaded state={rights}>
              {(list) => view.rights.map((code) => rightName(list.terms, code)).join(', ') || t('none')}
            </Loaded>
          </dd>
          <dt>{t('receivedAt')}</dt>
          <dd>{formatDateTime(view.receivedAt, language)}</dd>
          <dt>{t('updatedAt')}</dt>
          <dd>{formatDateTime(view.updatedAt, language)}</dd>
          <dt>{t('assignedTo')}</dt>
          <dd>{view.assignedTo.map(nameOf).join(', ') || t('none')}</dd>
          {view.assessmentReason ? (
            <>
              <dt>{t('assessmentReason')}</dt>
              <dd>{view.assessmentReason}</dd>
            </>
          ) : null}
          {view.referredTo ? (
            <>
              <dt>{t('referredTo')}</dt>
              <dd>{view.referredTo}</dd>
            </>
          ) : null}
          {view.decision ? (
            <>
              <dt>{t('decision')}</dt>
              <dd>{publicText(`outcome_${view.decision}`)}</dd>
            </>
          ) : null}
          {view.closedReason ? (
            <>
              <dt>{t('closedReason')}</dt>
              <dd>{publicText(`outcome_${view.closedReason}`)}</dd>
            </>
          ) : null}
        </dl>
        {view.needToKnow ? (
          <Notice>
            <p>{t('descriptionWithheld')}</p>
          </Notice>
        ) : null}
        {view.pseudonymised ? <Notice>{t('pseudonymised')}</Notice> : null}
      </section>

      {view.identity ? <IdentitySection identity={view.identity} /> : null}

      <DecisionSection view={view} />

      <Actions
        view={view}
        members={members}
        departments={departments.terms}
        onDone={done}
        onReload={reload}
      />

      {/* The server sends identity to the standing and assigned ombudsmen only: the caseworkers, who
          may also correct the case's particulars. */}
      {view.identity ? (
        <CaseEditForm
          key={view.version}
          view={view}
          onSaved={async (text) => {
            setMessage(text);
            await reload();
          }}
          onReload={reload}
        />
      ) : null}

      <section className="section" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('notes')}</h2>
        {view.notes.length === 0 ? (
          <p>{t('notesEmpty')}</p>
        ) : (
          <ul>
            {view.notes.map((note) => (
              <li key={`${note.createdAt}-${note.authorId}`}>
                <p className="meta">
                  {note.authorName ?? personName(note.authorId)}, {formatDateTime(note.createdAt, language)}
                </p>
                <p className="pre-wrap">{note.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="requests-title">
        <h2 id="requests-title">{t('infoRequests')}</h2>
        <DataTable
          caption={t('infoRequestsCaption')}
          rows={view.informationRequests}
          rowKey={(row) => row.id}
          columns={[
            departmentColumn(),
            {
              key: 'question',
              header: t('question'),
              cell: (row) => <span className="pre-wrap">{row.question}</span>,
            },
            { key: 'due', header: t('dueOn'), cell: (row) => row.dueOn },
            {
              key: 'answer',
              header: t('answer'),
              cell: (row) =>
                row.answer === null ? t('notAnswered') : <span className="pre-wrap">{row.answer}</span>,
            },
          ]}
        />
      </section>

      <section className="section" aria-labelledby="recommendations-title">
        <h2 id="recommendations-title">{t('recommendations')}</h2>
        <DataTable
          caption={t('recommendationsCaption')}
          rows={view.recommendations}
          rowKey={(row) => row.id}
          columns={[
            departmentColumn(),
            { key: 'body', header: t('body'), cell: (row) => <span className="pre-wrap">{row.body}</span> },
            { key: 'due', header: t('dueOn'), cell: (row) => row.dueOn ?? '–' },
            {
              key: 'issued',
              header: t('issuedAt'),
              cell: (row) => (row.issuedAt ? formatDateTime(row.issuedAt, language) : t('notIssued')),
            },
            {
              key: 'response',
              header: t('response'),
              cell: (row) =>
                row.response ? (
                  <>
                    {t(`response_${row.response}`)}
                    {row.responseReason ? `: ${row.responseReason}` : ''}
                    {row.implemented ? ` (${t('implemented')})` : ''}
                    {row.implementationEvidence ? (
                      <span className="pre-wrap evidence-text">
                        {t('implementationEvidenceShown')}: {row.implementationEvidence}
                      </span>
                    ) : null}
                  </>
                ) : (
                  t('notAnswered')
                ),
            },
            {
              key: 'followUp',
              header: t('reports'),
              cell: (row) =>
                row.closedAt && row.closedOutcome
                  ? t('followUpClosed', {
                      outcome: t(`closedOutcome_${row.closedOutcome}`),
                      time: formatDateTime(row.closedAt, language),
                    })
                  : row.issuedAt
                    ? `${t('followUpOpen')} (${formatNumber(row.reports.length)})`
                    : '',
            },
            {
              key: 'letter',
              header: t('letter'),
              cell: (row) => (
                <a href={documentUrl(`recommendation/${row.id}`)} target="_blank" rel="noreferrer">
                  {t('letterOf', { department: departments.nameOf(row.departmentCode) })}
                </a>
              ),
            },
          ]}
        />
      </section>

      <FollowUp
        view={view}
        departmentName={departments.nameOf}
        mayClose={view.allowedActions.includes('add_note')}
        onClosed={async () => {
          setMessage(t('closedDone'));
          await reload();
        }}
      />

      {view.decision || view.attachments.length > 0 ? (
        <section className="section" aria-labelledby="documents-title">
          <h2 id="documents-title">{t('documents')}</h2>
          <ul>
            {view.decision ? (
              <li>
                <a href={documentUrl('decision')} target="_blank" rel="noreferrer">
                  {t('decisionDocument')}
                </a>
              </li>
            ) : null}
            {view.attachments.map((file, index) => (
              <li key={file.id}>
                <a
                  href={`${apiBase}/ombudsman/cases/${view.id}/attachments/${file.id}${query({ purpose })}`}
                  download
                >
                  {file.name
                    ? t('attachmentNamed', {
                        name: file.name,
                        type: file.contentType,
                        size: `${formatNumber(Math.ceil(file.sizeBytes / 1024))} KB`,
                      })
                    : t('attachmentLabel', {
                        number: index + 1,
                        type: file.contentType,
                        size: `${formatNumber(Math.ceil(file.sizeBytes / 1024))} KB`,
                      })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section" aria-labelledby="history-title">
        <h2 id="history-title">{t('history')}</h2>
        <DataTable
          caption={t('historyCaption')}
          rows={view.events}
          rowKey={(row) => `${row.at}-${row.action}-${row.toStatus}`}
          columns={[
            {
              key: 'when',
              header: t('when'),
              rowHeader: true,
              cell: (row) => formatDateTime(row.at, language),
            },
            {
              key: 'who',
              header: t('who'),
              cell: (row) => row.actorName ?? (row.actorId ? personName(row.actorId) : '–'),
            },
            { key: 'what', header: t('what'), cell: (row) => eventName(t, row.action) },
            {
              key: 'details',
              header: fileText('details'),
              cell: (row) => <TimelineDetail entry={row} departmentName={departments.nameOf} />,
            },
            {
              key: 'stage',
              header: t('stage'),
              cell: (row) => publicText(`statusShort_${row.toStatus as CaseView['status']}`),
            },
          ]}
        />
      </section>

      <AccessLogSection caseId={view.id} />
    </Page>
  );
}

type StaffTranslate = Translate<MessageKey<typeof ombudsmanStaffText>>;

function roleName(t: StaffTranslate, role: string): string {
  return isOneOf(roles, role) ? t(`role_${role}`) : role;
}

/**
 * Each issued recommendation's follow-up: the department's implementation reports (who, when, what,
 * with their evidence files), and for the standing or assigned ombudsman a form to close it.
 */
function FollowUp({
  view,
  departmentName,
  mayClose,
  onClosed,
}: {
  view: CaseView;
  departmentName: (code: string) => string;
  mayClose: boolean;
  onClosed: () => Promise<void>;
}) {
  const t = useText(ombudsmanStaffText);
  const language = useLanguage();
  const issued = view.recommendations.filter((recommendation) => recommendation.issuedAt !== null);
  if (issued.length === 0) return null;
  return (
    <section className="section" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('reports')}</h2>
      {issued.map((recommendation) => (
        <section key={recommendation.id} aria-labelledby={`reports-${recommendation.id}`}>
          <h3 id={`reports-${recommendation.id}`}>
            {t('reportsOf', { department: departmentName(recommendation.departmentCode) })}
          </h3>
          {recommendation.reports.length === 0 ? (
            <p>{t('reportsEmpty')}</p>
          ) : (
            <ol className="report-list">
              {recommendation.reports.map((report) => (
                <li key={report.id}>
                  <p className="meta">
                    {t('reportBy', {
                      name: report.authorName,
                      time: formatDateTime(report.createdAt, language),
                    })}
                  </p>
                  <p className="pre-wrap">{report.body}</p>
                  {report.files.length > 0 ? (
                    <StoredFileList
                      files={report.files}
                      href={(file) =>
                        `${apiBase}/ombudsman/recommendations/${recommendation.id}/reports/${report.id}/files/${file.id}`
                      }
                    />
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {recommendation.closedAt && recommendation.closedOutcome ? (
            <p>
              {t('followUpClosed', {
                outcome: t(`closedOutcome_${recommendation.closedOutcome}`),
                time: formatDateTime(recommendation.closedAt, language),
              })}
            </p>
          ) : mayClose ? (
            <CloseRecommendation
              recommendationId={recommendation.id}
              department={departmentName(recommendation.departmentCode)}
              onClosed={onClosed}
            />
          ) : null}
        </section>
      ))}
    </section>
  );
}

function CloseRecommendation({
  recommendationId,
  department,
  onClosed,
}: {
  recommendationId: string;
  department: string;
  onClosed: () => Promise<void>;
}) {
  const t = useText(ombudsmanStaffText);
  const name = `outcome-${recommendationId}`;
  const form = useForm({ fields: ['outcome'], controls: { outcome: name } });
  const [outcome, setOutcome] = useState<'implemented' | 'not_implemented'>('implemented');
  const submit = form.submit(async () => {
    await api(`/ombudsman/recommendations/${encodeURIComponent(recommendationId)}/closure`, {
      method: 'POST',
      body: { outcome },
    });
    await onClosed();
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={submit}
      aria-label={t('closeRecommendationOf', { department })}
    >
      <ErrorSummary form={form} />
      <SelectField
        name={name}
        label={t('closeOutcome')}
        value={outcome}
        onChange={setOutcome}
        options={(['implemented', 'not_implemented'] as const).map((value) => ({
          value,
          label: t(`closedOutcome_${value}`),
        }))}
        error={form.errorFor('outcome')}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('closeRecommendation')}
      </Button>
    </form>
  );
}

const channels = ['online', 'phone', 'visit', 'letter', 'outreach', 'own_motion'] as const;
/** What the history records: the workflow's steps, and the events that are not steps. */
const eventActions = [...caseActions, 'receive', 'open_own_motion', 'pseudonymise', 'edit'] as const;

function channelName(t: StaffTranslate, channel: string): string {
  return isOneOf(channels, channel) ? t(`channel_${channel}`) : channel;
}

function eventName(t: StaffTranslate, action: string): string {
  return isOneOf(eventActions, action) ? t(`action_${action}`) : action;
}

function Person({ label, person }: { label: string; person: Identity['complainant'] }) {
  const t = useText(ombudsmanStaffText);
  const publicText = useText(ombudsmanText);
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {person
          ? [
              person.name,
              person.phone ? `${publicText('phone')} ${person.phone}` : undefined,
              person.email ? `${publicText('email')} ${person.email}` : undefined,
            ]
              .filter(Boolean)
              .join(', ')
          : t('none')}
      </dd>
    </>
  );
}

function IdentitySection({ identity }: { identity: Identity }) {
  const t = useText(ombudsmanStaffText);
  return (
    <section className="section" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('identity')}</h2>
      <p className="meta">{t('identityLead')}</p>
      <dl className="definition-list">
        <Person label={t('complainant')} person={identity.complainant} />
        <Person label={t('victim')} person={identity.victim} />
        {identity.witnesses.map((witness, index) => (
          <Person
            // biome-ignore lint/suspicious/noArrayIndexKey: the witnesses are listed as recorded, never reordered.
            key={index}
            label={`${t('witnesses')} ${index + 1}`}
            person={witness}
          />
        ))}
      </dl>
    </section>
  );
}

type AccessLog = z.infer<typeof accessLogSchema>;

/** Loaded on request only: reading the log is the standing ombudsman's review, not every visit's. */
function AccessLogSection({ caseId }: { caseId: string }) {
  const t = useText(ombudsmanStaffText);
  const language = useLanguage();
  const { user } = useSession();
  const [log, setLog] = useState<AccessLog | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  if (user?.role !== 'ombudsman') return null;

  async function show() {
    try {
      setLog(
        await api<AccessLog>(`/ombudsman/cases/${encodeURIComponent(caseId)}/access-log`, { fresh: true }),
      );
      setProblem(null);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error);
    }
  }

  return (
    <section className="section" aria-labelledby="access-log-title">
      <h2 id="access-log-title">{t('accessLog')}</h2>
      <p>{t('accessLogLead')}</p>
      <Button variant="secondary" onClick={() => void show()}>
        {t('showAccessLog')}
      </Button>
      <LiveRegion>{problem ? <p className="notice notice--error">{problem.title}</p> : null}</LiveRegion>
      {log ? (
        <DataTable
          caption={t('accessLogCaption')}
          rows={log.entries}
          rowKey={(row) => `${row.at}-${row.actorId}-${row.reason}`}
          columns={[
            {
              key: 'when',
              header: t('when'),
              rowHeader: true,
              cell: (row) => formatDateTime(row.at, language),
            },
            { key: 'who', header: t('who'), cell: (row) => row.actorName },
            { key: 'role', header: t('readerRole'), cell: (row) => roleName(t, row.actorRole) },
            { key: 'what', header: t('readWhat'), cell: (row) => t(`what_${row.what}`) },
            { key: 'why', header: t('purpose'), cell: (row) => row.reason },
            { key: 'ip', header: t('ip'), cell: (row) => row.ip ?? '' },
          ]}
        />
      ) : null}
      {log ? <GrantHistory level={3} /> : null}
    </section>
  );
}
