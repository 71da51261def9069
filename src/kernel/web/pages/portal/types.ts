/** The shapes of the portal's and the open-data catalogue's answers (see the server's schemas). */
import type { Bilingual } from '../../../shared/language.ts';

export interface Headline {
  module: string;
  id: string;
  label: Bilingual;
  value: number;
  unit: Bilingual | null;
  asOf: string | null;
  path: string | null;
}

export interface SearchResult {
  query: string;
  total: number;
  groups: {
    module: string;
    hits: { recordType: string; title: Bilingual; summary: Bilingual | null; path: string }[];
  }[];
}

export interface Dataset {
  id: string;
  module: string;
  title: Bilingual;
  description: Bilingual;
  source: string | null;
  seedTable: string | null;
  updatedAt: string | null;
  columns: { name: string; description: Bilingual }[];
  formats: ('csv' | 'json' | 'xlsx')[];
  downloads: { csv: string; json: string; xlsx: string };
  page: string;
}

export interface DatasetFile extends Dataset {
  rows: Record<string, unknown>[];
}
