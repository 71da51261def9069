/**
 * The status list, for administrators: each status with the progress it stands for (as in Decidim's
 * accountability), and a form that adds a status or changes one (sent with the version read; a
 * default not changed yet has version 0). Reports keep the progress they were made with.
 */

import { api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  Loaded,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Status } from '../contract.ts';
import { planStaffText } from './messages.ts';
import { useFormats, useFormValues } from './shared.tsx';

function StatusForm({ statuses, onSaved }: { statuses: Status[]; onSaved: (message: string) => void }) {
  const t = useText(planStaffText);
  const form = useForm({ fields: ['statusCode', 'name', 'progress', 'sortOrder'] });
  const { values, bind } = useFormValues(
    { statusCode: '', name: '', nameEn: '', progress: '', sortOrder: '' },
    (name) => form.errorFor(name as never),
  );
  const number = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text);
  const onSubmit = form.submit(async () => {
    const code = values.statusCode.trim();
    const existing = statuses.find((status) => status.code === code);
    await api(`/plan/staff/statuses/${encodeURIComponent(code || '-')}`, {
      method: 'PUT',
      body: {
        name: { ko: values.name, en: values.nameEn },
        progress: number(values.progress),
        sortOrder: number(values.sortOrder || String((statuses.length + 1) * 10)),
        version: existing?.version ?? 0,
      },
    });
    onSaved(t('statusSaved', { code }));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <TextField {...bind('statusCode')} label={t('statusCode')} hint={t('statusCodeHint')} required />
      <TextField {...bind('name')} label={t('statusNameKo')} required />
      <TextField {...bind('nameEn', 'name')} label={t('statusNameEn')} required />
      <TextField {...bind('progress')} label={t('statusProgress')} inputMode="numeric" required />
      <TextField {...bind('sortOrder')} label={t('statusOrder')} inputMode="numeric" />
      <Button type="submit" disabled={form.pending}>
        {t('saveStatus')}
      </Button>
    </form>
  );
}

export function StatusesSection({ onSaved }: { onSaved: (message: string) => void }) {
  const t = useText(planStaffText);
  const format = useFormats();
  const state = useApiData<{ statuses: Status[] }>('/plan/staff/statuses');
  const columns: Column<Status>[] = [
    { key: 'code', header: t('statusCode'), cell: (status) => status.code },
    { key: 'ko', header: t('statusNameKo'), rowHeader: true, cell: (status) => status.name.ko },
    { key: 'en', header: t('statusNameEn'), cell: (status) => status.name.en },
    {
      key: 'progress',
      header: t('statusProgress'),
      numeric: true,
      cell: (status) => format.percent(status.progress),
    },
    { key: 'order', header: t('statusOrder'), numeric: true, cell: (status) => status.sortOrder },
  ];
  return (
    <section className="section" aria-labelledby="statuses">
      <h2 id="statuses">{t('statusesTitle')}</h2>
      <Loaded state={state}>
        {({ statuses }) => (
          <>
            <DataTable
              caption={t('statusesTitle')}
              columns={columns}
              rows={statuses}
              rowKey={(status) => status.code}
            />
            <StatusForm
              key={statuses.map((status) => `${status.code}:${status.version}`).join()}
              statuses={statuses}
              onSaved={(message) => {
                onSaved(message);
                state.reload();
              }}
            />
          </>
        )}
      </Loaded>
    </section>
  );
}
