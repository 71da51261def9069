/**
 * Admins manage accounts: the list, a form that creates one, and a form that changes a user's name,
 * role, department, or disables them. Changes carry the version the admin read, so a change someone
 * else made meanwhile comes back as the server's 409 message instead of being overwritten.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type Role, roles } from '../../../shared/roles.ts';
import { ApiError, api } from '../../api.ts';
import { useLanguage, useText } from '../../i18n/index.ts';
import { useRoleName } from '../../i18n/shell.ts';
import { useSession } from '../../session.tsx';
import {
  Button,
  CheckboxField,
  type Column,
  DataTable,
  ErrorSummary,
  Field,
  LiveRegion,
  Loaded,
  Page,
  SelectField,
  TextField,
  useForm,
} from '../../ui/index.ts';
import { useApiData } from '../../use-api.ts';
import type { TermList } from '../vocabularies/types.ts';
import { accountsText } from './messages.ts';

interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  totpEnabled: boolean;
  disabled: boolean;
  version: number;
}

interface ChoiceProps<Value> {
  value: Value;
  onChange: (value: Value) => void;
  error: string | undefined;
}

function RoleField({ value, onChange, error }: ChoiceProps<Role>) {
  const t = useText(accountsText);
  const roleName = useRoleName();
  return (
    <SelectField
      name="role"
      label={t('role')}
      value={value}
      onChange={onChange}
      options={roles.map((role) => ({ value: role, label: roleName(role) }))}
      error={error}
      required
    />
  );
}

/** The departments come from the shared vocabulary; "none" is the empty choice. */
function DepartmentField({ value, onChange, error }: ChoiceProps<string>) {
  const t = useText(accountsText);
  const language = useLanguage();
  const departments = useApiData<TermList>('/vocabularies/departments');
  const terms = departments.data?.terms ?? [];
  return (
    <Field name="departmentCode" label={t('departmentCode')} hint={t('departmentHint')} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('noDepartment')}</option>
          {terms.map((term) => (
            <option key={term.code} value={term.code}>
              {term.name[language]} ({term.code})
            </option>
          ))}
          {value && !terms.some((term) => term.code === value) ? (
            <option value={value}>{value}</option>
          ) : null}
        </select>
      )}
    </Field>
  );
}

interface FormSectionProps {
  id: string;
  title: string;
  /** Take focus to the heading when the section appears (a form opened by a button elsewhere). */
  focusOnOpen?: boolean;
  children: ReactNode;
}

function FormSection({ id, title, focusOnOpen = false, children }: FormSectionProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the section appears.
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, []);
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (name: string) => void }) {
  const t = useText(accountsText);
  const form = useForm({ fields: ['email', 'displayName', 'role', 'departmentCode', 'password'] });
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [departmentCode, setDepartmentCode] = useState('');
  const [password, setPassword] = useState('');

  const submit = form.submit(async () => {
    await api('/users', {
      method: 'POST',
      body: { email, displayName, role, departmentCode: departmentCode || null, password },
    });
    setEmail('');
    setDisplayName('');
    setDepartmentCode('');
    setPassword('');
    onCreated(displayName);
  });

  return (
    <FormSection id="create-user-title" title={t('createUser')}>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField
          name="email"
          label={t('email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={form.errorFor('email')}
          required
        />
        <TextField
          name="displayName"
          label={t('displayName')}
          autoComplete="off"
          value={displayName}
          onChange={setDisplayName}
          error={form.errorFor('displayName')}
          required
        />
        <RoleField value={role} onChange={setRole} error={form.errorFor('role')} />
        <DepartmentField
          value={departmentCode}
          onChange={setDepartmentCode}
          error={form.errorFor('departmentCode')}
        />
        <TextField
          name="password"
          label={t('initialPassword')}
          hint={t('initialPasswordHint')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={form.errorFor('password')}
          required
        />
        <Button type="submit" disabled={form.pending}>
          {t('create')}
        </Button>
      </form>
    </FormSection>
  );
}

interface EditUserFormProps {
  user: User;
  onSaved: (name: string) => void;
  onCancel: () => void;
  /** The list is stale (someone else changed the user): read it again. */
  onConflict: () => void;
}

function EditUserForm({ user, onSaved, onCancel, onConflict }: EditUserFormProps) {
  const t = useText(accountsText);
  const form = useForm({ fields: ['displayName', 'role', 'departmentCode', 'disabled'] });
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [departmentCode, setDepartmentCode] = useState(user.departmentCode ?? '');
  const [disabled, setDisabled] = useState(user.disabled);

  const submit = form.submit(async () => {
    try {
      await api(`/users/${user.id}`, {
        method: 'PATCH',
        body: { displayName, role, departmentCode: departmentCode || null, disabled, version: user.version },
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onConflict();
      throw error;
    }
    onSaved(displayName);
  });

  return (
    <FormSection id="edit-user-title" title={t('editUser', { name: user.displayName })} focusOnOpen>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <p className="breakable">
          {t('email')}: {user.email}
        </p>
        <TextField
          name="displayName"
          label={t('displayName')}
          value={displayName}
          onChange={setDisplayName}
          error={form.errorFor('displayName')}
          required
        />
        <RoleField value={role} onChange={setRole} error={form.errorFor('role')} />
        <DepartmentField
          value={departmentCode}
          onChange={setDepartmentCode}
          error={form.errorFor('departmentCode')}
        />
        <CheckboxField
          name="disabled"
          label={t('disableAccount')}
          checked={disabled}
          onChange={setDisabled}
          error={form.errorFor('disabled')}
        />
        <Button type="submit" disabled={form.pending}>
          {t('save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </form>
    </FormSection>
  );
}

interface ResetTotpFormProps {
  user: User;
  onReset: (name: string) => void;
  onConflict: () => void;
}

/** The way back for a user who lost their second factor; the admin confirms with their own password. */
function ResetTotpForm({ user, onReset, onConflict }: ResetTotpFormProps) {
  const t = useText(accountsText);
  const form = useForm({ fields: ['password'] });
  const [password, setPassword] = useState('');
  const submit = form.submit(async () => {
    try {
      await api(`/users/${user.id}/totp/reset`, {
        method: 'POST',
        body: { password, version: user.version },
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onConflict();
      throw error;
    }
    onReset(user.displayName);
  });
  return (
    <section aria-labelledby="reset-totp-title" className="section">
      <h3 id="reset-totp-title">{t('resetTotpTitle')}</h3>
      <p>{t('resetTotpIntro')}</p>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField
          name="password"
          label={t('adminPassword')}
          hint={t('confirmPasswordHint')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={form.errorFor('password')}
          required
        />
        <Button type="submit" variant="danger" disabled={form.pending}>
          {t('resetTotp')}
        </Button>
      </form>
    </section>
  );
}

export default function UsersPage() {
  const t = useText(accountsText);
  const roleName = useRoleName();
  const state = useApiData<{ users: User[] }>('/users');
  const session = useSession();
  const [editing, setEditing] = useState<User | null>(null);
  const [message, setMessage] = useState('');

  // After a conflict the list is read again; the open form then carries the fresh version, so that
  // saving again applies the admin's values over the other change, knowingly.
  useEffect(() => {
    setEditing((current) =>
      current ? (state.data?.users.find((user) => user.id === current.id) ?? null) : null,
    );
  }, [state.data]);

  function changed(text: string) {
    setMessage(text);
    setEditing(null);
    state.reload();
  }

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('name'),
      rowHeader: true,
      sortValue: (user) => user.displayName,
      cell: (user) => user.displayName,
    },
    { key: 'email', header: t('email'), sortValue: (user) => user.email, cell: (user) => user.email },
    {
      key: 'role',
      header: t('role'),
      sortValue: (user) => roleName(user.role),
      cell: (user) => roleName(user.role),
    },
    { key: 'department', header: t('department'), cell: (user) => user.departmentCode ?? '' },
    {
      key: 'status',
      header: t('status'),
      sortValue: (user) => (user.disabled ? 1 : 0),
      cell: (user) => (user.disabled ? t('disabled') : t('active')),
    },
    { key: 'totp', header: t('twoStep'), cell: (user) => (user.totpEnabled ? t('on') : t('off')) },
    {
      key: 'actions',
      header: t('actions'),
      cell: (user) => (
        <Button
          variant="secondary"
          aria-label={t('editLabel', { name: user.displayName })}
          onClick={() => {
            setMessage('');
            setEditing(user);
          }}
        >
          {t('edit')}
        </Button>
      ),
    },
  ];

  return (
    <Page title={t('usersTitle')} lead={<p>{t('usersLead')}</p>}>
      <LiveRegion>{message ? <p className="notice notice--success">{message}</p> : null}</LiveRegion>
      <Loaded state={state}>
        {(data) => (
          <DataTable
            caption={t('usersCaption')}
            columns={columns}
            rows={data.users}
            rowKey={(user) => user.id}
          />
        )}
      </Loaded>
      {editing ? (
        <>
          <EditUserForm
            key={editing.id}
            user={editing}
            onSaved={(name) => changed(t('saved', { name }))}
            onCancel={() => setEditing(null)}
            onConflict={state.reload}
          />
          {editing.totpEnabled && editing.id !== session.user?.id ? (
            <ResetTotpForm
              key={`reset-${editing.id}`}
              user={editing}
              onReset={(name) => changed(t('totpReset', { name }))}
              onConflict={state.reload}
            />
          ) : null}
        </>
      ) : (
        <CreateUserForm onCreated={(name) => changed(t('created', { name }))} />
      )}
    </Page>
  );
}
