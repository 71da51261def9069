/** The vocabularies API's answers, as its contract defines them. */
import type { z } from 'zod';
import type {
  termListSchema,
  termPageSchema,
  vocabularyListSchema,
} from '../../../server/vocabularies/contract.ts';

export type { Term } from '../../../server/vocabularies/contract.ts';
export type VocabularyList = z.infer<typeof vocabularyListSchema>;
export type TermList = z.infer<typeof termListSchema>;
export type TermPage = z.infer<typeof termPageSchema>;
