/**
 * Human rights impact assessment and corporate human rights management (seed sections 1.7 and 1.8):
 * one assessment engine for ordinances and regulations, public buildings, polling stations, public
 * events and municipal enterprises. Open dataset: `impact-assessment-summary` (the seed's figures as
 * history plus what the platform has tracked, in the annual report's part on systems).
 */
import { datasetColumn, type Headline, type ServerModule } from '../../kernel/server/module.ts';
import type { Bilingual } from '../../kernel/shared/language.ts';
import { seedSamples } from './server/commands/seed-samples.ts';
import { seedTemplates } from './server/commands/seed-templates.ts';
import { messages } from './server/messages.ts';
import { figures, publicSummaries } from './server/queries.ts';
import { assessmentsRoutes } from './server/routes.ts';
import { assessmentsWork } from './server/work.ts';

export const assessmentsModule: ServerModule = {
  name: 'assessments',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  routes: assessmentsRoutes,
  work: assessmentsWork,
  async seed(context) {
    await seedTemplates(context);
    await seedSamples(context);
  },
  openData: [
    {
      id: 'impact-assessment-summary',
      title: {
        ko: '인권영향평가와 인권경영 현황',
        en: 'Human rights impact assessment and management in figures',
      },
      description: {
        ko: '시가 밝힌 수치(이력)와, 이 플랫폼에서 종료된 평가로 더해진 수: 평가한 조례·규칙과 그중 개정된 것, 투표소와 그중 개선된 곳, 인권경영 대상 공공기관, 인권경영 TF 교육.',
        en: "The city's stated figures (history) and what closed assessments on this platform have added: ordinances and regulations assessed and revised, polling stations and those renovated, municipal enterprises, task-force trainings.",
      },
      source: '1.7, 1.8',
      columns: [
        datasetColumn('figure', '수치 id', 'Figure id'),
        datasetColumn('label_ko', '이름(한국어)', 'Label (Korean)', 'ko'),
        datasetColumn('label_en', '이름(영어)', 'Label (English)'),
        datasetColumn('historical', '시가 밝힌 수치', "The city's stated figure"),
        datasetColumn('tracked', '이 플랫폼에서 더해진 수', 'Added on this platform'),
        datasetColumn('total', '합계', 'Total'),
      ],
      async rows(db) {
        return (await figures(db)).map((figure) => ({
          figure: figure.id,
          label_ko: figure.label.ko,
          label_en: figure.label.en,
          historical: figure.historical,
          tracked: figure.tracked,
          total: figure.total,
        }));
      },
      report: {
        part: 'systems',
        order: 70,
        chart: { label: [{ ko: 'label_ko', en: 'label_en' }], value: 'total' },
      },
    },
  ],
  async headlines(db): Promise<Headline[]> {
    // Korean counts ordinances in 건 and places in 곳; English names what is counted.
    const shown: Record<string, Bilingual> = {
      'impact-assessment-ordinances-revised': { ko: '건', en: 'ordinances and regulations' },
      'polling-stations-renovated': { ko: '곳', en: 'polling stations' },
    };
    return (await figures(db)).flatMap((figure) => {
      const unit = shown[figure.id];
      if (!unit) return [];
      const order = 70 + Object.keys(shown).indexOf(figure.id);
      return [{ id: figure.id, label: figure.label, value: figure.total, unit, path: '/assessments', order }];
    });
  },
  async publicSearch(db, query, limit) {
    const needle = query.toLowerCase();
    const hits = (await publicSummaries(db)).filter((summary) =>
      [summary.subjectTitle, summary.summary, ...summary.recommendations.map((entry) => entry.text)]
        .join('\n')
        .toLowerCase()
        .includes(needle),
    );
    return hits.slice(0, limit).map((summary) => ({
      recordType: 'assessment',
      title: { ko: summary.subjectTitle, en: summary.subjectTitle },
      summary: { ko: summary.summary, en: summary.summary },
      path: `/assessments/summaries/${summary.id}`,
    }));
  },
};
