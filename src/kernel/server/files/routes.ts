/**
 * The routes of one kind of record's files, declared once for every module that keeps them: `POST
 * …/files` attaches (the file is the body, its name in `?name=`), `DELETE …/files/:fileId` removes
 * (204), and `GET …/files/:fileId` downloads where the module serves downloads there (to signed-in
 * readers: a public download is the module's own route). The module brings the commands, which hold
 * its rules (who, at which step); these routes only call them with the signed-in caller.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../access.ts';
import { type Caller, callerOf } from '../command.ts';
import { fileNameQuery, maxFileBytes, type StoredFile, sendStoredFile } from './index.ts';

interface Operation<Params, Result> {
  access: Access;
  summary: string;
  description?: string;
  run(caller: Caller, params: Params): Promise<Result>;
}

export interface RecordFileRoutes<Params extends z.ZodObject, File> {
  tags: string[];
  /** The record's files, e.g. `/plan/staff/reports/:id/files`; one file is `${path}/:fileId`. */
  path: string;
  /** The record's part of the path (a strict object); `fileId` is added for one file. */
  params: Params;
  attach: Operation<z.infer<Params> & { upload: { name: string; body: unknown } }, File> & {
    response: z.ZodType<File>;
  };
  remove: Operation<z.infer<Params> & { fileId: string }, void>;
  download?: Operation<z.infer<Params> & { fileId: string }, { file: StoredFile; bytes: Buffer }>;
}

export function declareFileRoutes<Params extends z.ZodObject, File>(
  scope: FastifyInstance,
  routes: RecordFileRoutes<Params, File>,
): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { tags, path, params, attach, remove, download } = routes;
  const fileParams = params.extend({ fileId: z.uuid() });
  type FileParams = z.infer<Params> & { fileId: string };
  const described = (operation: { summary: string; description?: string }) => ({
    tags,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
  });

  app.post(
    path,
    {
      config: { access: attach.access },
      bodyLimit: maxFileBytes,
      schema: {
        ...described(attach),
        params,
        querystring: fileNameQuery,
        response: { 201: attach.response },
      },
    },
    async (request, reply) => {
      const upload = { name: request.query.name, body: request.body };
      const file = await attach.run(callerOf(request), { ...(request.params as z.infer<Params>), upload });
      return reply.code(201).send(file);
    },
  );

  app.delete(
    `${path}/:fileId`,
    {
      config: { access: remove.access },
      schema: { ...described(remove), params: fileParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await remove.run(callerOf(request), request.params as FileParams);
      return reply.code(204).send(null);
    },
  );

  if (download) {
    app.get(
      `${path}/:fileId`,
      { config: { access: download.access }, schema: { ...described(download), params: fileParams } },
      async (request, reply) => {
        const { file, bytes } = await download.run(callerOf(request), request.params as FileParams);
        return sendStoredFile(reply, file, bytes);
      },
    );
  }
}
