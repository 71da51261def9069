/**
 * Step (3): the office's self-assessment of each indicator group (area) for the cycle's year, a score
 * from 1 to 5 and a narrative, written while the cycle is at the self-assessment. Each save carries
 * the version read: if someone saved the area meanwhile, the server refuses (409) and the form says so
 * and offers the saved text, instead of overwriting it. Departments and the committee read.
 */
import { useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  type Column,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Notice,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Assessment, Cycle, CycleStep } from '../contract.ts';
import { useSavedByColumn } from './current-cycle.tsx';
import { indicatorsStepText } from './step-messages.ts';
import { SaveButtons, StepPage, TableSection, useIsOffice } from './step-page.tsx';

const scores = ['1', '2', '3', '4', '5'] as const;

function AssessmentForm({
  year,
  area,
  onSaved,
  onReload,
}: {
  year: number;
  area: Assessment;
  onSaved: (text: string) => void;
  onReload: () => void;
}) {
  const t = useText(indicatorsStepText);
  const language = useLanguage();
  const form = useForm({ fields: ['score', 'narrative'], attach: { conflict: 'narrative' } });
  const [score, setScore] = useState(area.score === null ? '' : String(area.score));
  const [narrative, setNarrative] = useState(area.narrative ?? '');
  const name = area.name[language];
  const onSubmit = form.submit(async () => {
    await api(`/indicators/cycles/${year}/assessments/${encodeURIComponent(area.areaCode)}`, {
      method: 'PUT',
      // No score chosen goes as null, so that the server names the field.
      body: { version: area.version, score: score === '' ? null : Number(score), narrative },
    });
    onSaved(t('assessmentSaved', { area: name }));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <SelectField
        name="score"
        label={t('scoreOf', { area: name })}
        hint={t('scoreHint')}
        value={score}
        onChange={setScore}
        empty={t('noScore')}
        options={scores.map((value) => ({ value, label: t(`score_${value}`) }))}
        error={form.errorFor('score')}
        required
      />
      <TextField
        name="narrative"
        label={t('narrativeOf', { area: name })}
        value={narrative}
        onChange={setNarrative}
        error={form.errorFor('narrative')}
        multiline
        rows={6}
        required
      />
      <SaveButtons form={form} label={t('saveAssessment')} onReload={onReload} />
    </form>
  );
}

function Assessments({ cycle }: { cycle: Cycle }) {
  const t = useText(indicatorsStepText);
  const language = useLanguage();
  const office = useIsOffice();
  const state = useApiData<{ year: number; step: CycleStep; areas: Assessment[] }>(
    `/indicators/cycles/${cycle.year}/assessments`,
  );
  const [areaCode, setAreaCode] = useState('');
  const [message, setMessage] = useState('');
  const savedBy = useSavedByColumn<Assessment>();
  const columns: Column<Assessment>[] = [
    { key: 'area', header: t('area'), rowHeader: true, cell: (row) => row.name[language] },
    {
      key: 'score',
      header: t('score'),
      numeric: true,
      cell: (row) => (row.score === null ? t('notAssessed') : t('scoreValue', { score: row.score })),
    },
    { key: 'narrative', header: t('narrative'), cell: (row) => row.narrative ?? t('notAssessed') },
    savedBy,
  ];
  return (
    <Loaded state={state}>
      {({ areas, step }) => {
        const chosen = areas.find((area) => area.areaCode === areaCode) ?? areas[0];
        return (
          <>
            <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
            {office && chosen && step === 'assessment' ? (
              <section className="section" aria-labelledby="write-assessment">
                <h2 id="write-assessment">{t('writeAssessment', { year: cycle.year })}</h2>
                <SelectField
                  name="area"
                  label={t('area')}
                  value={chosen.areaCode}
                  onChange={(next) => {
                    setAreaCode(next);
                    setMessage('');
                  }}
                  options={areas.map((area) => ({ value: area.areaCode, label: area.name[language] }))}
                />
                <AssessmentForm
                  key={`${chosen.areaCode}:${chosen.version}`}
                  year={cycle.year}
                  area={chosen}
                  onSaved={(text) => {
                    setMessage(text);
                    state.reload();
                  }}
                  onReload={() => state.reload(() => setMessage(t('latestLoaded')))}
                />
              </section>
            ) : (
              <Notice>{t('assessmentClosed')}</Notice>
            )}
            <TableSection
              id="all-assessments"
              caption={t('assessmentsCaption', { year: cycle.year })}
              columns={columns}
              rows={areas}
              rowKey={(row) => row.areaCode}
            />
          </>
        );
      }}
    </Loaded>
  );
}

export default function AssessmentsPage() {
  const t = useText(indicatorsStepText);
  return (
    <StepPage title={t('assessmentsTitle')} lead={t('assessmentsLead')}>
      {(cycle) => <Assessments cycle={cycle} />}
    </StepPage>
  );
}
