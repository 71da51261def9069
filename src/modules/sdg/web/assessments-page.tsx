/** The office's self-assessments, drafts included, and the form that opens a year's assessment. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  Loaded,
  Page,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Assessment, AssessmentList } from '../contract.ts';
import { assessmentPath } from './paths.ts';
import { sdgStaffText } from './staff-messages.ts';

type Row = AssessmentList['assessments'][number];

function CreateForm() {
  const t = useText(sdgStaffText);
  const navigate = useNavigate();
  const form = useForm({ fields: ['year'], attach: { sdg_assessment_exists: 'year' } });
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const onSubmit = form.submit(async () => {
    // A year that is not a number is sent as it is, so that the server's message names the field.
    const asked = /^\d+$/.test(year.trim()) ? Number(year.trim()) : year;
    const created = await api<Assessment>('/sdg/assessments', { method: 'POST', body: { year: asked } });
    navigate(assessmentPath(created.year));
  });
  return (
    <section className="section" aria-labelledby="create-assessment">
      <h2 id="create-assessment">{t('createTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <TextField
          name="year"
          label={t('createYear')}
          hint={t('createHint')}
          value={year}
          onChange={setYear}
          error={form.errorFor('year')}
          inputMode="numeric"
          className="input--short"
          required
        />
        <Button type="submit" disabled={form.pending}>
          {t('createSubmit')}
        </Button>
      </form>
    </section>
  );
}

export default function AssessmentsPage() {
  const t = useText(sdgStaffText);
  const state = useApiData<AssessmentList>('/sdg/assessments');
  const columns: Column<Row>[] = [
    {
      key: 'year',
      header: t('year'),
      rowHeader: true,
      cell: (row) => <Link to={assessmentPath(row.year)}>{t('assessmentTitle', { year: row.year })}</Link>,
    },
    { key: 'status', header: t('status'), cell: (row) => (row.publishedAt ? t('published') : t('draft')) },
    { key: 'rated', header: t('ratedCells'), cell: (row) => t('ratedOf', { count: row.ratedCells }) },
  ];
  return (
    <Page title={t('assessmentsTitle')} lead={<p>{t('assessmentsLead')}</p>}>
      <Loaded state={state}>
        {({ assessments }) => (
          <DataTable
            caption={t('assessmentsCaption')}
            columns={columns}
            rows={assessments}
            rowKey={(row) => String(row.year)}
            empty={t('noAssessments')}
          />
        )}
      </Loaded>
      <CreateForm />
    </Page>
  );
}
