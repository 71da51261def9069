/**
 * Correcting a case's particulars and classification after intake (its standing and assigned
 * ombudsmen): summary, respondent and its kind, when and where, the rights concerned. Only what was
 * changed is sent, with the version read; a change made meanwhile is a 409 that the form explains,
 * keeping what was typed. The complainant's own account is not edited here.
 */
import { useState } from 'react';
import { ApiError, api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import type { TermList } from '../../../kernel/web/pages/vocabularies/types.ts';
import {
  Button,
  CheckboxField,
  ErrorSummary,
  Group,
  Notice,
  SelectField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type CaseEdit, type CaseView, respondentTypes } from '../contract.ts';
import { caseFileText } from './case-file-messages.ts';
import { ombudsmanText } from './messages.ts';
import { TextField } from './text-field.tsx';

type RespondentType = (typeof respondentTypes)[number];
const fields = ['summary', 'respondent', 'respondentType', 'rights', 'occurredOn', 'occurredPlace'] as const;

export function CaseEditForm({
  view,
  onSaved,
  onReload,
}: {
  view: CaseView;
  onSaved: (message: string) => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const t = useText(caseFileText);
  const publicText = useText(ombudsmanText);
  const language = useLanguage();
  const rights = useApiData<TermList>('/vocabularies/rights');
  const form = useForm({ fields });
  const [stale, setStale] = useState(false);
  const [summary, setSummary] = useState(view.summary);
  const [respondent, setRespondent] = useState(view.respondent);
  const [respondentType, setRespondentType] = useState<RespondentType>(view.respondentType);
  const [chosen, setChosen] = useState<readonly string[]>(view.rights);
  const [occurredOn, setOccurredOn] = useState(view.occurredOn ?? '');
  const [occurredPlace, setOccurredPlace] = useState(view.occurredPlace ?? '');

  const submit = form.submit(async () => {
    const changes: Omit<CaseEdit, 'version'> = {};
    if (summary !== view.summary) changes.summary = summary;
    if (respondent !== view.respondent) changes.respondent = respondent;
    if (respondentType !== view.respondentType) changes.respondentType = respondentType;
    if ([...chosen].sort().join() !== [...view.rights].sort().join()) changes.rights = [...chosen];
    if (occurredOn !== (view.occurredOn ?? '')) changes.occurredOn = occurredOn || null;
    if (occurredPlace !== (view.occurredPlace ?? '')) changes.occurredPlace = occurredPlace.trim() || null;
    if (Object.keys(changes).length === 0) {
      await onSaved(t('editNothing'));
      return;
    }
    try {
      await api(`/ombudsman/cases/${encodeURIComponent(view.id)}`, {
        method: 'PATCH',
        body: { ...changes, version: view.version },
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setStale(true);
      throw error;
    }
    await onSaved(t('edited'));
  });

  return (
    <section className="section case-edit" aria-labelledby="case-edit-title">
      <h2 id="case-edit-title">{t('editTitle')}</h2>
      <p>{t('editLead')}</p>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        {stale ? (
          <Notice tone="warning">
            <p>{t('conflict')}</p>
            <Button variant="secondary" onClick={() => void onReload().then(() => setStale(false))}>
              {t('reload')}
            </Button>
          </Notice>
        ) : null}
        <TextField
          name="summary"
          label={t('summary')}
          value={summary}
          onChange={setSummary}
          error={form.errorFor('summary')}
          maxLength={200}
          required
        />
        <TextField
          name="respondent"
          label={t('respondent')}
          value={respondent}
          onChange={setRespondent}
          error={form.errorFor('respondent')}
          maxLength={200}
          required
        />
        <SelectField
          name="respondentType"
          label={t('respondentType')}
          value={respondentType}
          onChange={setRespondentType}
          options={respondentTypes.map((type) => ({
            value: type,
            label: publicText(`respondentType_${type}`),
          }))}
          error={form.errorFor('respondentType')}
        />
        <TextField
          name="occurredOn"
          label={t('occurredOn')}
          type="date"
          className="input--short"
          value={occurredOn}
          onChange={setOccurredOn}
          error={form.errorFor('occurredOn')}
        />
        <TextField
          name="occurredPlace"
          label={t('occurredPlace')}
          value={occurredPlace}
          onChange={setOccurredPlace}
          error={form.errorFor('occurredPlace')}
          maxLength={200}
        />
        <Group name="rights" legend={t('rights')} hint={t('rightsHint')} error={form.errorFor('rights')}>
          <ul className="choice-list">
            {(rights.data?.terms ?? []).map((term) => (
              <li key={term.code}>
                <CheckboxField
                  name={`edit-right-${term.code}`}
                  label={term.name[language]}
                  checked={chosen.includes(term.code)}
                  onChange={(checked) =>
                    setChosen((current) =>
                      checked ? [...current, term.code] : current.filter((code) => code !== term.code),
                    )
                  }
                />
              </li>
            ))}
          </ul>
        </Group>
        <Button type="submit" disabled={form.pending}>
          {t('editSave')}
        </Button>
      </form>
    </section>
  );
}
