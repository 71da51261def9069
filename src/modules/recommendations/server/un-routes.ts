/**
 * The office imports UN recommendations from a file in the layout of the OHCHR Universal Human Rights
 * Index export (CSV or .xlsx, sent as the raw body). The UN details of each record are read through
 * the register's own routes (`un` on every recommendation).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Access } from '../../../kernel/server/access.ts';
import { callerOf } from '../../../kernel/server/command.ts';
import { AppError } from '../../../kernel/server/errors.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import { xlsxContentType } from '../../../kernel/server/spreadsheet.ts';
import { unImportResultSchema } from '../contract.ts';
import { importUnRecommendations } from './commands/import-un-recommendations.ts';

const office: Access = { roles: ['admin', 'officer'] };
const csvTypes = ['text/csv', 'application/csv'];
const maxUploadBytes = 20 * 1024 * 1024;

export function unRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  // The file arrives as the raw body; only this module's scope takes these types.
  app.addContentTypeParser(
    [...csvTypes, xlsxContentType],
    { parseAs: 'buffer', bodyLimit: maxUploadBytes },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/recommendations/un/import',
    {
      config: { access: office },
      schema: {
        tags: ['recommendations'],
        summary:
          'Import UN recommendations from the OHCHR Universal Human Rights Index export (text/csv in UTF-8, or .xlsx); all or nothing',
        description:
          "Columns by the export's names (Text, Reccomending Body, Document Symbol, Document Publication Date; UPR Session and OHCHR Annotation Id when present) and optional ones of ours (Paragraph, Mechanism, Language, Text (ko), Text (en), Addressed To, Departments, Cycle). A symbol and paragraph already in the register is kept, not added again. Any problem imports nothing and names each row and column (field `file.<row>.<column>`).",
        response: { 200: unImportResultSchema },
      },
    },
    async (request) => {
      const { actor } = callerOf(request);
      if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type', 415);
      const kind = request.headers['content-type']?.startsWith(xlsxContentType) ? 'xlsx' : 'csv';
      return importUnRecommendations(db, actor, request.body, kind);
    },
  );
}
