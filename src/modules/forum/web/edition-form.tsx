/**
 * The fields of an edition that the office sets (dates, theme, capacity, registration), shared by the
 * form that opens an edition and the one that edits it. Values go to the server as typed, so that its
 * messages name the field that is wrong.
 */
import { useState } from 'react';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { CheckboxField, type FormState, TextField } from '../../../kernel/web/ui/index.ts';
import type { EditionSummary } from '../contract.ts';
import { forumStaffText } from './staff-messages.ts';

export const editionFieldNames = [
  'startsOn',
  'endsOn',
  'theme.ko',
  'theme.en',
  'capacity',
  'registrationOpen',
] as const;
export type EditionFieldName = (typeof editionFieldNames)[number];

export interface EditionValues {
  startsOn: string;
  endsOn: string;
  themeKo: string;
  themeEn: string;
  capacity: string;
  registrationOpen: boolean;
}

export function useEditionValues(edition?: EditionSummary) {
  return useState<EditionValues>({
    startsOn: edition?.startsOn ?? '',
    endsOn: edition?.endsOn ?? '',
    themeKo: edition?.theme?.ko ?? '',
    themeEn: edition?.theme?.en ?? '',
    capacity:
      edition?.registration.capacity === null || !edition ? '' : String(edition.registration.capacity),
    registrationOpen: edition?.registration.open ?? false,
  });
}

/** The request body's edition fields; a capacity that is not a number is sent as typed. */
export function editionBody(values: EditionValues) {
  const capacity = values.capacity.trim();
  return {
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
    theme: values.themeKo.trim() || values.themeEn.trim() ? { ko: values.themeKo, en: values.themeEn } : null,
    capacity: capacity === '' ? null : /^\d+$/.test(capacity) ? Number(capacity) : capacity,
    registrationOpen: values.registrationOpen,
  };
}

export function EditionFields({
  values,
  onChange,
  form,
}: {
  values: EditionValues;
  onChange: (values: EditionValues) => void;
  form: FormState<EditionFieldName | 'year'>;
}) {
  const t = useText(forumStaffText);
  const set = (name: keyof EditionValues) => (value: string | boolean) =>
    onChange({ ...values, [name]: value });
  return (
    <>
      <TextField
        name="startsOn"
        type="date"
        label={t('startsOn')}
        value={values.startsOn}
        onChange={set('startsOn')}
        error={form.errorFor('startsOn')}
      />
      <TextField
        name="endsOn"
        type="date"
        label={t('endsOn')}
        value={values.endsOn}
        onChange={set('endsOn')}
        error={form.errorFor('endsOn')}
      />
      <TextField
        name="theme.ko"
        label={t('themeKo')}
        hint={t('themeHint')}
        value={values.themeKo}
        onChange={set('themeKo')}
        error={form.errorFor('theme.ko')}
      />
      <TextField
        name="theme.en"
        label={t('themeEn')}
        value={values.themeEn}
        onChange={set('themeEn')}
        error={form.errorFor('theme.en')}
      />
      <TextField
        name="capacity"
        label={t('capacity')}
        hint={t('capacityHint')}
        value={values.capacity}
        onChange={set('capacity')}
        error={form.errorFor('capacity')}
        inputMode="numeric"
        className="input--short"
      />
      <CheckboxField
        name="registrationOpen"
        label={t('registrationOpen')}
        checked={values.registrationOpen}
        onChange={set('registrationOpen')}
        error={form.errorFor('registrationOpen')}
      />
    </>
  );
}
