/**
 * A programme's form, for creating one (the office's page) and for editing one (its own page): the
 * target group, titles and summary in both languages, and whether the public sees it.
 */
import { useState } from 'react';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  CheckboxField,
  ErrorSummary,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import type { Group, ProgrammeSummary } from '../contract.ts';
import { educationStaffText } from './messages.ts';

const programmeFields = ['groupCode', 'title.ko', 'title.en', 'summary.ko', 'summary.en'] as const;
type ProgrammeField = (typeof programmeFields)[number];

export interface ProgrammeBody {
  groupCode: string;
  title: { ko: string; en: string };
  summary: { ko: string; en: string } | null;
  isPublic: boolean;
}

interface ProgrammeFormProps {
  groups: readonly Group[];
  /** The programme to edit; a new one when absent. */
  programme?: ProgrammeSummary;
  heading: string;
  submitLabel: string;
  onSubmit: (body: ProgrammeBody) => Promise<void>;
}

export function ProgrammeForm({ groups, programme, heading, submitLabel, onSubmit }: ProgrammeFormProps) {
  const t = useText(educationStaffText);
  const language = useLanguage();
  const form = useForm({ fields: [...programmeFields, 'isPublic'] as const });
  const [values, setValues] = useState<Record<ProgrammeField, string>>({
    groupCode: programme?.groupCode ?? groups[0]?.code ?? '',
    'title.ko': programme?.title.ko ?? '',
    'title.en': programme?.title.en ?? '',
    'summary.ko': programme?.summary?.ko ?? '',
    'summary.en': programme?.summary?.en ?? '',
  });
  const [isPublic, setIsPublic] = useState(programme?.isPublic ?? false);
  const change = (name: ProgrammeField) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const text = (name: ProgrammeField, label: string, multiline = false) => (
    <TextField
      name={name}
      label={label}
      value={values[name]}
      onChange={change(name)}
      error={form.errorFor(name)}
      required={name.startsWith('title')}
      hint={name === 'summary.ko' ? t('summaryHint') : undefined}
      multiline={multiline}
      rows={multiline ? 3 : undefined}
    />
  );
  const submit = form.submit(async () => {
    const hasSummary = values['summary.ko'].trim() !== '' || values['summary.en'].trim() !== '';
    await onSubmit({
      groupCode: values.groupCode,
      title: { ko: values['title.ko'], en: values['title.en'] },
      summary: hasSummary ? { ko: values['summary.ko'], en: values['summary.en'] } : null,
      isPublic,
    });
  });
  const headingId = programme ? 'edit-programme' : 'new-programme';
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <form noValidate onSubmit={submit} className="form">
        <ErrorSummary form={form} />
        <SelectField
          name="groupCode"
          label={t('group')}
          value={values.groupCode}
          onChange={change('groupCode')}
          options={groups.map((group) => ({ value: group.code, label: group.name[language] }))}
          error={form.errorFor('groupCode')}
          required
        />
        {text('title.ko', t('titleKo'))}
        {text('title.en', t('titleEn'))}
        {text('summary.ko', t('summaryKo'), true)}
        {text('summary.en', t('summaryEn'), true)}
        <CheckboxField
          name="isPublic"
          label={t('isPublic')}
          checked={isPublic}
          onChange={setIsPublic}
          error={form.errorFor('isPublic')}
        />
        <Button type="submit" disabled={form.pending}>
          {submitLabel}
        </Button>
      </form>
    </section>
  );
}
