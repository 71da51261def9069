/**
 * The register for staff: the recommendations the caller may see (every one for the office, those
 * addressed to the department for a department user), each with a link to answer or manage it, and
 * for the office a form to record a new recommendation addressed to one or several departments.
 */
import { useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { TermPicker } from '../../../kernel/web/pages/vocabularies/term-picker.tsx';
import type { TermList } from '../../../kernel/web/pages/vocabularies/types.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import {
  Button,
  CheckboxField,
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
import { type RecommendationList, type SourceKind, sourceKinds } from '../contract.ts';
import { recommendationsStaffText, recommendationsText } from './messages.ts';
import { staffRecommendationPath } from './paths.ts';
import { RecommendationCard, useDepartments } from './shared.tsx';
import { UnFields, unFieldNames, useUnFields } from './un-fields.tsx';
import './recommendations.css';

const fields = [
  'source.kind',
  'source.reference',
  'text.ko',
  'text.en',
  'departments',
  'issuedOn',
  'answerDue',
  'implementationDue',
  'isPublic',
  'tags',
  ...unFieldNames,
] as const;

/** The vocabularies a recommendation is tagged with on this form. */
const tagVocabularies = ['rights', 'target-groups', 'sdg-targets'] as const;
type TagVocabulary = (typeof tagVocabularies)[number];
const noTags: Record<TagVocabulary, string[]> = { rights: [], 'target-groups': [], 'sdg-targets': [] };

const initial = {
  kind: 'committee' as SourceKind,
  reference: '',
  ko: '',
  en: '',
  issuedOn: '',
  answerDue: '',
  implementationDue: '',
};

function NewRecommendationForm({ onSaved }: { onSaved: (message: string) => void }) {
  const t = useText(recommendationsStaffText);
  const shared = useText(recommendationsText);
  const language = useLanguage();
  const departments = useDepartments();
  const form = useForm({ fields });
  const [values, setValues] = useState(initial);
  const [chosen, setChosen] = useState<string[]>([]);
  const [isPublic, setPublic] = useState(false);
  const [tags, setTags] = useState(noTags);
  const un = useUnFields();
  const rights = useApiData<TermList>('/vocabularies/rights');
  const targetGroups = useApiData<TermList>('/vocabularies/target-groups');
  const sdgTargets = useApiData<TermList>('/vocabularies/sdg-targets');
  const termsOf: Record<TagVocabulary, TermList['terms']> = {
    rights: rights.data?.terms ?? [],
    'target-groups': targetGroups.data?.terms ?? [],
    'sdg-targets': sdgTargets.data?.terms ?? [],
  };
  const set = (name: keyof typeof initial) => (value: string) =>
    setValues((was) => ({ ...was, [name]: value }));
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

  const onSubmit = form.submit(async () => {
    await api('/recommendations', {
      method: 'POST',
      body: {
        source: { kind: values.kind, reference: values.reference },
        text: { ko: values.ko, en: values.en },
        departments: chosen,
        issuedOn: values.issuedOn.trim(),
        answerDue: orNull(values.answerDue),
        implementationDue: orNull(values.implementationDue),
        isPublic,
        tags: tagVocabularies.flatMap((vocabulary) => tags[vocabulary].map((code) => ({ vocabulary, code }))),
        ...(values.kind === 'un' ? { un: un.value() } : {}),
      },
    });
    setTags(noTags);
    setValues(initial);
    setChosen([]);
    setPublic(false);
    un.reset();
    onSaved(t('created'));
  });

  // A department's error (`departments.1`) belongs to the group of departments.
  const departmentsError =
    form.errorFor('departments') ?? form.errors.find((error) => error.name === undefined)?.message;
  return (
    <form noValidate onSubmit={onSubmit} className="form" aria-labelledby="new-recommendation">
      <h2 id="new-recommendation">{t('newTitle')}</h2>
      <ErrorSummary form={form} />
      <SelectField
        name="source.kind"
        label={shared('source')}
        value={values.kind}
        onChange={(value) => setValues((was) => ({ ...was, kind: value }))}
        options={sourceKinds.map((kind) => ({ value: kind, label: shared(`source_${kind}`) }))}
        required
      />
      <TextField
        name="source.reference"
        label={t('sourceReference')}
        value={values.reference}
        onChange={set('reference')}
        error={form.errorFor('source.reference')}
        required
      />
      {values.kind === 'un' ? <UnFields state={un} form={form} /> : null}
      <TextField
        name="text.ko"
        label={t('textKo')}
        value={values.ko}
        onChange={set('ko')}
        error={form.errorFor('text.ko')}
        multiline
        required
      />
      <TextField
        name="text.en"
        label={t('textEn')}
        value={values.en}
        onChange={set('en')}
        error={form.errorFor('text.en')}
        multiline
        required
      />
      <Group
        name="departments"
        legend={t('departmentsLegend')}
        hint={t('departmentsHint')}
        error={departmentsError}
      >
        {departments.map((department) => (
          <CheckboxField
            key={department.code}
            name={`department-${department.code}`}
            label={department.name[language]}
            checked={chosen.includes(department.code)}
            onChange={(checked) =>
              setChosen((was) =>
                checked ? [...was, department.code] : was.filter((code) => code !== department.code),
              )
            }
          />
        ))}
      </Group>
      <TextField
        name="issuedOn"
        label={t('issuedOn')}
        hint={t('dateHint')}
        value={values.issuedOn}
        onChange={set('issuedOn')}
        error={form.errorFor('issuedOn')}
        required
      />
      <TextField
        name="answerDue"
        label={t('answerDue')}
        hint={t('dateHint')}
        value={values.answerDue}
        onChange={set('answerDue')}
        error={form.errorFor('answerDue')}
      />
      <TextField
        name="implementationDue"
        label={t('implementationDue')}
        hint={t('dateHint')}
        value={values.implementationDue}
        onChange={set('implementationDue')}
        error={form.errorFor('implementationDue')}
      />
      <Group name="tags" legend={shared('tags')} error={form.errorFor('tags')}>
        {tagVocabularies.map((vocabulary) => (
          <TermPicker
            key={vocabulary}
            name={`tags-${vocabulary}`}
            legend={t(`tags_${vocabulary}`)}
            terms={termsOf[vocabulary]}
            chosen={tags[vocabulary]}
            showCode={vocabulary === 'sdg-targets'}
            onChange={(codes) => setTags((current) => ({ ...current, [vocabulary]: codes }))}
          />
        ))}
      </Group>
      <CheckboxField
        name="isPublic"
        label={t('isPublic')}
        checked={isPublic}
        onChange={setPublic}
        error={form.errorFor('isPublic')}
      />
      <Button type="submit" disabled={form.pending}>
        {t('create')}
      </Button>
    </form>
  );
}

export default function StaffPage() {
  const t = useText(recommendationsStaffText);
  const shared = useText(recommendationsText);
  const { user } = useSession();
  const state = useApiData<RecommendationList>('/recommendations/staff?limit=100');
  const [saved, setSaved] = useState<string | null>(null);
  const office = user?.role === 'admin' || user?.role === 'officer';
  return (
    <Page title={t('staffTitle')} lead={<p>{t('staffLead')}</p>}>
      <LiveRegion>{saved ? <Notice tone="success">{saved}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {(list) => (
          <section className="section" aria-labelledby="staff-list">
            <h2 id="staff-list">{t('listCaption')}</h2>
            {list.total === 0 ? <p>{shared('countNone')}</p> : null}
            <ul className="recommendation-list">
              {list.items.map((item) => (
                <RecommendationCard
                  key={item.id}
                  item={item}
                  to={staffRecommendationPath(item.id)}
                  extra={item.isPublic ? null : <p className="meta">{t('notPublic')}</p>}
                />
              ))}
            </ul>
          </section>
        )}
      </Loaded>
      {office ? (
        <section className="section">
          <NewRecommendationForm
            onSaved={(message) => {
              setSaved(message);
              state.reload();
            }}
          />
        </section>
      ) : null}
    </Page>
  );
}
