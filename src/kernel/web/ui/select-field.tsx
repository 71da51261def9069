/** A labelled choice of one value from a list, bound to a string (or a union of strings). */
import type { ReactNode } from 'react';
import { Field } from './field.tsx';

export interface SelectFieldProps<Value extends string> {
  name: string;
  label: string;
  value: Value;
  onChange: (value: Value) => void;
  options: readonly { value: Value; label: ReactNode }[];
  /** The label of a first choice with the empty value ("any", "none"). */
  empty?: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
}

export function SelectField<Value extends string>({
  name,
  label,
  value,
  onChange,
  options,
  empty,
  error,
  hint,
  required,
}: SelectFieldProps<Value>) {
  return (
    <Field name={name} label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value as Value)}>
          {empty === undefined ? null : <option value="">{empty}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
