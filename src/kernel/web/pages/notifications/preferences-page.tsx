/**
 * How each kind of notification reaches the signed-in user (in the app only, immediate email, or a
 * daily digest), and the language of their mail: one radio group per kind, each a fieldset whose
 * legend names the kind, so a screen reader says which kind a choice belongs to.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { Language } from '../../../shared/language.ts';
import { type DeliveryChoice, deliveryChoices, type NotificationPreferences } from '../../../shared/work.ts';
import { api } from '../../api.ts';
import { useLanguage, useText } from '../../i18n/index.ts';
import { Button, ErrorSummary, Group, LiveRegion, Loaded, Page, useForm } from '../../ui/index.ts';
import { useApiData } from '../../use-api.ts';
import { notificationsText } from './messages.ts';
import { notificationsPath } from './paths.ts';

const choiceText = { in_app: 'inApp', email: 'email', digest: 'digest' } as const;

function Radio({
  name,
  value,
  checked,
  label,
  onChange,
}: {
  name: string;
  value: string;
  checked: boolean;
  label: string;
  onChange: () => void;
}) {
  const id = `${name}-${value}`;
  return (
    <div className="radio">
      <input type="radio" id={id} name={name} value={value} checked={checked} onChange={onChange} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const t = useText(notificationsText);
  const language = useLanguage();
  const form = useForm({ fields: ['language', 'kinds'] });
  const [mailLanguage, setMailLanguage] = useState<Language>(initial.language);
  const [choices, setChoices] = useState<Record<string, DeliveryChoice>>(
    Object.fromEntries(initial.kinds.map((entry) => [entry.kind, entry.choice])),
  );
  const [saved, setSaved] = useState(false);

  const submit = form.submit(async () => {
    setSaved(false);
    await api('/notifications/preferences', {
      method: 'PUT',
      body: {
        language: mailLanguage,
        kinds: initial.kinds.map((entry) => ({
          kind: entry.kind,
          choice: choices[entry.kind] ?? entry.choice,
        })),
      },
    });
    setSaved(true);
  });

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary form={form} />
      {initial.kinds.map((entry, index) => (
        <Group key={entry.kind} name={`kinds-${index}`} legend={entry.label[language]}>
          {deliveryChoices.map((choice) => (
            <Radio
              key={choice}
              name={`kind-${index}`}
              value={choice}
              checked={(choices[entry.kind] ?? entry.choice) === choice}
              label={t(choiceText[choice])}
              onChange={() => setChoices({ ...choices, [entry.kind]: choice })}
            />
          ))}
        </Group>
      ))}
      <Group name="language" legend={t('languageLegend')} error={form.errorFor('language')}>
        <Radio
          name="mail-language"
          value="ko"
          checked={mailLanguage === 'ko'}
          label={t('korean')}
          onChange={() => setMailLanguage('ko')}
        />
        <Radio
          name="mail-language"
          value="en"
          checked={mailLanguage === 'en'}
          label={t('english')}
          onChange={() => setMailLanguage('en')}
        />
      </Group>
      <Button type="submit" disabled={form.pending}>
        {t('save')}
      </Button>
      <LiveRegion>{saved ? <p className="notice notice--success">{t('saved')}</p> : null}</LiveRegion>
    </form>
  );
}

export default function PreferencesPage() {
  const t = useText(notificationsText);
  const state = useApiData<NotificationPreferences>('/notifications/preferences');
  return (
    <Page title={t('preferencesTitle')} lead={t('preferencesLead')}>
      <p>
        <Link to={notificationsPath}>{t('backToList')}</Link>
      </p>
      <Loaded state={state}>
        {(data) => (
          // A fresh form for fresh data (after a language switch the server answers again).
          <PreferencesForm key={JSON.stringify(data)} initial={data} />
        )}
      </Loaded>
    </Page>
  );
}
