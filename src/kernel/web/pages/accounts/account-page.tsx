/**
 * One's own account: change the password, and enrol (or remove) the second factor. Each asks for the
 * current password, so that a session left open (or stolen) cannot change how the account signs in.
 * Enrolment shows
 * the secret key once, in groups of four so it can be typed into an app, and the otpauth address as
 * text (no QR image: an image would need an alternative anyway, and the key works in every app).
 */

import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { useText } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { Button, ErrorSummary, LiveRegion, Page, TextField, useForm } from '../../ui/index.ts';
import { notificationPreferencesPath } from '../notifications/paths.ts';
import { accountsText } from './messages.ts';

/** `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP`. */
function groupInFours(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

function PasswordForm() {
  const t = useText(accountsText);
  const form = useForm({ fields: ['currentPassword', 'newPassword'] });
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);

  const submit = form.submit(async () => {
    setDone(false);
    await api('/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
    setCurrentPassword('');
    setNewPassword('');
    setDone(true);
  });

  return (
    <section aria-labelledby="password-title" className="section">
      <h2 id="password-title">{t('changePassword')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField
          name="currentPassword"
          label={t('currentPassword')}
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={form.errorFor('currentPassword')}
          required
        />
        <TextField
          name="newPassword"
          label={t('newPassword')}
          hint={t('newPasswordHint')}
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={setNewPassword}
          error={form.errorFor('newPassword')}
          required
        />
        <Button type="submit" disabled={form.pending}>
          {t('save')}
        </Button>
        <LiveRegion>
          {done ? <p className="notice notice--success">{t('passwordChanged')}</p> : null}
        </LiveRegion>
      </form>
    </section>
  );
}

interface Enrolment {
  secret: string;
  otpauthUrl: string;
}

function TotpEnrolment({ onEnabled }: { onEnabled: () => Promise<void> }) {
  const t = useText(accountsText);
  const start = useForm({ fields: ['password'] });
  const confirm = useForm({ fields: ['code'] });
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  const begin = start.submit(async () => {
    setEnrolment(await api<Enrolment>('/auth/totp/setup', { method: 'POST', body: { password } }));
    setPassword('');
  });
  const enable = confirm.submit(async () => {
    await api('/auth/totp/enable', { method: 'POST', body: { code: code.replace(/\s/g, '') } });
    await onEnabled();
  });

  if (!enrolment) {
    return (
      <form className="form" noValidate onSubmit={begin}>
        <ErrorSummary form={start} />
        <p>{t('totpOff')}</p>
        <TextField
          name="password"
          label={t('currentPassword')}
          hint={t('confirmPasswordHint')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={start.errorFor('password')}
          required
        />
        <Button type="submit" disabled={start.pending}>
          {t('totpStart')}
        </Button>
      </form>
    );
  }
  return (
    <>
      <h3>{t('totpSecretTitle')}</h3>
      <p>{t('totpSecretIntro')}</p>
      <dl className="definition-list">
        <dt>{t('totpSecret')}</dt>
        <dd>
          <code className="secret">{groupInFours(enrolment.secret)}</code>
        </dd>
        <dt>{t('totpUrl')}</dt>
        <dd>
          <code className="breakable">{enrolment.otpauthUrl}</code>
        </dd>
      </dl>
      <form className="form" noValidate onSubmit={enable}>
        <ErrorSummary form={confirm} />
        <TextField
          name="code"
          label={t('totpConfirm')}
          hint={t('totpHint')}
          className="input--short"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={setCode}
          error={confirm.errorFor('code')}
          required
        />
        <Button type="submit" disabled={confirm.pending}>
          {t('totpEnable')}
        </Button>
      </form>
    </>
  );
}

function TotpDisable({ onDisabled }: { onDisabled: () => Promise<void> }) {
  const t = useText(accountsText);
  const form = useForm({ fields: ['password'] });
  const [password, setPassword] = useState('');
  const submit = form.submit(async () => {
    await api('/auth/totp/disable', { method: 'POST', body: { password } });
    await onDisabled();
  });
  return (
    <form className="form" noValidate onSubmit={submit}>
      <h3>{t('totpDisableTitle')}</h3>
      <ErrorSummary form={form} />
      <TextField
        name="password"
        label={t('currentPassword')}
        hint={t('confirmPasswordHint')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={form.errorFor('password')}
        required
      />
      <Button type="submit" variant="danger" disabled={form.pending}>
        {t('totpDisable')}
      </Button>
    </form>
  );
}

export default function AccountPage() {
  const t = useText(accountsText);
  const session = useSession();
  const [message, setMessage] = useState('');
  if (!session.user) return null;
  const { totpEnabled } = session.user;

  async function changed(text: string) {
    await session.refresh();
    setMessage(text);
  }

  return (
    <Page title={t('accountTitle')}>
      {session.totpEnrolmentRequired ? (
        <p className="notice notice--warning">{t('enrolmentRequired')}</p>
      ) : (
        <PasswordForm />
      )}
      <section aria-labelledby="totp-title" className="section">
        <h2 id="totp-title">{t('totpTitle')}</h2>
        <LiveRegion>{message ? <p className="notice notice--success">{message}</p> : null}</LiveRegion>
        {totpEnabled ? (
          <>
            <p>{t('totpOn')}</p>
            <TotpDisable onDisabled={() => changed(t('totpDisabled'))} />
          </>
        ) : (
          <TotpEnrolment onEnabled={() => changed(t('totpEnabled'))} />
        )}
      </section>
      <section aria-labelledby="notifications-title" className="section">
        <h2 id="notifications-title">{t('notificationsTitle')}</h2>
        <p>
          <Link to={notificationPreferencesPath}>{t('notificationsLink')}</Link>
        </p>
      </section>
    </Page>
  );
}
