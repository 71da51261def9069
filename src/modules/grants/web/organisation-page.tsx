/**
 * An organisation's own page: its profile (filled in once the administrator has created the account,
 * and needed before applying), its applications, and the calls open for applications now.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
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
  type Organisation,
  type OrganisationType,
  organisationTypes,
} from '../contract.ts';
import { grantsText } from './messages.ts';
import { callPath } from './paths.ts';
import { ApplicationTable } from './shared.tsx';

function ProfileForm({ organisation, onSaved }: { organisation: Organisation | null; onSaved: () => void }) {
  const t = useText(grantsText);
  const form = useForm({ fields: ['name', 'registrationNumber', 'type'] });
  const [name, setName] = useState(organisation?.name ?? '');
  const [registration, setRegistration] = useState(organisation?.registrationNumber ?? '');
  const [type, setType] = useState<OrganisationType | ''>(organisation?.type ?? '');
  const onSubmit = form.submit(async () => {
    await api('/grants/organisation', {
      method: 'PUT',
      body: {
        name,
        registrationNumber: registration.trim() === '' ? null : registration,
        type,
        version: organisation?.version ?? 0,
      },
    });
    onSaved();
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <TextField
        name="name"
        label={t('profileName')}
        value={name}
        onChange={setName}
        error={form.errorFor('name')}
        autoComplete="organization"
        required
      />
      <TextField
        name="registrationNumber"
        label={t('profileRegistration')}
        hint={t('profileRegistrationHint')}
        value={registration}
        onChange={setRegistration}
        error={form.errorFor('registrationNumber')}
        autoComplete="off"
      />
      <SelectField
        name="type"
        label={t('profileType')}
        value={type}
        onChange={setType}
        empty={t('chooseType')}
        options={organisationTypes.map((value) => ({ value, label: t(`orgType_${value}`) }))}
        error={form.errorFor('type')}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('profileSave')}
      </Button>
    </form>
  );
}

export default function OrganisationPage() {
  const t = useText(grantsText);
  const language = useLanguage();
  const profile = useApiData<{ organisation: Organisation | null }>('/grants/organisation');
  const applications = useApiData<{ applications: ApplicationSummary[] }>('/grants/applications');
  const calls = useApiData<{ calls: Call[] }>('/grants/calls');
  const [message, setMessage] = useState('');
  return (
    <Page title={t('organisationTitle')} lead={<p>{t('organisationLead')}</p>}>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <section className="section" aria-labelledby="grants-profile">
        <h2 id="grants-profile">{t('profileTitle')}</h2>
        <Loaded state={profile}>
          {({ organisation }) => (
            <ProfileForm
              key={organisation?.version ?? 0}
              organisation={organisation}
              onSaved={() => {
                setMessage(t('profileSaved'));
                profile.reload();
              }}
            />
          )}
        </Loaded>
      </section>
      <section className="section" aria-labelledby="grants-mine">
        <h2 id="grants-mine">{t('myApplicationsTitle')}</h2>
        <Loaded state={applications}>
          {(data) => (
            <ApplicationTable
              rows={data.applications}
              caption={t('myApplicationsCaption')}
              empty={t('noApplications')}
              withOrganisation={false}
            />
          )}
        </Loaded>
      </section>
      <section className="section" aria-labelledby="grants-open-calls">
        <h2 id="grants-open-calls">{t('openCallsTitle')}</h2>
        <Loaded state={calls}>
          {(data) => {
            const open = data.calls.filter((call) => call.isOpen);
            return open.length === 0 ? (
              <Notice>{t('noCalls')}</Notice>
            ) : (
              <ul>
                {open.map((call) => (
                  <li key={call.id}>
                    <Link to={callPath(call.id)}>{call.title[language]}</Link>{' '}
                    <span className="meta">{t('callDates', { from: call.opensOn, to: call.closesOn })}</span>
                  </li>
                ))}
              </ul>
            );
          }}
        </Loaded>
      </section>
    </Page>
  );
}
