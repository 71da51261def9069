/** The seed module's tables as Kysely sees them. */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from '../db.ts';

// A type alias, not an interface: Kysely's `withTables` needs the implicit index signature.
export type SeedTables = {
  seed_runs: {
    id: Generated<number>;
    city: string;
    loaded_at: Generated<Date>;
    demo: boolean;
    reset: boolean;
    files: Record<string, string>;
  };
  seed_figures: {
    id: string;
    section: string;
    year: number | null;
    value: number;
    unit: string;
    label_ko: string;
    label_en: string;
    quote: string;
    note: string | null;
    sort_order: number;
  };
};

export function seedDb(db: Db): Kysely<SeedTables> {
  return db.withTables<SeedTables>();
}

export function seedTrx(trx: Transaction<object>): Transaction<SeedTables> {
  return trx.withTables<SeedTables>();
}
