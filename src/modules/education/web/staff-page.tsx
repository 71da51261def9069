/**
 * The office's education page: every programme (the committee reads it too), a form that creates a
 * programme and takes the officer to it, and the population per year with a form to record it.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import {
  Button,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Group, ProgrammeDetail, StaffProgrammeList } from '../contract.ts';
import { CoverageTable } from './coverage-table.tsx';
import { educationStaffText, educationText } from './messages.ts';
import { staffProgrammePath } from './paths.ts';
import { ProgrammeForm } from './programme-form.tsx';
import { ProgrammeTable } from './programme-table.tsx';

function NewProgrammeForm({ groups }: { groups: readonly Group[] }) {
  const t = useText(educationStaffText);
  const navigate = useNavigate();
  return (
    <ProgrammeForm
      groups={groups}
      heading={t('newProgramme')}
      submitLabel={t('create')}
      onSubmit={async (body) => {
        const created = await api<ProgrammeDetail>('/education/programmes', { method: 'POST', body });
        navigate(staffProgrammePath(created.programme.id));
      }}
    />
  );
}

function PopulationForm({ list, onSaved }: { list: StaffProgrammeList; onSaved: (year: string) => void }) {
  const t = useText(educationStaffText);
  const form = useForm({ fields: ['year', 'population'] as const });
  const [year, setYear] = useState('');
  const [population, setPopulation] = useState('');
  const onSubmit = form.submit(async () => {
    const version = list.coverage.find((entry) => String(entry.year) === year.trim())?.populationVersion ?? 0;
    await api(`/education/population/${encodeURIComponent(year.trim() || '-')}`, {
      method: 'PUT',
      body: {
        population: population.trim() === '' ? undefined : Number(population.replace(/,/g, '')),
        version,
      },
    });
    onSaved(year.trim());
    setYear('');
    setPopulation('');
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <TextField
        name="year"
        label={t('year')}
        value={year}
        onChange={setYear}
        inputMode="numeric"
        error={form.errorFor('year')}
        required
      />
      <TextField
        name="population"
        label={t('population')}
        value={population}
        onChange={setPopulation}
        inputMode="numeric"
        error={form.errorFor('population')}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('savePopulation')}
      </Button>
    </form>
  );
}

export default function StaffPage() {
  const t = useText(educationStaffText);
  const shared = useText(educationText);
  const { user } = useSession();
  const mayEdit = user?.role === 'admin' || user?.role === 'officer';
  const state = useApiData<StaffProgrammeList>('/education/staff/programmes');
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Page title={t('staffTitle')} lead={<p>{t('staffLead')}</p>}>
      <LiveRegion>{saved ? <Notice tone="success">{saved}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {(list) => (
          <>
            <section className="section" aria-labelledby="programmes">
              <h2 id="programmes">{shared('programmesTitle')}</h2>
              <ProgrammeTable
                groups={list.groups}
                programmes={list.programmes}
                caption={t('programmesCaption')}
                linkTo={staffProgrammePath}
                extra={[
                  {
                    key: 'public',
                    header: t('visibility'),
                    cell: (row) => (row.isPublic ? t('public') : t('private')),
                  },
                ]}
              />
            </section>
            {mayEdit ? <NewProgrammeForm groups={list.groups} /> : null}
            <section className="section" aria-labelledby="population">
              <h2 id="population">{t('populationTitle')}</h2>
              <p className="prose">{t('populationLead')}</p>
              <CoverageTable coverage={list.coverage} />
              {mayEdit ? (
                <PopulationForm
                  list={list}
                  onSaved={(year) => {
                    setSaved(t('populationSaved', { year }));
                    state.reload();
                  }}
                />
              ) : null}
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
