/**
 * A group of controls that the server may report on as a whole (`body.complainant` when neither a
 * name nor a contact was given, `body.rights`): a fieldset whose legend names it, with the group's
 * hint and error tied to it, and the id the error summary links to, so the link lands on the group.
 */
import type { ReactNode } from 'react';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { shellText } from '../../../kernel/web/i18n/shell.ts';
import { fieldId } from '../../../kernel/web/ui/index.ts';

interface GroupProps {
  name: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}

export function Group({ name, legend, hint, error, children }: GroupProps) {
  const t = useText(shellText);
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`group${error ? ' group--error' : ''}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
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
      {children}
    </fieldset>
  );
}
