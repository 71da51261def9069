/** What the plan's pages share: money and percentages as the page's language writes them, a status name. */
import { useState } from 'react';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { formatNumber } from '../../../kernel/web/ui/index.ts';
import type { Status } from '../contract.ts';
import { planText } from './messages.ts';

export function useFormats() {
  const t = useText(planText);
  const language = useLanguage();
  return {
    won: (value: number | null) => (value === null ? t('none') : t('won', { amount: formatNumber(value) })),
    percent: (value: number) => t('percent', { value: formatNumber(value) }),
    status: (statuses: readonly Status[], code: string | null) =>
      code === null
        ? t('noStatus')
        : (statuses.find((status) => status.code === code)?.name[language] ?? code),
  };
}

/**
 * A form's text values and, for each field, the props that bind a TextField or SelectField to one
 * value and to the server's error for it (`errorName` when the API names the field otherwise).
 */
export function useFormValues<Values extends Record<string, string>>(
  initial: Values,
  errorFor: (name: string) => string | undefined,
) {
  const [values, setValues] = useState(initial);
  const bind = (name: keyof Values & string, errorName: string = name) => ({
    name,
    value: values[name],
    onChange: (value: string) => setValues((current) => ({ ...current, [name]: value })),
    error: errorFor(errorName),
  });
  return { values, setValues, bind };
}
