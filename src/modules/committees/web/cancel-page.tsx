/** Cancelling a roundtable registration with the code given at registration; no account needed. */
import { useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  LiveRegion,
  Notice,
  Page,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { committeesText } from './messages.ts';

export default function CancelPage() {
  const t = useText(committeesText);
  const form = useForm({ fields: ['token'] });
  const [token, setToken] = useState('');
  const [done, setDone] = useState(false);
  const submit = form.submit(async () => {
    setDone(false);
    await api('/committees/registrations/cancellations', { method: 'POST', body: { token: token.trim() } });
    setDone(true);
    setToken('');
  });
  return (
    <Page title={t('cancelTitle')} lead={<p>{t('cancelLead')}</p>}>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField
          name="token"
          label={t('cancelToken')}
          value={token}
          onChange={setToken}
          error={form.errorFor('token')}
          autoComplete="off"
          required
        />
        <Button type="submit" disabled={form.pending}>
          {t('cancelSubmit')}
        </Button>
      </form>
      <LiveRegion>{done ? <Notice tone="success">{t('cancelDone')}</Notice> : null}</LiveRegion>
    </Page>
  );
}
