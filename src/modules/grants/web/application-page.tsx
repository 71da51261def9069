/**
 * One application, for its organisation and (once submitted) for the office. The organisation edits
 * and submits its draft here, attaches files, and files reports once the grant is awarded; the office
 * reviews, selects, awards and plans the payments.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import { type Column, DataTable, LiveRegion, Loaded, Notice, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Application } from '../contract.ts';
import { AttachmentList, AttachmentsForm, DraftForm } from './draft-form.tsx';
import { grantsText } from './messages.ts';
import { callPath } from './paths.ts';
import { Reports } from './reports.tsx';
import { ReviewPanel, Tranches } from './review-panel.tsx';
import { Money } from './shared.tsx';

type BudgetLine = Application['budgetLines'][number];

function Details({ application }: { application: Application }) {
  const t = useText(grantsText);
  const language = useLanguage();
  const currency = application.call.currency;
  const lines: Column<BudgetLine>[] = [
    { key: 'item', header: t('budgetLines'), rowHeader: true, cell: (row) => row.item },
    {
      key: 'amount',
      header: t('amount'),
      numeric: true,
      cell: (row) => <Money amount={row.amount} currency={currency} />,
    },
  ];
  return (
    <section className="section" aria-labelledby="grants-details">
      <h2 id="grants-details">{t('detailsTitle')}</h2>
      <dl className="definition-list">
        <dt>{t('programme')}</dt>
        <dd>
          <Link to={callPath(application.call.id)}>{application.call.title[language]}</Link>
        </dd>
        <dt>{t('organisation')}</dt>
        <dd>{application.organisation.name}</dd>
        <dt>{t('status')}</dt>
        <dd>{t(`status_${application.status}`)}</dd>
        <dt>{t('amountRequested')}</dt>
        <dd>
          <Money amount={application.amountRequested} currency={currency} />
        </dd>
        {application.amountAwarded !== null ? (
          <>
            <dt>{t('amountAwarded')}</dt>
            <dd>
              <Money amount={application.amountAwarded} currency={currency} />
            </dd>
          </>
        ) : null}
      </dl>
      <p className="prose">{application.summary}</p>
      <DataTable
        caption={t('budgetCaption')}
        columns={lines}
        rows={application.budgetLines}
        rowKey={(row) => row.item}
      />
      <h3>{t('attachmentsTitle')}</h3>
      <AttachmentList application={application} />
    </section>
  );
}

export default function ApplicationPage() {
  const t = useText(grantsText);
  const { id = '' } = useParams();
  const { user } = useSession();
  const state = useApiData<Application>(`/grants/applications/${encodeURIComponent(id)}`);
  const [message, setMessage] = useState('');
  const changed = (text: string) => {
    setMessage(text);
    state.reload();
  };
  const office = user?.role === 'officer' || user?.role === 'admin';
  const title = state.data
    ? t('applicationTitle', { title: state.data.title || t('untitled') })
    : t('detailsTitle');
  return (
    <Page title={title}>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {(application) => {
          const owner = user?.role === 'organisation';
          const draft = application.status === 'draft';
          const funded = application.status === 'awarded' || application.status === 'completed';
          return (
            <>
              {owner && draft ? (
                <>
                  <DraftForm key={application.version} application={application} onChanged={changed} />
                  <AttachmentsForm
                    key={`files-${application.attachments.length}`}
                    application={application}
                    onChanged={changed}
                  />
                </>
              ) : (
                <Details application={application} />
              )}
              {office ? (
                <ReviewPanel key={application.version} application={application} onChanged={changed} />
              ) : null}
              {owner && funded ? (
                <Tranches application={application} office={false} onChanged={changed} />
              ) : null}
              {funded ? (
                <Reports
                  application={application}
                  canFile={owner && application.status === 'awarded'}
                  onChanged={changed}
                />
              ) : null}
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
