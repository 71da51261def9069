/**
 * Forms submit to the API and show what the API answers: a problem+json error becomes an error
 * summary at the top of the form (announced, focused, one link per field) and a message under each
 * field it names. Validation is the server's: forms carry `noValidate`, so every message, the browser's
 * included, comes in the UI's language and in one place.
 */

import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { useText } from '../i18n/index.ts';
import { shellText } from '../i18n/shell.ts';
import { fieldId } from './field.tsx';

export interface FormError {
  /** The form field the message belongs to, if it is one of the form's. */
  name: string | undefined;
  /** The name of the control on the page that the summary's link moves to, when it is not the field's own. */
  control?: string | undefined;
  message: string;
}

export interface FormOptions<Name extends string> {
  /** The form's field names, as the API calls them (`email` for `body.email`). */
  fields: readonly Name[];
  /** Problem codes that carry no field but concern one (e.g. `invalid_credentials` → `password`). */
  attach?: Partial<Record<string, Name>>;
  /**
   * The page's control for a field, where it is not named as the API names the field: a form shown once
   * per row names its controls apart (`outcome-12`), so that each has its own id to link to.
   */
  controls?: Partial<Record<Name, string>>;
}

export interface FormState<Name extends string> {
  pending: boolean;
  problem: ApiError | null;
  errors: readonly FormError[];
  /** The error message for one field, if any. */
  errorFor(name: Name): string | undefined;
  /** Runs `action`, keeping its ApiError for display; other errors are rethrown. */
  submit(action: () => Promise<void>): (event: FormEvent) => Promise<void>;
  /** Shows an error that did not come from this form's own submit. */
  fail(problem: ApiError | null): void;
}

function fieldName<Name extends string>(field: string, names: readonly Name[]): Name | undefined {
  const last = field.split('.').slice(1).join('.') || field;
  return names.find((name) => name === last);
}

export function useForm<Name extends string>({
  fields,
  attach = {},
  controls = {},
}: FormOptions<Name>): FormState<Name> {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const errors: FormError[] = [];
  if (problem) {
    const withControl = (name: Name | undefined, message: string) =>
      errors.push({ name, control: name === undefined ? undefined : controls[name], message });
    for (const error of problem.errors) withControl(fieldName(error.field, fields), error.message);
    const attached = attach[problem.code];
    if (problem.errors.length === 0 && attached) withControl(attached, problem.title);
  }

  const submit = useCallback(
    (action: () => Promise<void>) => async (event: FormEvent) => {
      event.preventDefault();
      setPending(true);
      try {
        await action();
        setProblem(null);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        setProblem(error);
      } finally {
        setPending(false);
      }
    },
    [],
  );

  return {
    pending,
    problem,
    errors,
    errorFor: (name) => errors.find((error) => error.name === name)?.message,
    submit,
    fail: setProblem,
  };
}

/**
 * The summary of a form's errors: focused when it appears (so it is read first, and the next Tab
 * continues from it), with a link to each field that moves focus there.
 */
export function ErrorSummary({ form }: { form: Pick<FormState<string>, 'problem' | 'errors'> }) {
  const t = useText(shellText);
  const summary = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const { problem, errors } = form;

  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  if (!problem) return null;
  // A failed validation says nothing beyond its field messages; any other problem's title does
  // (unless it is already listed, attached to a field).
  const showTitle =
    (errors.length === 0 || problem.code !== 'validation_failed') &&
    !errors.some((error) => error.message === problem.title);
  return (
    <div ref={summary} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        {t('errorSummaryTitle')}
      </h2>
      {showTitle ? <p>{problem.title}</p> : null}
      {errors.length > 0 ? (
        <ul className="error-summary__list">
          {errors.map((error) => {
            const target = error.control ?? error.name;
            return (
              <li key={`${error.name}:${error.message}`}>
                {target ? <FieldLink name={target}>{error.message}</FieldLink> : error.message}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

function FieldLink({ name, children }: { name: string; children: ReactNode }) {
  const id = fieldId(name);
  return (
    <a
      href={`#${id}`}
      onClick={(event) => {
        // Focus the control without changing the URL (the router would take a new hash for a page).
        const control = document.getElementById(id);
        if (!control) return;
        event.preventDefault();
        control.focus();
        control.scrollIntoView({ block: 'center' });
      }}
    >
      {children}
    </a>
  );
}
