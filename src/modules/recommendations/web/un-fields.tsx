/**
 * The register's form, when the source is a UN body: mechanism, body, document symbol and paragraph,
 * whom it addresses, cycle and year, and the text in the UN's language. The server checks them (and
 * that the recommendation is public, as UN recommendations always are).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { type FormState, Group, SelectField, TextField } from '../../../kernel/web/ui/index.ts';
import { type UnAddressee, type UnMechanism, unAddressees, unMechanisms } from '../contract.ts';
import { staffUnImportPath } from './paths.ts';
import { unText } from './un-messages.ts';

/** The form's field names of the UN details, as the API names them under `body.`. */
export const unFieldNames = [
  'un',
  'un.mechanism',
  'un.body',
  'un.symbol',
  'un.paragraph',
  'un.originalLanguage',
  'un.originalText',
  'un.addressedTo',
  'un.cycle',
  'un.year',
] as const;

const empty = {
  mechanism: 'upr' as UnMechanism,
  body: '',
  symbol: '',
  paragraph: '',
  originalLanguage: 'en',
  originalText: '',
  addressedTo: 'korea' as UnAddressee,
  cycle: '',
  year: '',
};

export function useUnFields() {
  const [values, setValues] = useState(empty);
  return {
    values,
    set: (name: keyof typeof empty) => (value: string) => setValues((was) => ({ ...was, [name]: value })),
    reset: () => setValues(empty),
    /** What the API takes; a year that is not a number is sent as it is, for the server to refuse. */
    value: () => ({
      mechanism: values.mechanism,
      body: values.body,
      symbol: values.symbol,
      paragraph: values.paragraph,
      originalLanguage: values.originalLanguage,
      originalText: values.originalText,
      addressedTo: values.addressedTo,
      cycle: values.cycle.trim() === '' ? null : values.cycle.trim(),
      year:
        values.year.trim() === ''
          ? null
          : /^\d+$/.test(values.year.trim())
            ? Number(values.year)
            : values.year,
    }),
  };
}

export function UnFields({
  state,
  form,
}: {
  state: ReturnType<typeof useUnFields>;
  form: Pick<FormState<string>, 'errorFor'>;
}) {
  const t = useText(unText);
  const { values, set } = state;
  return (
    <Group name="un" legend={t('formLegend')} hint={t('formHint')} error={form.errorFor('un')}>
      <p>
        <Link to={staffUnImportPath}>{t('formImport')}</Link>
      </p>
      <SelectField
        name="un.mechanism"
        label={t('mechanism')}
        value={values.mechanism}
        onChange={set('mechanism')}
        options={unMechanisms.map((mechanism) => ({ value: mechanism, label: t(`mechanism_${mechanism}`) }))}
        required
      />
      <TextField
        name="un.body"
        label={t('body')}
        hint={t('bodyHint')}
        value={values.body}
        onChange={set('body')}
        error={form.errorFor('un.body')}
        required
      />
      <TextField
        name="un.symbol"
        label={t('symbol')}
        hint={t('symbolHint')}
        value={values.symbol}
        onChange={set('symbol')}
        error={form.errorFor('un.symbol')}
        required
      />
      <TextField
        name="un.paragraph"
        label={t('paragraph')}
        hint={t('paragraphHint')}
        value={values.paragraph}
        onChange={set('paragraph')}
        error={form.errorFor('un.paragraph')}
        required
      />
      <SelectField
        name="un.addressedTo"
        label={t('addressedTo')}
        value={values.addressedTo}
        onChange={set('addressedTo')}
        options={unAddressees.map((addressee) => ({
          value: addressee,
          label: t(`addressedTo_${addressee}`),
        }))}
        required
      />
      <TextField
        name="un.cycle"
        label={t('cycle')}
        value={values.cycle}
        onChange={set('cycle')}
        error={form.errorFor('un.cycle')}
      />
      <TextField
        name="un.year"
        label={t('year')}
        value={values.year}
        onChange={set('year')}
        error={form.errorFor('un.year')}
      />
      <TextField
        name="un.originalLanguage"
        label={t('originalLanguage')}
        hint={t('originalLanguageHint')}
        value={values.originalLanguage}
        onChange={set('originalLanguage')}
        error={form.errorFor('un.originalLanguage')}
        required
      />
      <TextField
        name="un.originalText"
        label={t('original')}
        value={values.originalText}
        onChange={set('originalText')}
        error={form.errorFor('un.originalText')}
        multiline
        required
      />
    </Group>
  );
}
