/**
 * The assessor's scale for a cell of the Agenda 2030 self-assessment, lowest first. Kept apart from
 * `contract.ts` so that public pages can show the labels without loading the schemas.
 */
import type { Bilingual } from '../../kernel/shared/language.ts';

export const ratings = ['none', 'initial', 'developing', 'established', 'advanced'] as const;
export type Rating = (typeof ratings)[number];

/** The score orders ratings in a comparison. */
export const ratingScale: readonly { rating: Rating; score: number; label: Bilingual }[] = [
  { rating: 'none', score: 0, label: { ko: '0 없음', en: '0 Not in place' } },
  { rating: 'initial', score: 1, label: { ko: '1 착수', en: '1 Initial' } },
  { rating: 'developing', score: 2, label: { ko: '2 발전 중', en: '2 Developing' } },
  { rating: 'established', score: 3, label: { ko: '3 정착', en: '3 Established' } },
  { rating: 'advanced', score: 4, label: { ko: '4 선도', en: '4 Advanced' } },
];
