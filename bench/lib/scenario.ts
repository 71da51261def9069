/** What every scenario is given, and what it gives back. */
import type { Engine } from '../../src/kernel/server/db.ts';
import type { Place } from './place.ts';
import type { Figures, Reasons } from './report.ts';

export interface Sizes {
  /** Seconds of load per endpoint. */
  loadSeconds: number;
  connections: number;
  intakeSeconds: number;
  intakeConnections: number;
  searchCases: number;
  searchQueries: number;
  importRows: number;
  populatedStarts: number;
}

export const sizes: Record<'quick' | 'full', Sizes> = {
  quick: {
    loadSeconds: 3,
    connections: 50,
    intakeSeconds: 4,
    intakeConnections: 20,
    searchCases: 10_000,
    searchQueries: 30,
    importRows: 100_000,
    populatedStarts: 1,
  },
  full: {
    loadSeconds: 10,
    connections: 50,
    intakeSeconds: 20,
    intakeConnections: 20,
    searchCases: 100_000,
    searchQueries: 200,
    importRows: 1_000_000,
    populatedStarts: 3,
  },
};

export interface EngineContext {
  engine: Engine;
  /** One place per engine, shared by the scenarios in order (the first start loads the dataset). */
  place: Place;
  sizes: Sizes;
  figures: Figures;
  reasons: Reasons;
}

export interface EngineScenario {
  name: string;
  run(context: EngineContext): Promise<void>;
}
