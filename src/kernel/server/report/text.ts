/** The report's own words, in both languages: headings and what each part is. No figure lives here. */
import type { Language } from '../../shared/language.ts';
import type { ReportPart } from '../module.ts';

const text = {
  ko: {
    title: '{city} 인권도시 연례 보고서 {year}',
    generated:
      '이 보고서는 {date}에 플랫폼의 데이터로 만들었습니다. 표와 그래프는 그 시점에 기록된 모든 연도의 값입니다.',
    contents: '차례',
    headlines: '주요 수치',
    headlineCaption: '주요 수치: 각 모듈이 보고한 값',
    figure: '항목',
    value: '값',
    unit: '단위',
    asOf: '기준',
    chartOf: '{title}: {value}',
    chartNote: '그래프와 같은 값이 아래 표에 있습니다.',
    source: '출처: {source}',
    empty: '아직 기록된 자료가 없습니다.',
  },
  en: {
    title: '{city} Human Rights City Annual Report {year}',
    generated:
      "This report was generated from the platform's data on {date}. Its tables and charts hold the values of every year recorded at that moment.",
    contents: 'Contents',
    headlines: 'Headline figures',
    headlineCaption: 'Headline figures as each module reports them',
    figure: 'Figure',
    value: 'Value',
    unit: 'Unit',
    asOf: 'As of',
    chartOf: '{title}: {value}',
    chartNote: 'The table below holds the same values as the chart.',
    source: 'Source: {source}',
    empty: 'No data has been recorded yet.',
  },
} as const;

export type ReportTextKey = keyof (typeof text)['en'];

export function reportText(
  language: Language,
  key: ReportTextKey,
  params: Record<string, string> = {},
): string {
  return text[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The parts of the report, as the seed document is laid out. */
export const partTitles: Record<ReportPart, Record<Language, string>> = {
  preamble: { ko: '서문', en: 'Preamble' },
  systems: { ko: '인권 체계와 정책', en: 'Human rights systems and policies' },
  collaboration: { ko: '이해관계자와의 협력', en: 'Collaboration with stakeholders' },
  sdgs: { ko: '지속가능발전목표', en: 'The Sustainable Development Goals' },
  un: { ko: '유엔 인권 체계', en: 'The UN human rights system' },
};
