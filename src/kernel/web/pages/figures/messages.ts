/** The texts of "the city in figures", and how a figure's unit and source section are said. */
import { defineMessages, type MessageKey, type Translate } from '../../i18n/index.ts';

export const figuresText = defineMessages('figures', {
  ko: {
    title: '숫자로 보는 {{cityKo}}',
    lead: '{{cityNameKo}}의 인권도시 정책과 제도를 소개한 기초 문서가 밝힌 모든 수치입니다. 각 수치에는 출처가 된 문서의 절과, 필요하면 어림수나 문서 안의 불일치를 설명하는 주석(영어)이 있습니다.',
    filterTitle: '절로 거르기',
    section: '출처(절)',
    allSections: '모든 절',
    show: '보기',
    caption: '{{cityKo}}의 수치 {{count}}개',
    captionSection: '{{cityKo}}의 수치: {{section}}, {{count}}개',
    label: '항목',
    year: '연도',
    value: '값',
    unit: '단위',
    note: '주석(영어)',
    empty: '이 절에는 수치가 없습니다.',
    unitPersons: '명',
    unitCount: '개·건',
    unitPercent: '%',
    unitUsd: '미국 달러',
    unitYears: '년',
    unitDays: '일',
    unitOrdinal: '번째',
    preamble: '서문',
    sectionNumber: '{{number}}절',
    table: '표 {{number}}',
    tableNote: '표 {{number}} 주석',
  },
  en: {
    title: '{{cityEn}} in figures',
    lead: 'Every figure stated by the document that describes the human rights policies and systems of {{cityNameEn}}. Each comes with the section of the document it is taken from and, where needed, a note on approximations or discrepancies in the document.',
    filterTitle: 'Filter by section',
    section: 'Source section',
    allSections: 'All sections',
    show: 'Show',
    caption: 'Figures of {{cityEn}} ({{count}})',
    captionSection: 'Figures of {{cityEn}}: {{section}} ({{count}})',
    label: 'Figure',
    year: 'Year',
    value: 'Value',
    unit: 'Unit',
    note: 'Note',
    empty: 'This section has no figures.',
    unitPersons: 'persons',
    unitCount: 'count',
    unitPercent: '%',
    unitUsd: 'US dollars',
    unitYears: 'years',
    unitDays: 'days',
    unitOrdinal: 'ordinal',
    preamble: 'Preamble',
    sectionNumber: 'Section {{number}}',
    table: 'Table {{number}}',
    tableNote: 'Table {{number}} note',
  },
});

export type FiguresText = Translate<MessageKey<typeof figuresText>>;

const unitKeys = {
  persons: 'unitPersons',
  count: 'unitCount',
  percent: 'unitPercent',
  usd: 'unitUsd',
  years: 'unitYears',
  days: 'unitDays',
  ordinal: 'unitOrdinal',
} as const;

export function unitName(t: FiguresText, unit: string): string {
  return unit in unitKeys ? t(unitKeys[unit as keyof typeof unitKeys]) : unit;
}

/** `Preamble`, `2.6`, `Table 4`, `Table 5 note` as the reader's language says them. */
export function sectionName(t: FiguresText, section: string): string {
  if (section === 'Preamble') return t('preamble');
  const table = /^Table (\d+)( note)?$/.exec(section);
  if (table) return t(table[2] ? 'tableNote' : 'table', { number: table[1] ?? '' });
  if (/^\d+(\.\d+)*$/.test(section)) return t('sectionNumber', { number: section });
  return section;
}
