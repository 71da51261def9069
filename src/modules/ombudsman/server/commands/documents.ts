/**
 * The written decision and the recommendation letter, as printable HTML pages in Korean or English,
 * generated from the case. They name no complainant, victim or witness (a decision is sent and filed
 * widely; identity stays in the case file). Every value from the case is HTML-escaped. The style is
 * one constant `<style>` block allowed by a route-specific CSP hash (the app's CSP forbids inline
 * styles otherwise), so the page prints the same wherever it is saved.
 */
import { createHash } from 'node:crypto';
import type { Language } from '../../../../kernel/shared/language.ts';
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
dt{font-weight:bold}.text{white-space:pre-wrap}@media print{body{margin:0}@page{margin:20mm}}`;

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
  outcome: { ko: '결정', en: 'Decision' },
  decidedOn: { ko: '결정일', en: 'Decided on' },
  addressee: { ko: '수신', en: 'To' },
  body: { ko: '권고 내용', en: 'Recommendation' },
  due: { ko: '회신 기한', en: 'Answer due by' },
  signature: { ko: '광주광역시 인권옴부즈맨', en: 'Human Rights Ombudsman, Gwangju Metropolitan City' },
  violation_found: { ko: '인권침해 인정', en: 'Violation found' },
  violation_not_found: { ko: '인권침해 불인정', en: 'No violation found' },
  conciliated: { ko: '조정 성립', en: 'Conciliated' },
  undecided: { ko: '미결정', en: 'Not yet decided' },
} as const;

const seoulDate = (iso: string | null, language: Language) =>
  iso === null
    ? ''
    : new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
        timeZone: 'Asia/Seoul',
        dateStyle: 'long',
      }).format(new Date(iso));

function page(language: Language, title: string, rows: [string, string][], text: [string, string][]): string {
  const list = rows
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const sections = text
    .map(([heading, body]) => `<h2>${escapeHtml(heading)}</h2><p class="text">${escapeHtml(body)}</p>`)
    .join('');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${style}</style></head>
<body><h1>${escapeHtml(title)}</h1><dl>${list}</dl>${sections}<p>${escapeHtml(words.signature[language])}</p></body></html>`;
}

function caseRef(view: CaseView, language: Language): [string, string] {
  return [words.receipt[language], view.receiptNumber ?? words.ownMotion[language]];
}

export function decisionDocument(view: CaseView, language: Language): string {
  const decidedAt = view.events.findLast((event) => event.action === 'decide')?.at ?? null;
  return page(
    language,
    words.decision[language],
    [
      caseRef(view, language),
      [words.respondent[language], view.respondent],
      [words.outcome[language], words[view.decision ?? 'undecided'][language]],
      [words.decidedOn[language], seoulDate(decidedAt, language)],
    ],
    [
      [words.summary[language], view.summary],
      // Need to know: a reader without the identity capacity has the summary, not the complainant's words.
      [words.facts[language], view.description ?? view.summary],
    ],
  );
}

export function recommendationDocument(
  view: CaseView,
  recommendationId: string,
  language: Language,
): string | undefined {
  const recommendation = view.recommendations.find((item) => item.id === recommendationId);
  if (!recommendation) return undefined;
  return page(
    language,
    words.recommendation[language],
    [
      caseRef(view, language),
      [words.addressee[language], recommendation.departmentCode],
      [words.respondent[language], view.respondent],
      [words.due[language], recommendation.dueOn ?? ''],
    ],
    [
      [words.summary[language], view.summary],
      [words.body[language], recommendation.body],
    ],
  );
}
