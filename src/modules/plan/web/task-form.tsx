/**
 * The office's task form: adding a task to a year, or editing one (sent with the version read, so a
 * change made meanwhile comes back as a 409). It holds the fields staff set most; what it does not show
 * (description, cooperating departments, milestones, indicators, tags) an edit keeps as it was, and
 * the task file sets.
 */
import { useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import type { TermList } from '../../../kernel/web/pages/vocabularies/types.ts';
import {
  Button,
  CheckboxField,
  ErrorSummary,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Plans, TaskDetail } from '../contract.ts';
import { planStaffText } from './messages.ts';
import { useFormValues } from './shared.tsx';

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
  const plans = useApiData<Plans>('/plan');
  const areas = (plans.data?.plans ?? []).flatMap((plan) => plan.areas);
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
    ],
  });
  const initial = {
    code: task?.code ?? '',
    parentCode: task?.parentCode ?? '',
    areaCode: task?.areaCode ?? '',
    title: task?.title.ko ?? '',
    titleEn: task?.title.en ?? '',
    leadDepartment: task?.leadDepartment ?? '',
    budgetPlanned: task?.budgetPlanned === null || task === undefined ? '' : String(task.budgetPlanned),
    weight: String(task?.weight ?? 1),
  };
  const { values, setValues, bind } = useFormValues(initial, (name) => form.errorFor(name as never));
  const [isPublic, setPublic] = useState(task?.isPublic ?? true);
  const onSubmit = form.submit(async () => {
    const fields = {
      code: values.code.trim(),
      parentCode: values.parentCode.trim() || null,
      areaCode: values.areaCode || null,
      title: { ko: values.title, en: values.titleEn },
      description: task?.description ?? null,
      leadDepartment: values.leadDepartment,
      cooperatingDepartments: task?.cooperatingDepartments ?? [],
      budgetPlanned: asNumber(values.budgetPlanned),
      target: task?.target ?? null,
      weight: asNumber(values.weight) ?? 1,
      milestones: task?.milestones ?? [],
      indicatorCodes: task?.indicatorCodes ?? [],
      isPublic,
      tags: task?.tags ?? [],
    };
    const saved = task
      ? await api<TaskDetail>(`/plan/staff/tasks/${task.id}`, {
          method: 'PUT',
          body: { ...fields, version: task.version },
        })
      : await api<TaskDetail>('/plan/staff/tasks', { method: 'POST', body: { ...fields, year } });
    onSaved(t(task ? 'saved' : 'created', { code: saved.code }));
    if (!task) setValues(initial);
  });
  const headingId = task ? 'edit-task' : 'create-task';
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
          options={(departments.data?.terms ?? []).map((term) => ({
            value: term.code,
            label: term.name[language],
          }))}
          required
        />
        <TextField {...bind('budgetPlanned')} label={t('budgetPlanned')} inputMode="numeric" />
        <TextField {...bind('weight')} label={t('weight')} hint={t('weightHint')} inputMode="decimal" />
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
