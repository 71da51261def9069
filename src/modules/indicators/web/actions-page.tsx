/**
 * Step (5): complementation actions, from the report to the collection of results, and after the
 * year closes until each is done or cancelled (the office cancels with a reason; the office and the
 * owner department add progress notes, shown with who and when). The office adds
 * one for an indicator (what, owner department, due date) and may change it; the owner department
 * sees its own and moves their status (closing one marks it done); the committee reads them all.
 * Overdue actions (the server's judgement: past due in the city and not done) are marked in words.
 * Every change carries the version read, so a change made meanwhile comes back as a conflict. Due
 * dates are typed as text (year-month-day): a browser's date control orders its parts by its own
 * locale, which a keyboard user cannot predict.
 */
import { useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import type { TermList } from '../../../kernel/web/pages/vocabularies/types.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  formatDateTime,
  LiveRegion,
  Loaded,
  Notice,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type Action, actionStatuses, type Cycle, type CycleStep, type Overview } from '../contract.ts';
import { indicatorOptions } from './current-cycle.tsx';
import { indicatorsCycleText } from './cycle-messages.ts';
import { indicatorsStepText } from './step-messages.ts';
import { SaveButtons, StepPage, useIsOffice } from './step-page.tsx';
import './indicators.css';

/** The steps at which actions are added and moved (as the API allows). */
const actionSteps: readonly CycleStep[] = ['report', 'complementation', 'results'];
type Status = Action['status'];

function useDepartments() {
  return useApiData<TermList>('/vocabularies/departments').data?.terms ?? [];
}

/** What is to be done and by when: the office's to set, on a new action or an existing one. */
function WhatAndWhen({
  errorFor,
  description,
  onDescription,
  dueDate,
  onDueDate,
}: {
  errorFor: (name: 'description' | 'dueDate') => string | undefined;
  description: string;
  onDescription: (value: string) => void;
  dueDate: string;
  onDueDate: (value: string) => void;
}) {
  const t = useText(indicatorsStepText);
  return (
    <>
      <TextField
        name="description"
        label={t('actionDescription')}
        value={description}
        onChange={onDescription}
        error={errorFor('description')}
        multiline
        rows={3}
        required
      />
      <TextField
        name="dueDate"
        label={t('dueDate')}
        hint={t('dueDateHint')}
        value={dueDate}
        onChange={onDueDate}
        error={errorFor('dueDate')}
        className="input--short"
        required
      />
    </>
  );
}

function CreateActionForm({ year, onSaved }: { year: number; onSaved: (text: string) => void }) {
  const t = useText(indicatorsStepText);
  const language = useLanguage();
  const overview = useApiData<Overview>('/indicators');
  const departments = useDepartments();
  const form = useForm({ fields: ['indicatorCode', 'description', 'ownerDepartment', 'dueDate'] });
  const [indicatorCode, setIndicatorCode] = useState('');
  const [description, setDescription] = useState('');
  const [ownerDepartment, setOwnerDepartment] = useState('');
  const [dueDate, setDueDate] = useState('');
  const indicators = (overview.data?.areas ?? []).flatMap((area) => area.indicators);
  const onSubmit = form.submit(async () => {
    const created = await api<Action>(`/indicators/cycles/${year}/actions`, {
      method: 'POST',
      body: { indicatorCode, description, ownerDepartment, dueDate },
    });
    setDescription('');
    setDueDate('');
    onSaved(t('actionCreated', { code: created.indicatorCode }));
  });
  return (
    <section className="section" aria-labelledby="new-action">
      <h2 id="new-action">{t('newActionTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <SelectField
          name="indicatorCode"
          label={t('indicator')}
          value={indicatorCode}
          onChange={setIndicatorCode}
          empty={t('choose')}
          options={indicatorOptions(indicators, language)}
          error={form.errorFor('indicatorCode')}
          required
        />
        <SelectField
          name="ownerDepartment"
          label={t('ownerDepartment')}
          value={ownerDepartment}
          onChange={setOwnerDepartment}
          empty={t('choose')}
          options={departments.map((term) => ({
            value: term.code,
            label: term.name[language],
          }))}
          error={form.errorFor('ownerDepartment')}
          required
        />
        <WhatAndWhen
          errorFor={form.errorFor}
          description={description}
          onDescription={setDescription}
          dueDate={dueDate}
          onDueDate={setDueDate}
        />
        <Button type="submit" disabled={form.pending}>
          {t('createAction')}
        </Button>
      </form>
    </section>
  );
}

function UpdateActionForm({
  action,
  office,
  onSaved,
  onReload,
}: {
  action: Action;
  office: boolean;
  onSaved: (text: string) => void;
  onReload: () => void;
}) {
  const t = useText(indicatorsStepText);
  const form = useForm({ fields: ['status', 'description', 'dueDate'], attach: { conflict: 'status' } });
  const [status, setStatus] = useState<Status>(action.status);
  const [description, setDescription] = useState(action.description);
  const [dueDate, setDueDate] = useState(action.dueDate);
  const onSubmit = form.submit(async () => {
    // The owner department sends the status alone: what and when are the office's to change.
    const body = office
      ? { version: action.version, status, description, dueDate }
      : { version: action.version, status };
    await api(`/indicators/actions/${action.id}`, { method: 'PATCH', body });
    onSaved(t('actionUpdated', { code: action.indicatorCode, status: t(`status_${status}`) }));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <SelectField
        name="status"
        label={t('status')}
        hint={t('statusHint')}
        value={status}
        onChange={setStatus}
        options={actionStatuses.map((value) => ({ value, label: t(`status_${value}`) }))}
        error={form.errorFor('status')}
        required
      />
      {office ? (
        <WhatAndWhen
          errorFor={form.errorFor}
          description={description}
          onDescription={setDescription}
          dueDate={dueDate}
          onDueDate={setDueDate}
        />
      ) : null}
      <SaveButtons form={form} label={t('saveAction')} onReload={onReload} />
    </form>
  );
}

/** A progress note on the chosen action (the office or its owner department). */
function NoteForm({ action, onSaved }: { action: Action; onSaved: (text: string) => void }) {
  const c = useText(indicatorsCycleText);
  const form = useForm({ fields: ['body'] });
  const [body, setBody] = useState('');
  const onSubmit = form.submit(async () => {
    await api(`/indicators/actions/${action.id}/notes`, { method: 'POST', body: { body } });
    setBody('');
    onSaved(c('noteAdded', { code: action.indicatorCode }));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form" aria-labelledby="note-title">
      <h3 id="note-title">{c('noteTitle')}</h3>
      <ErrorSummary form={form} />
      <TextField
        name="body"
        label={c('noteLabel')}
        value={body}
        onChange={setBody}
        error={form.errorFor('body')}
        multiline
        rows={3}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {c('addNote')}
      </Button>
    </form>
  );
}

/** The office cancels the chosen action, saying why. */
function CancelForm({
  action,
  onSaved,
  onReload,
}: {
  action: Action;
  onSaved: (text: string) => void;
  onReload: () => void;
}) {
  const c = useText(indicatorsCycleText);
  const step = useText(indicatorsStepText);
  const form = useForm({ fields: ['reason'], attach: { conflict: 'reason' } });
  const [reason, setReason] = useState('');
  const onSubmit = form.submit(async () => {
    await api(`/indicators/actions/${action.id}/cancel`, {
      method: 'POST',
      body: { version: action.version, reason },
    });
    onSaved(c('actionCancelled', { code: action.indicatorCode }));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form" aria-labelledby="cancel-title">
      <h3 id="cancel-title">{c('cancelTitle')}</h3>
      <ErrorSummary form={form} />
      <TextField
        name="reason"
        label={c('cancelReason')}
        hint={c('cancelHint')}
        value={reason}
        onChange={setReason}
        error={form.errorFor('reason')}
        multiline
        rows={3}
        required
      />
      <div className="inline-actions">
        <Button type="submit" variant="danger" disabled={form.pending}>
          {c('cancelAction')}
        </Button>
        {form.problem?.code === 'conflict' ? (
          <Button variant="secondary" onClick={onReload}>
            {step('loadLatest')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** What an action's record says beyond its status: who added it, its notes. */
function ActionNotes({ action }: { action: Action }) {
  const c = useText(indicatorsCycleText);
  const language = useLanguage();
  return (
    <>
      {action.notes.length === 0 ? (
        c('noNotes')
      ) : (
        <ul className="action-notes">
          {action.notes.map((note) => (
            <li key={note.id}>
              {note.body}{' '}
              <span className="meta">
                ({c('noteBy', { name: note.author, at: formatDateTime(note.createdAt, language) })})
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ActionTable({
  year,
  actions,
  caption,
}: {
  year: number;
  actions: Action[];
  caption?: string;
}) {
  const t = useText(indicatorsStepText);
  const c = useText(indicatorsCycleText);
  const language = useLanguage();
  const departments = useDepartments();
  const departmentName = (code: string) =>
    departments.find((term) => term.code === code)?.name[language] ?? code;
  const columns: Column<Action>[] = [
    {
      key: 'action',
      header: t('actionDescription'),
      rowHeader: true,
      cell: (row) => row.description,
    },
    {
      key: 'indicator',
      header: t('indicator'),
      cell: (row) => row.indicatorCode,
      sortValue: (row) => row.indicatorCode,
    },
    { key: 'owner', header: t('ownerDepartment'), cell: (row) => departmentName(row.ownerDepartment) },
    { key: 'due', header: t('dueDate'), cell: (row) => row.dueDate, sortValue: (row) => row.dueDate },
    {
      key: 'status',
      header: t('status'),
      cell: (row) => (
        <>
          {t(`status_${row.status}`)}
          {row.overdue ? <strong className="overdue"> {t('overdue')}</strong> : null}
          {row.cancellation ? (
            <span className="meta">
              {' '}
              {c('cancelledBecause', {
                reason: row.cancellation.reason,
                name: row.cancellation.by,
                at: formatDateTime(row.cancellation.at, language),
              })}
            </span>
          ) : null}
        </>
      ),
      sortValue: (row) => `${row.overdue ? 0 : 1}${row.status}`,
    },
    { key: 'notes', header: c('notesColumn'), cell: (row) => <ActionNotes action={row} /> },
  ];
  const overdue = actions.filter((action) => action.overdue).length;
  return (
    <section className="section" aria-labelledby="all-actions">
      <h2 id="all-actions">{caption ?? t('actionsCaption', { year })}</h2>
      {overdue > 0 ? <Notice tone="warning">{t('overdueCount', { count: overdue })}</Notice> : null}
      <DataTable
        caption={caption ?? t('actionsCaption', { year })}
        columns={columns}
        rows={actions}
        rowKey={(row) => String(row.id)}
        empty={t('noActionsYet')}
      />
    </section>
  );
}

function Actions({ cycle }: { cycle: Cycle }) {
  const t = useText(indicatorsStepText);
  const c = useText(indicatorsCycleText);
  const { user } = useSession();
  const office = useIsOffice();
  const state = useApiData<{ year: number; actions: Action[] }>(`/indicators/cycles/${cycle.year}/actions`);
  const [chosenId, setChosenId] = useState('');
  const [message, setMessage] = useState('');
  const open = actionSteps.includes(cycle.step);
  const saved = (text: string) => {
    setMessage(text);
    state.reload();
  };
  return (
    <>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      {open ? null : <Notice>{cycle.step === 'closed' ? c('actionsAfterClose') : t('actionsClosed')}</Notice>}
      {open && office ? <CreateActionForm year={cycle.year} onSaved={saved} /> : null}
      <Loaded state={state}>
        {({ actions }) => {
          // The office changes any action; a department, those it owns (the list holds no other).
          // An action goes on until done or cancelled, after the year closes too (the server says which).
          const editable =
            office || user?.role === 'department' ? actions.filter((action) => action.continues) : [];
          const chosen = editable.find((action) => String(action.id) === chosenId) ?? editable[0];
          return (
            <>
              {chosen ? (
                <section className="section" aria-labelledby="update-action">
                  <h2 id="update-action">{t('updateActionTitle')}</h2>
                  <SelectField
                    name="action"
                    label={t('actionToUpdate')}
                    value={String(chosen.id)}
                    onChange={(next) => {
                      setChosenId(next);
                      setMessage('');
                    }}
                    options={editable.map((action) => ({
                      value: String(action.id),
                      label: `${action.indicatorCode}: ${action.description}`,
                    }))}
                  />
                  <UpdateActionForm
                    key={`${chosen.id}:${chosen.version}`}
                    action={chosen}
                    office={office}
                    onSaved={saved}
                    onReload={() => state.reload(() => setMessage(t('latestLoaded')))}
                  />
                  <NoteForm key={`note:${chosen.id}:${chosen.version}`} action={chosen} onSaved={saved} />
                  {office ? (
                    <CancelForm
                      key={`cancel:${chosen.id}:${chosen.version}`}
                      action={chosen}
                      onSaved={saved}
                      onReload={() => state.reload(() => setMessage(t('latestLoaded')))}
                    />
                  ) : null}
                </section>
              ) : null}
              <ActionTable year={cycle.year} actions={actions} />
            </>
          );
        }}
      </Loaded>
    </>
  );
}

export default function ActionsPage() {
  const t = useText(indicatorsStepText);
  return (
    <StepPage title={t('actionsTitle')} lead={t('actionsLead')}>
      {(cycle) => <Actions cycle={cycle} />}
    </StepPage>
  );
}
