/**
 * A group of controls that the server may report on as a whole (a set of checkboxes, or a choice
 * between fields of which one is needed): a fieldset whose legend names it, with the group's hint and
 * error tied to it, and the id the error summary links to, so the link lands on the group.
 */
import type { ReactNode } from 'react';
import { describedIds, FieldNotes, fieldId } from './field.tsx';

interface GroupProps {
  name: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}

export function Group({ name, legend, hint, error, children }: GroupProps) {
  const id = fieldId(name);
  const { hintId, errorId, describedBy } = describedIds(id, hint, error);
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`group${error ? ' group--error' : ''}`}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      <FieldNotes hintId={hintId} errorId={errorId} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}
