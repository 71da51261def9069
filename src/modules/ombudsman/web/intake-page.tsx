/**
 * Staff register a case: a complaint taken by phone, in person, by letter or on outreach, possibly on
 * behalf of the victim, with the consent the officer obtained; or (the standing ombudsman) an
 * own-motion investigation. The complainant's receipt number and tracking code are shown once, to be
 * passed on to them.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  CheckboxField,
  ErrorSummary,
  LiveRegion,
  Page,
  SelectField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { intakeChannels } from '../contract.ts';
import { CaseFields, caseBody, caseFieldNames, useCaseDraft } from './case-fields.tsx';
import { casePath } from './paths.ts';
import { ombudsmanStaffText } from './staff-messages.ts';
import './ombudsman.css';

type Origin = 'complaint' | 'own_motion';
type Channel = (typeof intakeChannels)[number];

interface Registered {
  id: string;
  receiptNumber: string | null;
  trackingCode: string | null;
}

const fields = [...caseFieldNames, 'origin', 'channel', 'consent'] as const;

function IntakeForm({ onRegistered }: { onRegistered: (registered: Registered) => void }) {
  const t = useText(ombudsmanStaffText);
  const form = useForm({ fields });
  const caseDraft = useCaseDraft();
  const [origin, setOrigin] = useState<Origin>('complaint');
  const [channel, setChannel] = useState<Channel>('phone');
  const [consent, setConsent] = useState(false);

  const submit = form.submit(async () => {
    const registered = await api<Registered>('/ombudsman/cases', {
      method: 'POST',
      body: { ...caseBody(caseDraft.draft), origin, channel, consent },
    });
    onRegistered(registered);
  });

  return (
    <form className="form complaint-form" noValidate onSubmit={submit}>
      <ErrorSummary form={form} />
      <div className="form-row">
        <SelectField
          name="origin"
          label={t('intakeOrigin')}
          value={origin}
          onChange={setOrigin}
          options={[
            { value: 'complaint', label: t('origin_complaint') },
            { value: 'own_motion', label: t('origin_own_motion') },
          ]}
          error={form.errorFor('origin')}
          required
        />
        {origin === 'complaint' ? (
          <SelectField
            name="channel"
            label={t('intakeChannel')}
            value={channel}
            onChange={setChannel}
            options={intakeChannels.map((value) => ({ value, label: t(`channel_${value}`) }))}
            error={form.errorFor('channel')}
            required
          />
        ) : null}
      </div>
      <CaseFields {...caseDraft} form={form} staff />
      {origin === 'complaint' ? (
        <CheckboxField
          name="consent"
          label={t('intakeConsent')}
          hint={t('intakeConsentHint')}
          checked={consent}
          onChange={setConsent}
          error={form.errorFor('consent')}
          required
        />
      ) : null}
      <Button type="submit" disabled={form.pending}>
        {t('register')}
      </Button>
    </form>
  );
}

export default function IntakePage() {
  const t = useText(ombudsmanStaffText);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [round, setRound] = useState(0);
  const notice = useRef<HTMLDivElement>(null);

  // The form the officer was in starts afresh: take them to what was registered instead.
  useEffect(() => {
    if (registered) notice.current?.focus();
  }, [registered]);

  return (
    <Page title={t('intakeTitle')} lead={<p>{t('intakeLead')}</p>}>
      <LiveRegion>
        {registered ? (
          <div ref={notice} tabIndex={-1} className="notice notice--success">
            <p>{t('registered')}</p>
            {registered.receiptNumber && registered.trackingCode ? (
              <p className="receipt__code-line">
                {t('registeredReceipt', { receipt: registered.receiptNumber, code: registered.trackingCode })}
              </p>
            ) : null}
            <p>
              <Link to={casePath(registered.id)}>{t('openRegistered')}</Link>
            </p>
          </div>
        ) : null}
      </LiveRegion>
      <IntakeForm
        // A fresh form after each registration, so that the next case starts empty.
        key={round}
        onRegistered={(result) => {
          setRegistered(result);
          setRound((count) => count + 1);
        }}
      />
    </Page>
  );
}
