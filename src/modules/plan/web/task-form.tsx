/**
 * The office's task form: adding a task to a year, or editing one (sent with the version read, so a
 * change made meanwhile comes back as a 409). Beside the task's figures it sets the cooperating
 * departments, the tags (charter articles, target groups, SDG targets), the linked indicators and the
 * milestones; the description and the yearly target an edit keeps as they were, and the task file
 * sets.
 */
import { useState } from 'react';
import { ApiError, api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { TermPicker } from '../../../kernel/web/pages/vocabularies/term-picker.tsx';
import type { TermList } from '../../../kernel/web/pages/vocabularies/types.ts';
import {
  Button,
  CheckboxField,
  ErrorSummary,
  Group,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type Plans, type TaskDetail, type TaskFields, taskTagVocabularies } from '../contract.ts';
import { planStaffText } from './messages.ts';
import { MilestonesField, milestoneFieldNames, milestoneRow } from './milestones-field.tsx';
import { useFormValues } from './shared.tsx';

type TagVocabulary = (typeof taskTagVocabularies)[number];
type ChosenTags = Record<TagVocabulary, string[]>;

/** Fields the API checks entry by entry (`body.tags.2.code`) that the form shows as one group. */
const listFields = ['cooperatingDepartments', 'indicatorCodes', 'tags'] as const;

/** The problem with each list entry's error put on its list, where the form shows it. */
function onListFields(error: ApiError): ApiError {
  const field = (path: string) => {
    const list = listFields.find((name) => path.startsWith(`body.${name}.`));
    return list ? `body.${list}` : path;
  };
  return new ApiError(
    error.status,
    error.code,
    error.title,
    error.errors.map((entry) => ({ ...entry, field: field(entry.field) })),
  );
}

const chosenTags = (tags: TaskFields['tags'] = []): ChosenTags =>
  Object.fromEntries(
    taskTagVocabularies.map((vocabulary) => [
      vocabulary,
      tags.filter((tag) => tag.vocabulary === vocabulary).map((tag) => tag.code),
    ]),
  ) as ChosenTags;

/** Indicator codes as typed: separated by commas, spaces or new lines. */
const indicatorList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** A number typed in a form, sent as it is when it is not one, so that the server names the field. */
const asNumber = (text: string): number | string | null =>
  text.trim() === '' ? null : /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text;

interface TaskFormProps {
  year: number;
  /** The task to edit; without it the form adds one. */
  task?: TaskDetail;
  onSaved: (message: string) => void;
}

export function TaskForm({ year, task, onSaved }: TaskFormProps) {
  const t = useText(planStaffText);
  const language = useLanguage();
  const departments = useApiData<TermList>('/vocabularies/departments');
  const rights = useApiData<TermList>('/vocabularies/rights');
  const targetGroups = useApiData<TermList>('/vocabularies/target-groups');
  const sdgTargets = useApiData<TermList>('/vocabularies/sdg-targets');
  const termsOf: Record<TagVocabulary, TermList['terms']> = {
    rights: rights.data?.terms ?? [],
    'target-groups': targetGroups.data?.terms ?? [],
    'sdg-targets': sdgTargets.data?.terms ?? [],
  };
  const plans = useApiData<Plans>('/plan');
  const areas = (plans.data?.plans ?? []).flatMap((plan) => plan.areas);
  const initial = {
    code: task?.code ?? '',
    parentCode: task?.parentCode ?? '',
    areaCode: task?.areaCode ?? '',
    title: task?.title.ko ?? '',
    titleEn: task?.title.en ?? '',
    leadDepartment: task?.leadDepartment ?? '',
    budgetPlanned: task?.budgetPlanned === null || task === undefined ? '' : String(task.budgetPlanned),
    weight: String(task?.weight ?? 1),
    indicatorCodes: (task?.indicatorCodes ?? []).join(', '),
  };
  const [isPublic, setPublic] = useState(task?.isPublic ?? true);
  const [cooperating, setCooperating] = useState<string[]>(task?.cooperatingDepartments ?? []);
  const [tags, setTags] = useState<ChosenTags>(() => chosenTags(task?.tags));
  const [milestones, setMilestones] = useState(() => (task?.milestones ?? []).map(milestoneRow));
  const form = useForm({
    fields: [
      'code',
      'parentCode',
      'areaCode',
      'title',
      'leadDepartment',
      'budgetPlanned',
      'weight',
      'isPublic',
      ...listFields,
      'milestones',
      ...milestoneFieldNames(milestones.length),
    ],
  });
  const { values, setValues, bind } = useFormValues(initial, (name) => form.errorFor(name as never));
  const errorFor = (name: string) => form.errorFor(name as never);
  const onSubmit = form.submit(async () => {
    const fields = {
      code: values.code.trim(),
      parentCode: values.parentCode.trim() || null,
      areaCode: values.areaCode || null,
      title: { ko: values.title, en: values.titleEn },
      description: task?.description ?? null,
      leadDepartment: values.leadDepartment,
      cooperatingDepartments: cooperating,
      budgetPlanned: asNumber(values.budgetPlanned),
      target: task?.target ?? null,
      weight: asNumber(values.weight) ?? 1,
      milestones: milestones.map(({ date, ko, en }) => ({ date, ko, en })),
      indicatorCodes: indicatorList(values.indicatorCodes),
      isPublic,
      tags: taskTagVocabularies.flatMap((vocabulary) =>
        tags[vocabulary].map((code) => ({ vocabulary, code })),
      ),
    };
    let saved: TaskDetail;
    try {
      saved = task
        ? await api<TaskDetail>(`/plan/staff/tasks/${task.id}`, {
            method: 'PUT',
            body: { ...fields, version: task.version },
          })
        : await api<TaskDetail>('/plan/staff/tasks', { method: 'POST', body: { ...fields, year } });
    } catch (error) {
      throw error instanceof ApiError ? onListFields(error) : error;
    }
    onSaved(t(task ? 'saved' : 'created', { code: saved.code }));
    if (!task) {
      setValues(initial);
      setCooperating([]);
      setTags(chosenTags());
      setMilestones([]);
    }
  });
  const headingId = task ? 'edit-task' : 'create-task';
  const departmentTerms = departments.data?.terms ?? [];
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(task ? 'editTitle' : 'createTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <TextField {...bind('code')} label={t('code')} hint={t('codeHint')} required />
        <TextField {...bind('parentCode')} label={t('parentCode')} hint={t('parentHint')} />
        <SelectField
          {...bind('areaCode')}
          label={t('area')}
          empty={t('choose')}
          options={areas.map((area) => ({
            value: area.code,
            label: `${area.number}. ${area.name[language]}`,
          }))}
        />
        <TextField {...bind('title')} label={t('titleKo')} required />
        <TextField {...bind('titleEn', 'title')} label={t('titleEn')} required />
        <SelectField
          {...bind('leadDepartment')}
          label={t('leadDepartment')}
          empty={t('choose')}
          options={departmentTerms.map((term) => ({
            value: term.code,
            label: term.name[language],
          }))}
          required
        />
        <Group
          name="cooperatingDepartments"
          legend={t('cooperatingDepartments')}
          error={errorFor('cooperatingDepartments')}
        >
          {departmentTerms.map((term) => (
            <CheckboxField
              key={term.code}
              name={`cooperating-${term.code}`}
              label={term.name[language]}
              checked={cooperating.includes(term.code)}
              onChange={(checked) =>
                setCooperating((current) =>
                  checked ? [...current, term.code] : current.filter((code) => code !== term.code),
                )
              }
            />
          ))}
        </Group>
        <TextField {...bind('budgetPlanned')} label={t('budgetPlanned')} inputMode="numeric" />
        <TextField {...bind('weight')} label={t('weight')} hint={t('weightHint')} inputMode="decimal" />
        <Group name="tags" legend={t('tags')} hint={t('tagsHint')} error={errorFor('tags')}>
          {taskTagVocabularies.map((vocabulary) => (
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
        <TextField {...bind('indicatorCodes')} label={t('indicatorCodes')} hint={t('indicatorCodesHint')} />
        <MilestonesField rows={milestones} onChange={setMilestones} errorFor={errorFor} />
        <CheckboxField
          name="isPublic"
          label={t('isPublic')}
          checked={isPublic}
          onChange={setPublic}
          error={form.errorFor('isPublic')}
        />
        <Button type="submit" disabled={form.pending}>
          {t(task ? 'save' : 'create')}
        </Button>
      </form>
    </section>
  );
}
