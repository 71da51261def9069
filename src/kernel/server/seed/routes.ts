/** The public figures of the city: `GET /figures[?section=]`, cached with an ETag. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kernel } from '../module.ts';
import { jsonBody, PublicCache, sendPublic } from '../open-data/public-cache.ts';
import { figureListSchema, listFigures } from './figures.ts';

export function figureRoutes(scope: FastifyInstance, { database }: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const cache = new PublicCache();

  app.get(
    '/figures',
    {
      config: { access: 'public' },
      schema: {
        tags: ['figures'],
        summary: 'The city in figures: every figure of the seed document, with its source section and note',
        querystring: z.object({
          section: z
            .string()
            .min(1)
            .max(40)
            .optional()
            .describe('Only the figures of this section, e.g. 2.6 or Table 4'),
        }),
        response: { 200: figureListSchema },
      },
    },
    async (request, reply) => {
      const { section } = request.query;
      const entry = await cache.get(`figures/${section ?? ''}`, async () =>
        jsonBody(figureListSchema, { figures: await listFigures(database.db, section) }),
      );
      return sendPublic(request, reply, entry);
    },
  );
}
