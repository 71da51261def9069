/**
 * The field most forms are made of: a labelled one-line input (text, email, password, tel, date,
 * search) or a multi-line textarea, bound to a string. Attributes not asked for are left off, so a
 * form says its own `autocomplete` (e.g. `current-password`, `one-time-code`, `off`).
 */
import type { HTMLAttributes, HTMLInputAutoCompleteAttribute, ReactNode } from 'react';
import { Field } from './field.tsx';

export interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'search';
  /** A textarea instead of an input; `rows` sets its height. */
  multiline?: boolean;
  rows?: number;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  maxLength?: number;
  className?: string;
}

export function TextField({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  required = false,
  type = 'text',
  multiline = false,
  rows,
  autoComplete,
  inputMode,
  maxLength,
  className,
}: TextFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} error={error} required={required}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            rows={rows}
            value={value}
            maxLength={maxLength}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            {...control}
            type={type}
            className={className}
            inputMode={inputMode}
            autoComplete={autoComplete}
            maxLength={maxLength}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}
