/**
 * Builds the HTTP application: security headers, cookies, the problem+json error handler, access
 * enforcement, authentication, the OpenAPI document, then every module's routes under `/api/v1`, and
 * the built web app for every other path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enforceAccess } from './access.ts';
import { authenticateRequests } from './accounts/authenticate.ts';
import { cityShell } from './city/web-shell.ts';
import { type Config, fastifyTrustProxy } from './config.ts';
import type { Database } from './db.ts';
import { notFound, registerErrorHandling, sendProblem } from './errors.ts';
import { guardUploadSpace } from './files/free-space.ts';
import { addMessages } from './i18n.ts';
import { guardInput } from './input-guards.ts';
import { type Kernel, providedServices, type ServerModule } from './module.ts';
import { limitPublicWrites, registerRateLimitStore } from './rate-limit/limits.ts';
import { webDistDir } from './web-dist.ts';

export const apiPrefix = '/api/v1';

export interface AppOptions {
  config: Config;
  database: Database;
  modules: readonly ServerModule[];
  /** Pino logger options; tests pass `false`. */
  logger?: boolean | object;
}

export async function buildApp({ config, database, modules, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? {
      level: config.LOG_LEVEL,
      // Personal data must never reach a log line: no bodies are logged, and these headers are hidden.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      // Query strings can carry personal data or secrets (a search for a name, a complaint's tracking
      // code): log the path alone.
      serializers: {
        req: (request: { method: string; url: string; ip?: string }) => ({
          method: request.method,
          url: request.url.split('?')[0],
          remoteAddress: request.ip,
        }),
      },
    },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: fastifyTrustProxy(config.TRUST_PROXY),
    // Reject unknown query parameters and coerce none silently: Zod schemas decide.
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.decorate('cityLanguage', config.city.defaultLanguage);
  app.setSerializerCompiler(serializerCompiler);
  const servesWebApp = existsSync(webDistDir);
  // The page shell with the city's names and time zone written in (`city/web-shell.ts`).
  const indexPath = join(webDistDir, 'index.html');
  const shell =
    servesWebApp && existsSync(indexPath) ? cityShell(readFileSync(indexPath, 'utf8'), config.city) : null;
  registerErrorHandling(
    app,
    config.BODY_LIMIT_BYTES,
    // The web app routes in the browser: every other GET that is not the API answers its shell.
    servesWebApp
      ? (request, reply) => {
          if (request.method === 'GET' && !request.url.startsWith('/api/')) {
            if (shell === null) return reply.header('cache-control', 'no-cache').sendFile('index.html');
            return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(shell);
          }
          return sendProblem(reply, request, notFound());
        }
      : undefined,
  );

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    // HSTS only means something over TLS, which the reverse proxy terminates.
    strictTransportSecurity: config.TRUST_PROXY !== false,
  });
  await app.register(fastifyCookie);

  const kernel: Kernel = { config, database, modules, ...providedServices(modules) };
  await registerRateLimitStore(app, kernel);
  for (const module of modules) if (module.messages) addMessages(module.messages);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'rightscity API',
        description: 'The API of a human rights city platform. Errors are application/problem+json.',
        version: '1',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'rc_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(
    async (api) => {
      enforceAccess(api);
      limitPublicWrites(api, kernel);
      guardUploadSpace(api, kernel);
      guardInput(api);
      authenticateRequests(api, kernel);

      api.get(
        '/health',
        {
          config: { access: 'public' },
          schema: {
            tags: ['kernel'],
            summary: 'Liveness and the database engine in use',
            response: {
              200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }),
            },
          },
        },
        async () => ({ status: 'ok' as const, database: database.engine }),
      );
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
      for (const module of modules) {
        if (module.routes) await api.register(async (scope) => module.routes?.(scope, kernel));
      }
    },
    { prefix: apiPrefix },
  );

  await app.register(fastifySwaggerUi, {
    routePrefix: `${apiPrefix}/docs`,
    staticCSP: true,
    uiConfig: { url: `${apiPrefix}/openapi.json` },
  });

  if (servesWebApp) await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: false });
  return app;
}
