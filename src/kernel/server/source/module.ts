/**
 * The source offer (AGPL-3.0, section 13): `GET /api/v1/source` answers the installation's own source;
 * the web app's footer links to it on every page.
 */
import { buffer } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../module.ts';
import { sourceArchive } from './archive.ts';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Packed once per process (about 1 MB): the code a process runs does not change under it, and packing
 * on every request would let anyone make the server compress the whole tree again and again.
 */
let packed: Promise<Buffer> | undefined;

function packedSource(): Promise<Buffer> {
  packed ??= buffer(sourceArchive(repository)).catch((error: unknown) => {
    packed = undefined;
    throw error;
  });
  return packed;
}

async function sourceRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/source',
    {
      config: { access: 'public' },
      schema: {
        tags: ['kernel'],
        summary:
          "The running installation's source code as a gzipped tar file (AGPL-3.0-or-later, section 13)",
      },
    },
    async (_request, reply) =>
      reply
        .type('application/gzip')
        .header('content-disposition', 'attachment; filename="rightscity-source.tar.gz"')
        .send(await packedSource()),
  );
}

export const sourceModule: ServerModule = { name: 'source', routes: sourceRoutes };
