import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { modules as allModules } from '../../server/modules.ts';
import { buildApp } from './app.ts';
import { openDatabase } from './db.ts';
import type { ServerModule } from './module.ts';
import { createTestApp, type TestApp, testConfig, testEngine } from './testing.ts';

/** A body a module's own parser makes: the input guard must leave it whole. */
class Wrapped {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  get text(): string {
    return this.#text;
  }
}

/** A fixture module with one public write, to exercise the kernel's request handling. */
const probe: ServerModule = {
  name: 'probe',
  routes(app) {
    app.addContentTypeParser('application/x-probe', { parseAs: 'string' }, (_request, body, done) =>
      done(null, new Wrapped(String(body))),
    );
    app.post('/probe/wrapped', { config: { access: 'public' } }, async (request) => ({
      text: request.body instanceof Wrapped ? request.body.text : 'rebuilt',
    }));
    app.post(
      '/probe',
      {
        config: { access: 'public' },
        schema: {
          body: z.strictObject({ name: z.string().min(2), count: z.number().int() }),
          response: { 200: z.object({ echoed: z.string() }) },
        },
      },
      async (request) => {
        const body = request.body as { name: string; count: number };
        if (body.name === 'explode') throw new Error('secret internal detail');
        return { echoed: body.name };
      },
    );
  },
};

describe('HTTP API basics', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp({ modules: [...allModules, probe] });
  });
  after(() => test.close());

  it('answers health with the engine', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok', database: testEngine });
  });

  it('serves an OpenAPI 3.1 document listing the routes', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.equal(document.openapi, '3.1.0');
    assert.ok(document.paths['/api/v1/health']);
    assert.ok(document.paths['/api/v1/probe'].post.requestBody);
  });

  it('serves browsable API docs', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /swagger/i);
  });

  const problemCases = [
    {
      name: 'malformed JSON',
      payload: '{"name": ',
      status: 400,
      code: 'malformed_json',
    },
    {
      name: 'wrong type',
      payload: '{"name":"ab","count":"three"}',
      status: 400,
      code: 'validation_failed',
      field: 'body.count',
    },
    {
      name: 'unknown field',
      payload: '{"name":"ab","count":1,"admin":true}',
      status: 400,
      code: 'validation_failed',
      field: 'body.admin',
    },
    {
      name: 'too short',
      payload: '{"name":"a","count":1}',
      status: 400,
      code: 'validation_failed',
      field: 'body.name',
    },
    {
      name: 'body over the limit',
      payload: JSON.stringify({ name: 'x'.repeat(2_000_000), count: 1 }),
      status: 413,
      code: 'payload_too_large',
    },
  ];
  for (const { name, payload, status, code, field } of problemCases) {
    it(`answers ${name} with a ${status} problem`, async () => {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/probe',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      assert.equal(response.statusCode, status);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      const problem = response.json();
      assert.equal(problem.code, code);
      assert.equal(problem.status, status);
      assert.ok(problem.title.length > 0);
      if (field)
        assert.ok(
          problem.errors.some((error: { field: string }) => error.field === field),
          JSON.stringify(problem),
        );
    });
  }

  it('refuses a NUL character anywhere in the input with a field-level 400', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/probe?note=a%00b',
      payload: { name: 'a\u0000b', count: 1 },
    });
    assert.equal(response.statusCode, 400);
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    assert.deepEqual(fields.sort(), ['body.name', 'query.note']);
  });

  it('gives a lone surrogate what a text column would (U+FFFD), since jsonb refuses it', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"Kim \\ud800","count":1}',
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().echoed, 'Kim \ufffd');
  });

  it("leaves a body that a module's parser made as it is", async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/probe/wrapped',
      headers: { 'content-type': 'application/x-probe' },
      payload: 'kept',
    });
    assert.deepEqual(response.json(), { text: 'kept' });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().code, 'not_found');
  });

  it('answers an unsupported content type with a 415 problem', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    assert.equal(response.statusCode, 415);
    assert.equal(response.json().code, 'unsupported_media_type');
  });

  it('hides internals in a 500', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      payload: { name: 'explode', count: 1 },
    });
    assert.equal(response.statusCode, 500);
    assert.equal(response.json().code, 'internal');
    assert.doesNotMatch(response.body, /secret internal detail|at .*\.ts/);
  });

  it('speaks Korean by default and English when asked', async () => {
    const payload = { name: 'a', count: 1 };
    const korean = (await test.app.inject({ method: 'POST', url: '/api/v1/probe', payload })).json();
    const byQuery = (await test.app.inject({ method: 'POST', url: '/api/v1/probe?lang=en', payload })).json();
    const byHeader = (
      await test.app.inject({
        method: 'POST',
        url: '/api/v1/probe',
        payload,
        headers: { 'accept-language': 'en-GB,en;q=0.8' },
      })
    ).json();
    assert.equal(korean.title, '입력값을 확인해 주세요.');
    assert.match(korean.errors[0].message, /[가-힣]/);
    assert.equal(byQuery.title, 'Please check the values you entered.');
    assert.doesNotMatch(byQuery.errors[0].message, /[가-힣]/);
    assert.equal(byHeader.title, byQuery.title);
  });

  it('sends security headers', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/health' });
    assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });

  it('answers 503 with Retry-After, not 500, when the database server cannot be reached', async () => {
    const database = await openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/nothing' });
    const app = await buildApp({ config: testConfig(), database, modules: allModules, logger: false });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/v1/vocabularies' });
      assert.equal(response.statusCode, 503);
      assert.equal(response.json().code, 'service_unavailable');
      assert.equal(response.headers['retry-after'], '5');
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('refuses to start with a route that declares no access', async () => {
    const careless: ServerModule = {
      name: 'careless',
      routes(app) {
        app.get('/careless', async () => ({}));
      },
    };
    await assert.rejects(createTestApp({ modules: [careless] }), /declares no access/);
  });
});
