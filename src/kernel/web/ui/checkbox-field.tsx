/** A labelled checkbox bound to a boolean: the box first, then its label (`Field`'s inline layout). */
import type { ReactNode } from 'react';
import { Field } from './field.tsx';

interface CheckboxFieldProps {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
}

export function CheckboxField({ name, label, checked, onChange, error, hint, required }: CheckboxFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} error={error} required={required} inline>
      {(control) => (
        <input
          {...control}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
        />
      )}
    </Field>
  );
}
