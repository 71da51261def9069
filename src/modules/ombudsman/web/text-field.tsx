/** A labelled one-line or multi-line text control, the shape most fields of these forms take. */
import type { HTMLInputAutoCompleteAttribute, ReactNode } from 'react';
import { Field } from '../../../kernel/web/ui/index.ts';

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'date' | 'search';
  multiline?: boolean;
  autoComplete?: HTMLInputAutoCompleteAttribute;
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
  autoComplete = 'off',
  maxLength,
  className,
}: TextFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} error={error} required={required}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            rows={8}
            value={value}
            maxLength={maxLength}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            {...control}
            type={type}
            className={className}
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
