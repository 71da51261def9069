/**
 * The office's list of editions, with registrations against capacity, and the form that opens a new
 * edition (which then has its own page for details, programme and registrants).
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import {
  type Column,
  DataTable,
  formatNumber,
  Loaded,
  Page,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { EditionSummary, Overview } from '../contract.ts';
import { EditionFields, editionBody, editionFieldNames, useEditionValues } from './edition-form.tsx';
import { FormSection } from './form-section.tsx';
import { staffEditionPath } from './paths.ts';
import { forumStaffText } from './staff-messages.ts';

function CreateEdition() {
  const t = useText(forumStaffText);
  const navigate = useNavigate();
  const form = useForm({ fields: ['year', ...editionFieldNames], attach: { forum_edition_exists: 'year' } });
  const [year, setYear] = useState('');
  const [values, setValues] = useEditionValues();
  const onSubmit = form.submit(async () => {
    const asked = /^\d+$/.test(year.trim()) ? Number(year.trim()) : year;
    const created = await api<EditionSummary>('/forum/editions', {
      method: 'POST',
      body: { year: asked, ...editionBody(values) },
    });
    navigate(staffEditionPath(created.year));
  });
  return (
    <FormSection
      id="create-edition"
      title={t('createTitle')}
      form={form}
      onSubmit={onSubmit}
      submitLabel={t('create')}
    >
      <TextField
        name="year"
        label={t('year')}
        value={year}
        onChange={setYear}
        error={form.errorFor('year')}
        inputMode="numeric"
        className="input--short"
        required
      />
      <EditionFields values={values} onChange={setValues} form={form} />
    </FormSection>
  );
}

export default function StaffEditionsPage() {
  const t = useText(forumStaffText);
  const state = useApiData<Overview>('/forum');
  const columns: Column<EditionSummary>[] = [
    {
      key: 'year',
      header: t('year'),
      rowHeader: true,
      cell: (row) => <Link to={staffEditionPath(row.year)}>{t('manage', { year: row.year })}</Link>,
    },
    {
      key: 'registration',
      header: t('registrationOpen'),
      cell: (row) => (row.registration.open ? t('open') : t('closed')),
    },
    {
      key: 'registered',
      header: t('registered'),
      numeric: true,
      cell: (row) => formatNumber(row.registration.registered),
    },
    {
      key: 'capacity',
      header: t('capacity'),
      numeric: true,
      cell: (row) =>
        row.registration.capacity === null ? t('noLimit') : formatNumber(row.registration.capacity),
    },
  ];
  return (
    <Page title={t('editionsTitle')} lead={<p>{t('editionsLead')}</p>}>
      <Loaded state={state}>
        {(data) => (
          <DataTable
            caption={t('editionsCaption')}
            columns={columns}
            rows={[...data.editions].reverse()}
            rowKey={(row) => String(row.year)}
          />
        )}
      </Loaded>
      <CreateEdition />
    </Page>
  );
}
