/** The figures API's answer, as the seed module's schema defines it. */
import type { z } from 'zod';
import type { figureListSchema } from '../../../server/seed/figures.ts';

export type FigureList = z.infer<typeof figureListSchema>;
export type Figure = FigureList['figures'][number];
