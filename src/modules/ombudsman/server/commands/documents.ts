/**
 * The written decision and the recommendation letter, as printable HTML pages in Korean or English,
 * generated from the case. They name no complainant, victim or witness from the case file (a decision
 * is sent and filed widely; identity stays in the case file): the facts are the ones the ombudsman
 * wrote with the decision, not the complainant's own words, so a name appears only where they put it.
 * Departments are named by the vocabulary, and the decision is signed by who decided, with the
 * appointment they held that day. Every value from the case is HTML-escaped. The style is
 * one constant `<style>` block allowed by a route-specific CSP hash (the app's CSP forbids inline
 * styles otherwise), so the page prints the same wherever it is saved.
 */

import { createHash } from 'node:crypto';
import { currentCity } from '../../../../kernel/server/city/city.ts';
import { clock } from '../../../../kernel/server/city/clock.ts';
import type { Bilingual, Language } from '../../../../kernel/shared/language.ts';
import type { CaseView } from '../../contract.ts';

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const style = `body{font-family:"Noto Sans CJK KR","Noto Sans KR",sans-serif;max-width:48rem;margin:2rem auto;line-height:1.6;color:#111}
h1{font-size:1.5rem;text-align:center}dl{display:grid;grid-template-columns:10rem 1fr;gap:.25rem 1rem}
dt{font-weight:bold}.text{white-space:pre-wrap}.signature{margin-top:3rem;text-align:right}
@media print{body{margin:0}@page{margin:20mm}}`;

/** The Content-Security-Policy for a document: nothing but its own style block. */
export const documentCsp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const words = {
  decision: { ko: '인권침해 조사 결정문', en: 'Decision on a human rights complaint' },
  recommendation: { ko: '권고문', en: 'Recommendation' },
  receipt: { ko: '접수번호', en: 'Receipt number' },
  ownMotion: { ko: '직권조사', en: 'Own-motion investigation' },
  respondent: { ko: '피진정기관', en: 'Respondent' },
  summary: { ko: '사건 요지', en: 'Summary' },
  facts: { ko: '인정 사실', en: 'Facts' },
  grounds: { ko: '판단', en: 'Grounds' },
  recommendations: { ko: '권고', en: 'Recommendations' },
  outcome: { ko: '결정', en: 'Decision' },
  decidedOn: { ko: '결정일', en: 'Decided on' },
  dated: { ko: '날짜', en: 'Date' },
  addressee: { ko: '수신', en: 'To' },
  body: { ko: '권고 내용', en: 'Recommendation' },
  due: { ko: '회신 기한', en: 'Answer due by' },
  notWritten: { ko: '(기재되지 않음)', en: '(not written)' },
  violation_found: { ko: '인권침해 인정', en: 'Violation found' },
  violation_not_found: { ko: '인권침해 불인정', en: 'No violation found' },
  conciliated: { ko: '조정 성립', en: 'Conciliated' },
  undecided: { ko: '미결정', en: 'Not yet decided' },
} as const;

/** The day of an instant in the city, in words. */
const cityDateInWords = (iso: string | null, language: Language) =>
  iso === null
    ? ''
    : new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
        timeZone: clock().timeZone,
        dateStyle: 'long',
      }).format(new Date(iso));

/** A calendar date (`YYYY-MM-DD`) in words, without a time zone to shift it. */
const calendarDate = (date: string | null, language: Language) =>
  date === null
    ? ''
    : new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
        timeZone: 'UTC',
        dateStyle: 'long',
      }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));

/** A department's name in the language, or its code when the vocabulary no longer lists it. */
export type DepartmentNames = ReadonlyMap<string, Bilingual>;
const departmentName = (names: DepartmentNames, code: string, language: Language) =>
  names.get(code)?.[language] ?? code;

interface Section {
  heading: string;
  /** Plain text (kept as written) or pre-escaped HTML. */
  text?: string;
  html?: string;
}

function page(
  language: Language,
  title: string,
  rows: [string, string][],
  sections: Section[],
  signature: string[],
): string {
  const list = rows
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const body = sections
    .map(
      (section) =>
        `<h2>${escapeHtml(section.heading)}</h2>${section.html ?? `<p class="text">${escapeHtml(section.text ?? '')}</p>`}`,
    )
    .join('');
  const signed = signature.map((line) => escapeHtml(line)).join('<br>');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${style}</style></head>
<body><h1>${escapeHtml(title)}</h1><dl>${list}</dl>${body}<p class="signature">${signed}</p></body></html>`;
}

function caseRef(view: CaseView, language: Language): [string, string] {
  return [words.receipt[language], view.receiptNumber ?? words.ownMotion[language]];
}

/** The date, the title of the signatory's appointment and their name; the office when no one signed. */
function signatureOf(view: CaseView, language: Language, dated: string): string[] {
  // The signature block is the city's (city.json), not the code's.
  const { signature } = currentCity();
  if (!view.signatory) return [dated, signature.office[language]];
  const title = (view.signatory.standing ? signature.standingOmbudsman : signature.nonStandingOmbudsman)[
    language
  ];
  return [dated, title, view.signatory.name];
}

export function decisionDocument(view: CaseView, language: Language, departments: DepartmentNames): string {
  const decidedAt = view.decidedAt ?? view.events.findLast((event) => event.action === 'decide')?.at ?? null;
  const written = (text: string | null) => text ?? words.notWritten[language];
  const recommendations = view.recommendations.map(
    (item) =>
      `<li><dl><dt>${escapeHtml(words.addressee[language])}</dt><dd>${escapeHtml(
        departmentName(departments, item.departmentCode, language),
      )}</dd><dt>${escapeHtml(words.due[language])}</dt><dd>${escapeHtml(
        calendarDate(item.dueOn, language),
      )}</dd></dl><p class="text">${escapeHtml(item.body)}</p></li>`,
  );
  return page(
    language,
    words.decision[language],
    [
      caseRef(view, language),
      [words.respondent[language], view.respondent],
      [words.outcome[language], words[view.decision ?? 'undecided'][language]],
      [words.decidedOn[language], cityDateInWords(decidedAt, language)],
    ],
    [
      { heading: words.summary[language], text: view.summary },
      { heading: words.facts[language], text: written(view.decisionFacts) },
      { heading: words.grounds[language], text: written(view.decisionGrounds) },
      ...(recommendations.length > 0
        ? [{ heading: words.recommendations[language], html: `<ol>${recommendations.join('')}</ol>` }]
        : []),
    ],
    signatureOf(view, language, cityDateInWords(decidedAt, language)),
  );
}

export function recommendationDocument(
  view: CaseView,
  recommendationId: string,
  language: Language,
  departments: DepartmentNames,
): string | undefined {
  const recommendation = view.recommendations.find((item) => item.id === recommendationId);
  if (!recommendation) return undefined;
  // Dated the day it was issued; a draft printed before that carries today's date.
  const dated = cityDateInWords(recommendation.issuedAt ?? clock().now().toISOString(), language);
  return page(
    language,
    words.recommendation[language],
    [
      caseRef(view, language),
      [words.dated[language], dated],
      [words.addressee[language], departmentName(departments, recommendation.departmentCode, language)],
      [words.respondent[language], view.respondent],
      [words.due[language], calendarDate(recommendation.dueOn, language)],
    ],
    [
      { heading: words.summary[language], text: view.summary },
      { heading: words.body[language], text: recommendation.body },
    ],
    signatureOf(view, language, dated),
  );
}
