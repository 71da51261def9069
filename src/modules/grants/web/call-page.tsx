/**
 * One call: its programme, budget, dates, who may apply and how applications are scored. An
 * organisation with a profile starts an application here (a draft it then fills in); the office goes
 * on to the call's applications.
 */
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  Loaded,
  Notice,
  Page,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Call, Organisation } from '../contract.ts';
import { grantsText } from './messages.ts';
import { applicationPath, officePath, organisationPath, overviewPath } from './paths.ts';
import { Money } from './shared.tsx';

function ApplyForm({ call }: { call: Call }) {
  const t = useText(grantsText);
  const navigate = useNavigate();
  const profile = useApiData<{ organisation: Organisation | null }>('/grants/organisation');
  const form = useForm<never>({ fields: [] });
  if (!call.isOpen) return <Notice>{t('notOpen')}</Notice>;
  if (profile.data && profile.data.organisation === null) {
    return (
      <Notice>
        <p>{t('applyNeedsProfile')}</p>
        <p>
          <Link to={organisationPath}>{t('profileLink')}</Link>
        </p>
      </Notice>
    );
  }
  const start = form.submit(async () => {
    const { id } = await api<{ id: string }>('/grants/applications', {
      method: 'POST',
      body: {
        callId: call.id,
        title: '',
        summary: '',
        publicTitle: null,
        district: null,
        amountRequested: 0,
        budgetLines: [],
      },
    });
    navigate(applicationPath(id));
  });
  return (
    <form noValidate onSubmit={start}>
      <ErrorSummary form={form} />
      <Button type="submit" disabled={form.pending || profile.loading}>
        {t('apply')}
      </Button>
    </form>
  );
}

function CallDetails({ call }: { call: Call }) {
  const t = useText(grantsText);
  const language = useLanguage();
  const { user } = useSession();
  const rubric: Column<Call['criteria'][number]>[] = [
    { key: 'name', header: t('criterion'), rowHeader: true, cell: (row) => row.name[language] },
    { key: 'weight', header: t('weight'), numeric: true, cell: (row) => row.weight },
  ];
  return (
    <>
      <p>{call.description[language]}</p>
      <dl className="definition-list">
        <dt>{t('callKind')}</dt>
        <dd>{t(`kind_${call.kind}`)}</dd>
        <dt>{t('applicationPeriod')}</dt>
        <dd>
          {t('callDates', { from: call.opensOn, to: call.closesOn })} (
          {call.isOpen ? t('callOpen') : t('callClosed')})
        </dd>
        <dt>{t('budget')}</dt>
        <dd>
          <Money amount={call.budget} currency={call.currency} />
        </dd>
        <dt>{t('maxAmount')}</dt>
        <dd>
          <Money amount={call.maxAmount} currency={call.currency} />
        </dd>
        <dt>{t('awardedSoFar')}</dt>
        <dd>
          <Money amount={call.awardedTotal} currency={call.currency} />
        </dd>
      </dl>
      <section className="section" aria-labelledby="call-eligibility">
        <h2 id="call-eligibility">{t('eligibilityTitle')}</h2>
        <p>{call.requiresRegistration ? t('requiresRegistration') : t('noRegistrationNeeded')}</p>
        <p>{t('eligibleTypes')}:</p>
        <ul>
          {call.eligibleTypes.map((type) => (
            <li key={type}>{t(`orgType_${type}`)}</li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="call-rubric">
        <h2 id="call-rubric">{t('rubricTitle')}</h2>
        <DataTable
          caption={t('rubricCaption')}
          columns={rubric}
          rows={call.criteria}
          rowKey={(row) => row.id}
        />
      </section>
      {user?.role === 'organisation' ? <ApplyForm call={call} /> : null}
      {user?.role === 'officer' || user?.role === 'admin' ? (
        <p>
          <Link to={`${officePath}?call=${encodeURIComponent(call.id)}`}>{t('reviewLink')}</Link>
        </p>
      ) : null}
    </>
  );
}

export default function CallPage() {
  const t = useText(grantsText);
  const language = useLanguage();
  const { id = '' } = useParams();
  const state = useApiData<Call>(`/grants/calls/${encodeURIComponent(id)}`);
  return (
    <Page title={state.data ? state.data.title[language] : t('callsTitle')}>
      <p>
        <Link to={overviewPath}>{t('backToGrants')}</Link>
      </p>
      <Loaded state={state}>{(call) => <CallDetails call={call} />}</Loaded>
    </Page>
  );
}
