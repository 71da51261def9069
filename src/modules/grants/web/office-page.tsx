/**
 * The office's grants page: every call (published or not) with what it has awarded, a form for a new
 * call (budget, dates, eligibility rules, rubric), and the applications submitted, by call.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  CheckboxField,
  type Column,
  DataTable,
  ErrorSummary,
  Group,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import {
  type ApplicationSummary,
  type Call,
  type GrantKind,
  grantKinds,
  type OrganisationType,
  organisationTypes,
} from '../contract.ts';
import { grantsText } from './messages.ts';
import { callPath } from './paths.ts';
import { ApplicationTable, amountValue, Money } from './shared.tsx';
import './grants.css';

type Criterion = { ko: string; en: string; weight: string };

function NewCallForm({ onCreated }: { onCreated: (message: string) => void }) {
  const t = useText(grantsText);
  const [kind, setKind] = useState<GrantKind>('neighbourhood');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [titleKo, setTitleKo] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [descriptionKo, setDescriptionKo] = useState('');
  const [descriptionEn, setDescriptionEn] = useState('');
  const [currency, setCurrency] = useState('KRW');
  const [budget, setBudget] = useState('');
  const [maxAmount, setMaxAmount] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [requiresRegistration, setRequiresRegistration] = useState(true);
  const [types, setTypes] = useState<OrganisationType[]>([...organisationTypes]);
  const [published, setPublished] = useState(false);
  const [criteria, setCriteria] = useState<Criterion[]>([{ ko: '', en: '', weight: '' }]);
  const criterionFields = criteria.flatMap((_, index) => [
    `criteria.${index}.name.ko`,
    `criteria.${index}.name.en`,
    `criteria.${index}.weight`,
  ]);
  const form = useForm<string>({
    fields: [
      'kind',
      'year',
      'title.ko',
      'title.en',
      'description.ko',
      'description.en',
      'currency',
      'budget',
      'maxAmount',
      'opensOn',
      'closesOn',
      'eligibleTypes',
      'criteria',
      ...criterionFields,
    ],
  });
  const setCriterion = (index: number, change: Partial<Criterion>) =>
    setCriteria((current) => current.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));
  const onSubmit = form.submit(async () => {
    await api('/grants/calls', {
      method: 'POST',
      body: {
        kind,
        year: amountValue(year),
        title: { ko: titleKo, en: titleEn },
        description: { ko: descriptionKo, en: descriptionEn },
        currency,
        budget: amountValue(budget),
        maxAmount: amountValue(maxAmount),
        opensOn,
        closesOn,
        requiresRegistration,
        eligibleTypes: types,
        criteria: criteria.map((entry) => ({
          name: { ko: entry.ko, en: entry.en },
          weight: amountValue(entry.weight),
        })),
        published,
      },
    });
    onCreated(t('callCreated'));
  });
  const text = (
    name: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    extra = {},
  ) => (
    <TextField
      name={name}
      label={label}
      value={value}
      onChange={onChange}
      error={form.errorFor(name)}
      required
      {...extra}
    />
  );
  return (
    <section className="section" aria-labelledby="grants-new-call">
      <h2 id="grants-new-call">{t('newCallTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <SelectField
          name="kind"
          label={t('callKind')}
          value={kind}
          onChange={setKind}
          options={grantKinds.map((value) => ({ value, label: t(`kind_${value}`) }))}
          error={form.errorFor('kind')}
          required
        />
        {text('year', t('callYear'), year, setYear, { inputMode: 'numeric' })}
        {text('title.ko', t('callTitleKo'), titleKo, setTitleKo)}
        {text('title.en', t('callTitleEn'), titleEn, setTitleEn)}
        {text('description.ko', t('callDescriptionKo'), descriptionKo, setDescriptionKo, {
          multiline: true,
          rows: 4,
        })}
        {text('description.en', t('callDescriptionEn'), descriptionEn, setDescriptionEn, {
          multiline: true,
          rows: 4,
        })}
        <div className="form-row">
          {text('currency', t('currency'), currency, setCurrency, { hint: t('currencyHint') })}
          {text('budget', t('budget'), budget, setBudget, { inputMode: 'numeric' })}
          {text('maxAmount', t('maxAmount'), maxAmount, setMaxAmount, { inputMode: 'numeric' })}
        </div>
        <div className="form-row">
          {text('opensOn', t('opensOn'), opensOn, setOpensOn, { hint: t('dateHint') })}
          {text('closesOn', t('closesOn'), closesOn, setClosesOn, { hint: t('dateHint') })}
        </div>
        <CheckboxField
          name="requiresRegistration"
          label={t('requiresRegistrationLabel')}
          checked={requiresRegistration}
          onChange={setRequiresRegistration}
        />
        <Group name="eligibleTypes" legend={t('eligibleTypesLegend')} error={form.errorFor('eligibleTypes')}>
          {organisationTypes.map((type) => (
            <CheckboxField
              key={type}
              name={`eligibleTypes-${type}`}
              label={t(`orgType_${type}`)}
              checked={types.includes(type)}
              onChange={(checked) =>
                setTypes((current) =>
                  checked ? [...current, type] : current.filter((entry) => entry !== type),
                )
              }
            />
          ))}
        </Group>
        <Group name="criteria" legend={t('criteriaLegend')} error={form.errorFor('criteria')}>
          {criteria.map((entry, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a criterion has no identity but its position until saved.
            <div key={index} className="form-row grants-row">
              {text(`criteria.${index}.name.ko`, t('criterionKo', { n: index + 1 }), entry.ko, (ko) =>
                setCriterion(index, { ko }),
              )}
              {text(`criteria.${index}.name.en`, t('criterionEn', { n: index + 1 }), entry.en, (en) =>
                setCriterion(index, { en }),
              )}
              {text(
                `criteria.${index}.weight`,
                t('criterionWeight', { n: index + 1 }),
                entry.weight,
                (weight) => setCriterion(index, { weight }),
              )}
            </div>
          ))}
          <Button
            variant="secondary"
            onClick={() => setCriteria((current) => [...current, { ko: '', en: '', weight: '' }])}
          >
            {t('addCriterion')}
          </Button>
        </Group>
        <CheckboxField name="published" label={t('publish')} checked={published} onChange={setPublished} />
        <Button type="submit" disabled={form.pending}>
          {t('createCall')}
        </Button>
      </form>
    </section>
  );
}

export default function OfficePage() {
  const t = useText(grantsText);
  const language = useLanguage();
  const [search, setSearch] = useSearchParams();
  const callId = search.get('call') ?? '';
  const calls = useApiData<{ calls: Call[] }>('/grants/calls');
  const applications = useApiData<{ applications: ApplicationSummary[] }>(
    `/grants/applications${callId ? `?callId=${encodeURIComponent(callId)}` : ''}`,
  );
  const [message, setMessage] = useState('');
  const callColumns: Column<Call>[] = [
    {
      key: 'title',
      header: t('programme'),
      rowHeader: true,
      cell: (row) => <Link to={callPath(row.id)}>{row.title[language]}</Link>,
    },
    { key: 'kind', header: t('callKind'), cell: (row) => t(`kind_${row.kind}`) },
    {
      key: 'dates',
      header: t('applicationPeriod'),
      cell: (row) =>
        `${t('callDates', { from: row.opensOn, to: row.closesOn })} · ${
          row.published ? (row.isOpen ? t('callOpen') : t('callClosed')) : t('unpublished')
        }`,
    },
    {
      key: 'budget',
      header: t('budget'),
      numeric: true,
      cell: (row) => <Money amount={row.budget} currency={row.currency} />,
    },
    {
      key: 'awarded',
      header: t('awardedSoFar'),
      numeric: true,
      cell: (row) => <Money amount={row.awardedTotal} currency={row.currency} />,
    },
  ];
  return (
    <Page title={t('officeTitle')} lead={<p>{t('officeLead')}</p>}>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <Loaded state={calls}>
        {(data) => (
          <>
            <section className="section" aria-labelledby="grants-all-calls">
              <h2 id="grants-all-calls">{t('callsCaption')}</h2>
              <DataTable
                caption={t('callsCaption')}
                columns={callColumns}
                rows={data.calls}
                rowKey={(row) => row.id}
                empty={t('noCalls')}
              />
            </section>
            <section className="section" aria-labelledby="grants-submitted">
              <h2 id="grants-submitted">{t('applicationsTitle')}</h2>
              <SelectField
                name="call"
                label={t('filterCall')}
                value={callId}
                onChange={(value) => setSearch(value ? { call: value } : {})}
                empty={t('allCalls')}
                options={data.calls.map((call) => ({ value: call.id, label: call.title[language] }))}
              />
              <Loaded state={applications}>
                {(list) => (
                  <ApplicationTable
                    rows={list.applications}
                    caption={t('applicationsCaption')}
                    empty={t('noSubmitted')}
                    withOrganisation
                  />
                )}
              </Loaded>
            </section>
          </>
        )}
      </Loaded>
      <NewCallForm
        onCreated={(text) => {
          setMessage(text);
          calls.reload();
        }}
      />
    </Page>
  );
}
