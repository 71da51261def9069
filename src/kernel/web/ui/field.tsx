/**
 * A labelled form control with its hint and its error, wired the accessible way: the label names the
 * control, "required" is said in text (not by colour or an asterisk alone), and the hint and the error
 * are tied to the control with `aria-describedby`, the error also with `aria-invalid`.
 *
 * The control itself is the caller's (input, select, textarea): `children` receives the props to
 * spread on it.
 */

import type { ReactNode } from 'react';
import { useText } from '../i18n/index.ts';
import { shellText } from '../i18n/shell.ts';

/** The id of a field's control: what the error summary links to. */
export function fieldId(name: string): string {
  return `field-${name}`;
}

export interface ControlProps {
  id: string;
  name: string;
  required: boolean;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  /** Checkboxes and radios: the control comes before its label. */
  inline?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** The ids of a field's hint and error, and the `aria-describedby` that ties them to its control. */
export function describedIds(id: string, hint: ReactNode, error: string | undefined) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

/** A field's (or a group's) hint and error, with the ids `describedIds` gave them. */
export function FieldNotes({
  hintId,
  errorId,
  hint,
  error,
}: {
  hintId: string | undefined;
  errorId: string | undefined;
  hint: ReactNode;
  error: string | undefined;
}) {
  const t = useText(shellText);
  return (
    <>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">{t('errorPrefix')} </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function Field({ name, label, hint, error, required = false, inline = false, children }: FieldProps) {
  const t = useText(shellText);
  const id = fieldId(name);
  const { hintId, errorId, describedBy } = describedIds(id, hint, error);
  const control = children({
    id,
    name,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  });
  const labelElement = (
    <label htmlFor={id} className="field__label">
      {label}
      {required ? <span className="field__required"> ({t('required')})</span> : null}
    </label>
  );
  return (
    <div className={`field${error ? ' field--error' : ''}${inline ? ' field--inline' : ''}`}>
      {inline ? null : labelElement}
      <FieldNotes hintId={hintId} errorId={errorId} hint={hint} error={error} />
      {inline ? (
        <div className="field__inline">
          {control}
          {labelElement}
        </div>
      ) : (
        control
      )}
    </div>
  );
}
