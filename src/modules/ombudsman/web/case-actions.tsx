/**
 * The steps a reader may take on a case now, one small form each, in the order the server lists them
 * (its transition table decides; the page only offers what it was told). Each step is sent with the
 * version the page read: a 409 means the case changed meanwhile (or the step is no longer possible
 * from its state), and the form says so and offers to load the latest version.
 *
 * The department's own steps (answering a request, responding to a recommendation) are on its inbox
 * page, where its items are.
 */
import { type ReactNode, useId, useState } from 'react';
import { ApiError } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import type { Term } from '../../../kernel/web/pages/vocabularies/types.ts';
import {
  Button,
  CheckboxField,
  ErrorSummary,
  Field,
  type FormState,
  Notice,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import {
  type CaseAction,
  type CaseView,
  closedReasons,
  decisionOutcomes,
  inadmissibleReasons,
  type TransitionInput,
} from '../contract.ts';
import { caseFileText } from './case-file-messages.ts';
import { ombudsmanText } from './messages.ts';
import { type Member, sendTransition } from './shared.tsx';
import { ombudsmanStaffText } from './staff-messages.ts';
import { TextField } from './text-field.tsx';

/** A step's input without the version, which the panel adds. */
type StepInput = TransitionInput extends infer Input
  ? Input extends { version: number }
    ? Omit<Input, 'version'>
    : never
  : never;

interface StepProps {
  view: CaseView;
  onDone: (action: CaseAction) => Promise<void>;
  onReload: () => Promise<void>;
}

const stepFields = [
  'note',
  // The recommendation's text: `body` to the API, but its own id on the page, where the note's
  // `body` field may be open beside it (a label must point at its own box).
  'recommendationBody',
  'reason',
  'referredTo',
  'userIds',
  'body',
  'departmentCode',
  'question',
  'dueOn',
  'outcome',
  'facts',
  'grounds',
] as const;
type StepField = (typeof stepFields)[number];

/** One step's panel: its heading, the server's problems, the 409 explanation, and its submit button. */
function StepPanel({
  action,
  view,
  onDone,
  onReload,
  input,
  aliases = {},
  children,
}: StepProps & {
  action: CaseAction;
  input: () => StepInput;
  /** The API's field name → this panel's field, where two panels on the page share a name. */
  aliases?: Partial<Record<string, StepField>>;
  children?: (form: FormState<StepField>) => ReactNode;
}) {
  const t = useText(ombudsmanStaffText);
  const headingId = useId();
  const form = useForm({ fields: stepFields });
  const [stale, setStale] = useState(false);
  const submit = form.submit(async () => {
    try {
      await sendTransition(view.id, { ...input(), version: view.version } as TransitionInput);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setStale(true);
      if (error instanceof ApiError) {
        const errors = error.errors.map((fieldError) => {
          const [where, name = ''] = fieldError.field.split('.');
          const alias = aliases[name];
          return alias ? { ...fieldError, field: `${where}.${alias}` } : fieldError;
        });
        throw new ApiError(error.status, error.code, error.title, errors);
      }
      throw error;
    }
    await onDone(action);
  });
  return (
    <section className="action-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`action_${action}`)}</h3>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        {stale ? (
          <Notice tone="warning">
            <p>{t('conflictHelp')}</p>
            <Button variant="secondary" onClick={() => void onReload().then(() => setStale(false))}>
              {t('reload')}
            </Button>
          </Notice>
        ) : null}
        {children?.(form)}
        <Button type="submit" disabled={form.pending}>
          {t(`action_${action}`)}
        </Button>
      </form>
    </section>
  );
}

function Choice<Value extends string>({
  name,
  label,
  value,
  values,
  text,
  onChange,
  error,
}: {
  name: StepField;
  label: string;
  /** One of `values`, or empty until one is chosen. */
  value: string;
  values: readonly Value[];
  text: (value: Value) => string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <Field name={name} label={label} error={error} required>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="" disabled>
            –
          </option>
          {values.map((item) => (
            <option key={item} value={item}>
              {text(item)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function DepartmentChoice({
  departments,
  value,
  onChange,
  error,
}: {
  departments: readonly Term[];
  value: string;
  onChange: (code: string) => void;
  error: string | undefined;
}) {
  const t = useText(ombudsmanStaffText);
  const language = useLanguage();
  return (
    <Choice
      name="departmentCode"
      label={t('department')}
      value={value}
      values={departments.map((term) => term.code)}
      text={(code) => departments.find((term) => term.code === code)?.name[language] ?? code}
      onChange={onChange}
      error={error}
    />
  );
}

function StepForm({
  action,
  members,
  departments,
  ...props
}: StepProps & { action: CaseAction; members: readonly Member[]; departments: readonly Term[] }) {
  const t = useText(ombudsmanStaffText);
  const publicText = useText(ombudsmanText);
  const fileText = useText(caseFileText);
  const [text, setText] = useState('');
  // The decision's second text (the grounds, beside the facts).
  const [grounds, setGrounds] = useState('');
  const [choice, setChoice] = useState('');
  const [department, setDepartment] = useState('');
  const [date, setDate] = useState('');
  const [chosen, setChosen] = useState<readonly string[]>(props.view.assignedTo);
  const panel = { action, ...props };
  const optional = (value: string) => (value.trim() ? value : undefined);
  // A step has at most one department, one choice and one text, so each has one state and one field.
  const departmentField = (form: FormState<StepField>) => (
    <DepartmentChoice
      departments={departments}
      value={department}
      onChange={setDepartment}
      error={form.errorFor('departmentCode')}
    />
  );
  const choiceField = <Value extends string>(
    form: FormState<StepField>,
    name: StepField,
    label: string,
    values: readonly Value[],
    text: (value: Value) => string,
  ) => (
    <Choice
      name={name}
      label={label}
      value={choice}
      values={values}
      text={text}
      onChange={setChoice}
      error={form.errorFor(name)}
    />
  );
  const textField = (
    form: FormState<StepField>,
    name: StepField,
    label: string,
    { required = false, multiline = true } = {},
  ) => (
    <TextField
      name={name}
      label={label}
      value={text}
      onChange={setText}
      error={form.errorFor(name)}
      multiline={multiline}
      required={required}
    />
  );

  switch (action) {
    case 'start_assessment':
    case 'issue_recommendations':
      return <StepPanel {...panel} input={() => ({ action })} />;
    case 'admit':
      return (
        <StepPanel {...panel} input={() => ({ action, note: optional(text) })}>
          {(form) => textField(form, 'note', t('note'))}
        </StepPanel>
      );
    case 'add_note':
      return (
        <StepPanel {...panel} input={() => ({ action, body: text })}>
          {(form) => textField(form, 'body', t('note'), { required: true })}
        </StepPanel>
      );
    case 'refer':
      return (
        <StepPanel {...panel} input={() => ({ action, referredTo: text })}>
          {(form) => textField(form, 'referredTo', t('referredTo'), { required: true, multiline: false })}
        </StepPanel>
      );
    case 'dismiss':
      return (
        <StepPanel
          {...panel}
          input={() => ({ action, reason: choice as (typeof inadmissibleReasons)[number] })}
        >
          {(form) =>
            choiceField(form, 'reason', t('reason'), inadmissibleReasons, (reason) => t(`reason_${reason}`))
          }
        </StepPanel>
      );
    case 'close':
      return (
        <StepPanel {...panel} input={() => ({ action, reason: choice as (typeof closedReasons)[number] })}>
          {(form) =>
            choiceField(form, 'reason', t('reason'), closedReasons, (reason) =>
              publicText(`outcome_${reason}`),
            )
          }
        </StepPanel>
      );
    case 'decide':
      return (
        <StepPanel
          {...panel}
          input={() => ({
            action,
            outcome: choice as (typeof decisionOutcomes)[number],
            facts: text,
            grounds,
          })}
        >
          {(form) => (
            <>
              {choiceField(form, 'outcome', t('outcome'), decisionOutcomes, (outcome) =>
                publicText(`outcome_${outcome}`),
              )}
              <TextField
                name="facts"
                label={fileText('facts')}
                hint={fileText('factsHint')}
                value={text}
                onChange={setText}
                error={form.errorFor('facts')}
                multiline
                required
              />
              <TextField
                name="grounds"
                label={fileText('grounds')}
                hint={fileText('groundsHint')}
                value={grounds}
                onChange={setGrounds}
                error={form.errorFor('grounds')}
                multiline
                required
              />
            </>
          )}
        </StepPanel>
      );
    case 'assign':
      return (
        <StepPanel {...panel} input={() => ({ action, userIds: [...chosen] })}>
          {(form) => (
            <fieldset aria-describedby="assign-hint">
              <legend>{t('members')}</legend>
              <p id="assign-hint" className="field__hint">
                {t('membersHint')}
              </p>
              {form.errorFor('userIds') ? <p className="field__error">{form.errorFor('userIds')}</p> : null}
              {members.map((member) => (
                <CheckboxField
                  key={member.userId}
                  name={`member-${member.userId}`}
                  label={
                    member.standing ? t('standingMember', { name: member.displayName }) : member.displayName
                  }
                  checked={chosen.includes(member.userId)}
                  onChange={(checked) =>
                    setChosen((current) =>
                      checked ? [...current, member.userId] : current.filter((id) => id !== member.userId),
                    )
                  }
                />
              ))}
            </fieldset>
          )}
        </StepPanel>
      );
    case 'request_information':
      return (
        <StepPanel
          {...panel}
          input={() => ({
            action,
            departmentCode: department,
            question: text,
            ...(date ? { dueOn: date } : {}),
          })}
        >
          {(form) => (
            <>
              {departmentField(form)}
              {textField(form, 'question', t('question'), { required: true })}
              <TextField
                name="dueOn"
                label={t('dueOn')}
                hint={fileText('requestDueHint')}
                type="date"
                className="input--short"
                value={date}
                onChange={setDate}
                error={form.errorFor('dueOn')}
              />
            </>
          )}
        </StepPanel>
      );
    case 'recommend':
      return (
        <StepPanel
          {...panel}
          aliases={{ body: 'recommendationBody' }}
          input={() => ({ action, departmentCode: department, body: text, ...(date ? { dueOn: date } : {}) })}
        >
          {(form) => (
            <>
              {departmentField(form)}
              {textField(form, 'recommendationBody', t('body'), { required: true })}
              <TextField
                name="dueOn"
                label={fileText('recommendationDue')}
                hint={fileText('recommendationDueHint')}
                type="date"
                className="input--short"
                value={date}
                onChange={setDate}
                error={form.errorFor('dueOn')}
              />
            </>
          )}
        </StepPanel>
      );
    case 'reopen':
      return (
        <StepPanel {...panel} input={() => ({ action, reason: text })}>
          {(form) => textField(form, 'reason', fileText('reopenReason'), { required: true })}
        </StepPanel>
      );
    default:
      return null;
  }
}

/** The department's steps happen on its inbox page; the rest are offered here. */
const departmentSteps: readonly CaseAction[] = ['answer_information', 'respond_recommendation'];

export function Actions({
  view,
  members,
  departments,
  onDone,
  onReload,
}: StepProps & { members: readonly Member[]; departments: readonly Term[] }) {
  const t = useText(ombudsmanStaffText);
  // Counts the steps taken: after one, every form starts afresh; after a conflict's reload, the
  // forms keep what was typed, to be sent again against the latest version.
  const [taken, setTaken] = useState(0);
  const steps = view.allowedActions.filter((action) => !departmentSteps.includes(action));
  const done = async (action: CaseAction) => {
    await onDone(action);
    setTaken((count) => count + 1);
  };
  return (
    <section className="section" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions')}</h2>
      {steps.length === 0 ? <p>{t('actionsEmpty')}</p> : null}
      {steps.map((action) => (
        <StepForm
          key={`${action}-${taken}`}
          action={action}
          view={view}
          members={members}
          departments={departments}
          onDone={done}
          onReload={onReload}
        />
      ))}
    </section>
  );
}
