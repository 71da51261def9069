/**
 * Sign-in: email and password, then the authenticator code when the server answers that the account
 * needs one (`totp_required`). A wrong password is reported on the password field (the server does
 * not say which part was wrong). Afterwards the user goes back to the page that sent them here
 * (`?next=`), or to My work (what is waiting for them).
 */

import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { useText } from '../../i18n/index.ts';
import { enrolmentPath, useSession } from '../../session.tsx';
import { Button, ErrorSummary, Page, TextField, useForm } from '../../ui/index.ts';
import { myWorkPath } from '../work/module.ts';
import { accountsText } from './messages.ts';
import { safeNext } from './safe-next.ts';

const staffHome = myWorkPath;

export default function LoginPage() {
  const t = useText(accountsText);
  const session = useSession();
  const [search] = useSearchParams();
  const next = safeNext(search.get('next'), staffHome);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const form = useForm({
    fields: ['email', 'password', 'totp'],
    attach: { invalid_credentials: askTotp ? 'totp' : 'password', totp_required: 'totp' },
  });

  const submit = form.submit(async () => {
    try {
      await session.signIn({ email, password, ...(askTotp ? { totp } : {}) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'totp_required') setAskTotp(true);
      throw error;
    }
  });

  // Signed in (just now, or earlier and back through a bookmark): on to where they were going, or
  // first to the enrolment that their role requires.
  if (session.user) return <Navigate to={session.totpEnrolmentRequired ? enrolmentPath : next} replace />;

  return (
    <Page title={t('loginTitle')} lead={<p>{t('loginLead')}</p>}>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField
          name="email"
          label={t('email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={form.errorFor('email')}
          required
        />
        <TextField
          name="password"
          label={t('password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={form.errorFor('password')}
          required
        />
        {askTotp ? (
          <TextField
            name="totp"
            label={t('totp')}
            hint={t('totpHint')}
            className="input--short"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={totp}
            onChange={setTotp}
            error={form.errorFor('totp')}
            required
          />
        ) : null}
        <Button type="submit" disabled={form.pending}>
          {t('signIn')}
        </Button>
      </form>
    </Page>
  );
}
