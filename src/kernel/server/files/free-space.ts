/**
 * Uploads stop before the disk is full: a file body (any write whose body is not JSON: documents,
 * attachments, spreadsheets, CSV) is refused with a 507 problem while DATA_DIR's file system has less
 * than UPLOAD_MIN_FREE_MB free, so that a flood of uploads cannot take the space the database, its
 * write-ahead log and the backups need. JSON writes still pass: they are small and keep the
 * platform working while someone makes room.
 */
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import type { Kernel } from '../module.ts';

/** Free bytes for unprivileged writers on the file system holding `path` (or its nearest parent). */
export async function freeBytes(path: string): Promise<number> {
  let at = path;
  for (;;) {
    try {
      const stats = await statfs(at);
      return Number(stats.bavail) * Number(stats.bsize);
    } catch (error) {
      const parent = dirname(at);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === at) throw error;
      at = parent;
    }
  }
}

export function guardUploadSpace(scope: FastifyInstance, kernel: Kernel): void {
  const minimum = kernel.config.UPLOAD_MIN_FREE_MB * 1024 * 1024;
  scope.addHook('onRequest', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'DELETE') return;
    const type = request.headers['content-type'];
    if (!type || /^application\/(problem\+)?json\b/i.test(type)) return;
    if ((await freeBytes(kernel.config.dataDir)) >= minimum) return;
    request.log.error(
      { minimumMb: kernel.config.UPLOAD_MIN_FREE_MB },
      'upload refused: data directory low on space',
    );
    throw new AppError('insufficient_storage', 507);
  });
}
