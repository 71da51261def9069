/**
 * What a complaint says, as a form: who complains (or anonymously), on whose behalf, about which
 * body, what happened, when and where, and which rights. The public form and the staff intake form
 * both consist of these fields; each adds its own consent (and the public one its files).
 */
import { useState } from 'react';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import type { TermList } from '../../../kernel/web/pages/vocabularies/types.ts';
import { CheckboxField, type FormState, Group, SelectField } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type ComplaintInput, respondentTypes } from '../contract.ts';
import { ombudsmanText } from './messages.ts';
import { TextField } from './text-field.tsx';

export const caseFieldNames = [
  'complainant',
  'complainant.name',
  'complainant.phone',
  'complainant.email',
  'anonymous',
  'onBehalf',
  'victim',
  'victim.name',
  'victim.phone',
  'victim.email',
  'respondentType',
  'respondent',
  'summary',
  'description',
  'occurredOn',
  'occurredPlace',
  'rights',
] as const;

type RespondentType = (typeof respondentTypes)[number];

interface PersonValues {
  name: string;
  phone: string;
  email: string;
}

export interface CaseDraft {
  anonymous: boolean;
  complainant: PersonValues;
  onBehalf: boolean;
  victim: PersonValues;
  respondentType: RespondentType;
  respondent: string;
  summary: string;
  description: string;
  occurredOn: string;
  occurredPlace: string;
  rights: readonly string[];
}

const noPerson: PersonValues = { name: '', phone: '', email: '' };

export const emptyDraft: CaseDraft = {
  anonymous: false,
  complainant: noPerson,
  onBehalf: false,
  victim: noPerson,
  respondentType: 'other',
  respondent: '',
  summary: '',
  description: '',
  occurredOn: '',
  occurredPlace: '',
  rights: [],
};

/** Only what was typed: empty contacts are left out, so that the server judges what is there. */
function personOf(values: PersonValues) {
  const person = {
    ...(values.name.trim() ? { name: values.name } : {}),
    ...(values.phone.trim() ? { phone: values.phone } : {}),
    ...(values.email.trim() ? { email: values.email } : {}),
  };
  return Object.keys(person).length > 0 ? person : undefined;
}

/** The request body's part that these fields fill (the consent is the caller's). */
export function caseBody(draft: CaseDraft): Omit<ComplaintInput, 'consent'> {
  return {
    anonymous: draft.anonymous,
    onBehalf: draft.onBehalf,
    respondent: draft.respondent,
    respondentType: draft.respondentType,
    summary: draft.summary,
    description: draft.description,
    rights: [...draft.rights],
    ...(draft.anonymous ? {} : { complainant: personOf(draft.complainant) }),
    ...(draft.onBehalf ? { victim: personOf(draft.victim) } : {}),
    ...(draft.occurredOn ? { occurredOn: draft.occurredOn } : {}),
    ...(draft.occurredPlace.trim() ? { occurredPlace: draft.occurredPlace } : {}),
  };
}

export function useCaseDraft() {
  const [draft, setDraft] = useState<CaseDraft>(emptyDraft);
  const set =
    <Key extends keyof CaseDraft>(key: Key) =>
    (value: CaseDraft[Key]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  return { draft, set };
}

type CaseForm = Pick<FormState<(typeof caseFieldNames)[number]>, 'errorFor'>;

function PersonFields({
  who,
  values,
  onChange,
  form,
}: {
  who: 'complainant' | 'victim';
  values: PersonValues;
  onChange: (values: PersonValues) => void;
  form: CaseForm;
}) {
  const t = useText(ombudsmanText);
  const change = (key: keyof PersonValues) => (value: string) => onChange({ ...values, [key]: value });
  const own = who === 'complainant';
  return (
    <>
      <TextField
        name={`${who}.name`}
        label={own ? t('name') : t('victimName')}
        autoComplete={own ? 'name' : 'off'}
        value={values.name}
        onChange={change('name')}
        error={form.errorFor(`${who}.name`)}
      />
      <TextField
        name={`${who}.phone`}
        label={own ? t('phone') : t('victimPhone')}
        hint={t('phoneHint')}
        type="tel"
        autoComplete={own ? 'tel' : 'off'}
        value={values.phone}
        onChange={change('phone')}
        error={form.errorFor(`${who}.phone`)}
      />
      <TextField
        name={`${who}.email`}
        label={own ? t('email') : t('victimEmail')}
        type="email"
        autoComplete={own ? 'email' : 'off'}
        value={values.email}
        onChange={change('email')}
        error={form.errorFor(`${who}.email`)}
      />
    </>
  );
}

export function CaseFields({
  draft,
  set,
  form,
  staff = false,
}: ReturnType<typeof useCaseDraft> & {
  form: CaseForm;
  /** Staff record someone else's complaint: the labels speak of "the complainant", not "you". */
  staff?: boolean;
}) {
  const t = useText(ombudsmanText);
  const language = useLanguage();
  const rightsVocabulary = useApiData<TermList>('/vocabularies/rights');
  const rightTerms = rightsVocabulary.data?.terms ?? [];

  return (
    <>
      <Group
        name="complainant"
        legend={staff ? t('complainantStaff') : t('aboutYou')}
        hint={draft.anonymous || staff ? undefined : t('aboutYouHint')}
        error={form.errorFor('complainant')}
      >
        <CheckboxField
          name="anonymous"
          label={staff ? t('anonymousStaff') : t('anonymous')}
          hint={staff ? undefined : t('anonymousHint')}
          checked={draft.anonymous}
          onChange={set('anonymous')}
        />
        {/* Hidden, not cleared: unticking "anonymous" brings back what was typed. */}
        {draft.anonymous ? null : (
          <PersonFields
            who="complainant"
            values={draft.complainant}
            onChange={set('complainant')}
            form={form}
          />
        )}
        <CheckboxField
          name="onBehalf"
          label={staff ? t('onBehalfStaff') : t('onBehalf')}
          checked={draft.onBehalf}
          onChange={set('onBehalf')}
        />
      </Group>

      {draft.onBehalf ? (
        <Group name="victim" legend={t('victim')} hint={t('victimHint')} error={form.errorFor('victim')}>
          <PersonFields who="victim" values={draft.victim} onChange={set('victim')} form={form} />
        </Group>
      ) : null}

      <Group name="respondentSection" legend={t('respondentSection')}>
        <SelectField
          name="respondentType"
          label={t('respondentType')}
          value={draft.respondentType}
          onChange={set('respondentType')}
          options={respondentTypes.map((type) => ({ value: type, label: t(`respondentType_${type}`) }))}
          error={form.errorFor('respondentType')}
        />
        <TextField
          name="respondent"
          label={t('respondent')}
          hint={t('respondentHint')}
          value={draft.respondent}
          onChange={set('respondent')}
          error={form.errorFor('respondent')}
          maxLength={200}
          required
        />
      </Group>

      <Group name="whatHappened" legend={t('whatHappened')}>
        <TextField
          name="summary"
          label={t('summary')}
          hint={t('summaryHint')}
          value={draft.summary}
          onChange={set('summary')}
          error={form.errorFor('summary')}
          maxLength={200}
          required
        />
        <TextField
          name="description"
          label={t('description')}
          hint={t('descriptionHint')}
          value={draft.description}
          onChange={set('description')}
          error={form.errorFor('description')}
          multiline
          required
        />
        <TextField
          name="occurredOn"
          label={t('occurredOn')}
          hint={t('occurredOnHint')}
          type="date"
          className="input--short"
          value={draft.occurredOn}
          onChange={set('occurredOn')}
          error={form.errorFor('occurredOn')}
        />
        <TextField
          name="occurredPlace"
          label={t('occurredPlace')}
          value={draft.occurredPlace}
          onChange={set('occurredPlace')}
          error={form.errorFor('occurredPlace')}
          maxLength={200}
        />
      </Group>

      {rightTerms.length > 0 ? (
        <Group name="rights" legend={t('rights')} hint={t('rightsHint')} error={form.errorFor('rights')}>
          <ul className="choice-list">
            {rightTerms.map((term) => (
              <li key={term.code}>
                <CheckboxField
                  name={`right-${term.code}`}
                  label={term.name[language]}
                  checked={draft.rights.includes(term.code)}
                  onChange={(checked) =>
                    set('rights')(
                      checked
                        ? [...draft.rights, term.code]
                        : draft.rights.filter((code) => code !== term.code),
                    )
                  }
                />
              </li>
            ))}
          </ul>
        </Group>
      ) : null}
    </>
  );
}
