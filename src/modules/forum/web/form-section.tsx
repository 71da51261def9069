/**
 * A section of a page that is one form: its heading, the error summary first inside the form, the
 * fields, and the submit button, disabled while the request is on its way.
 */
import type { FormEvent, ReactNode } from 'react';
import { Button, ErrorSummary, type FormState } from '../../../kernel/web/ui/index.ts';

export function FormSection<Name extends string>({
  id,
  title,
  subsection = false,
  form,
  onSubmit,
  submitLabel,
  children,
}: {
  id: string;
  title: string;
  /** Under another section's heading: an h3 instead of an h2. */
  subsection?: boolean;
  form: FormState<Name>;
  onSubmit: (event: FormEvent) => Promise<void>;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <section className="section" aria-labelledby={id}>
      {subsection ? <h3 id={id}>{title}</h3> : <h2 id={id}>{title}</h2>}
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        {children}
        <Button type="submit" disabled={form.pending}>
          {submitLabel}
        </Button>
      </form>
    </section>
  );
}
