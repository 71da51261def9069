/**
 * The attacks of issue #18 on the server's resources, against the real app:
 * - every public write (each operation the authorization matrix opens to the anonymous public, other
 *   than GET) is refused with a bilingual 429 once one address goes over its allowance, and a
 *   questionnaire takes one answer per browser however many addresses the browser uses;
 * - peer cities cannot be used for server-side request forgery: special-use and (without
 *   NETWORK_ALLOW_PRIVATE) loopback addresses, literal or behind a name, are refused with one answer
 *   and without a connection; a name is resolved once (a DNS stub on loopback plays the attacker);
 * - an .xlsx zip bomb is refused before it is inflated.
 * Nothing here sends traffic beyond loopback.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { createUser, signIn } from '../kernel/server/accounts/testing.ts';
import { buildZip } from '../kernel/server/fixtures/zip.ts';
import { browserCookie } from '../kernel/server/rate-limit/limits.ts';
import { loadDataset } from '../kernel/server/seed/load-dataset.ts';
import { workbookLimits, xlsxContentType } from '../kernel/server/spreadsheet.ts';
import { createTestApp, type TestApp } from '../kernel/server/testing.ts';
import { type DnsStub, startDnsStub } from '../modules/sdg/server/test-support/dns-stub.ts';
import { modules } from '../server/modules.ts';
import { loadContributions } from './contributions.ts';

/** Operations open to the anonymous public that write, from the authorization matrix. */
async function publicWrites(): Promise<string[]> {
  const contributions = await loadContributions(modules.map((module) => module.name));
  const files = [
    new URL('./authorization-matrix.csv', import.meta.url),
    ...contributions.flatMap((contribution) => (contribution.matrix ? [contribution.matrix] : [])),
  ];
  return files.flatMap((file) =>
    (parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[])
      .filter((row) => row.anonymous === 'allow' && !(row.operation ?? '').startsWith('GET '))
      .map((row) => row.operation ?? ''),
  );
}

const perAddress = 3;
/** The largest multiple a route may allow (logins): a 429 must come within this many times the allowance. */
const largestFactor = 10;

describe('resource abuse: rate limits on every public write', () => {
  let test: TestApp;
  let address = 0;
  const nextAddress = () => `198.51.100.${++address}`;

  before(async () => {
    test = await createTestApp({
      env: { RATE_LIMIT_PER_ADDRESS: String(perAddress), RATE_LIMIT_PER_BROWSER: '2' },
    });
  });
  after(async () => {
    await test?.close();
  });

  it('finds the public writes in the matrix', async () => {
    const operations = await publicWrites();
    assert.ok(operations.includes('POST /api/v1/ombudsman/complaints'), operations.join('\n'));
    assert.ok(operations.length >= 6);
  });

  it('refuses each public write with a bilingual 429 once an address goes over its allowance', async () => {
    for (const operation of await publicWrites()) {
      const [method = 'POST', path = ''] = operation.split(' ');
      // Path parameters need not exist: the count is taken before the route looks anything up.
      const url = path.replace(/\{[^}]+\}/g, 'X');
      const remoteAddress = nextAddress();
      let refusedAt = 0;
      for (let attempt = 1; attempt <= perAddress * largestFactor + 1; attempt++) {
        const response = await test.app.inject({
          method: method as 'POST',
          url,
          remoteAddress,
          headers: { 'accept-language': attempt % 2 ? 'en' : 'ko' },
          payload: {},
        });
        if (response.statusCode === 429) {
          assert.equal(response.json().code, 'rate_limited', operation);
          assert.match(response.json().title, attempt % 2 ? /Too many attempts/ : /요청이 너무 많습니다/);
          assert.ok(Number(response.headers['retry-after']) > 0, operation);
          refusedAt = attempt;
          break;
        }
      }
      assert.ok(refusedAt > perAddress, `${operation}: refused at ${refusedAt}, not before its allowance`);
    }
  });

  it('takes one questionnaire answer per browser, whatever address it comes from', async () => {
    const answer = (token: string, cookie: string) =>
      test.app.inject({
        method: 'POST',
        url: `/api/v1/indicators/questionnaires/${token}/responses`,
        remoteAddress: nextAddress(),
        headers: { cookie: `${browserCookie}=${cookie}` },
        payload: { answers: [] },
      });
    const browser = 'AAAAAAAAAAAAAAAAAAAAAA';
    assert.notEqual((await answer('T'.repeat(32), browser)).statusCode, 429);
    assert.equal((await answer('T'.repeat(32), browser)).statusCode, 429, 'a second answer from one browser');
    assert.notEqual((await answer('U'.repeat(32), browser)).statusCode, 429, 'another questionnaire');
    assert.notEqual(
      (await answer('T'.repeat(32), 'BBBBBBBBBBBBBBBBBBBBBB')).statusCode,
      429,
      'another browser',
    );
  });
});

describe('resource abuse: an .xlsx zip bomb', () => {
  let test: TestApp;
  let officer: Record<string, string>;
  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
  });
  after(async () => {
    await test?.close();
  });

  it('is refused with a bilingual 413 before it is inflated', async () => {
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/education/programmes',
      headers: officer,
      payload: { groupCode: 'ordinary-citizens', title: { ko: '폭탄', en: 'Bomb' }, isPublic: false },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { programme } = created.json() as { programme: { id: string } };
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(workbookLimits.maxUncompressedBytes * 2) },
    ]);
    assert.ok(bomb.length < 400_000, `${bomb.length} bytes on the wire`);
    for (const [language, title] of [
      ['en', /expands to too much/],
      ['ko', /압축을 풀면 너무 큽니다/],
    ] as const) {
      const response = await test.app.inject({
        method: 'POST',
        url: `/api/v1/education/programmes/${programme.id}/attendance`,
        headers: { ...officer, 'content-type': xlsxContentType, 'accept-language': language },
        payload: bomb,
      });
      assert.equal(response.statusCode, 413, response.body);
      assert.equal(response.json().code, 'workbook_too_large');
      assert.match(response.json().title, title);
    }
  });
});

describe('resource abuse: server-side request forgery through peer cities', () => {
  let test: TestApp;
  let officer: Record<string, string>;
  let dns: DnsStub;
  let listener: Server;
  let port: number;
  let connections = 0;

  before(async () => {
    dns = await startDnsStub();
    test = await createTestApp({ env: { NETWORK_ALLOW_PRIVATE: 'false', NETWORK_DNS_SERVERS: dns.server } });
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    listener = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise((resolve) => listener?.close(resolve));
    await Promise.all([test?.close(), dns?.close()]);
  });

  it('refuses metadata, loopback and rebinding names with one answer and no connection', async () => {
    dns.script('metadata.attacker.test', [['169.254.169.254']]);
    dns.script('rebind.attacker.test', [['127.0.0.1']]);
    const bodies = new Set<string>();
    for (const baseUrl of [
      'http://169.254.169.254',
      'http://[fd00:ec2::254]',
      'http://metadata.attacker.test',
      `http://127.0.0.1:${port}`,
      `http://[::ffff:7f00:1]:${port}`,
      `http://rebind.attacker.test:${port}`,
      `http://0.0.0.0:${port}`,
    ]) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/network/peers',
        headers: officer,
        payload: { baseUrl },
      });
      assert.equal(response.statusCode, 502, `${baseUrl}: ${response.body}`);
      const { instance: _instance, ...problem } = response.json();
      bodies.add(JSON.stringify(problem));
    }
    assert.equal(bodies.size, 1, 'one answer for every refusal');
    assert.equal(connections, 0, 'no connection was made');
    assert.equal(dns.queries('rebind.attacker.test'), 1, 'each name resolved once');
  });
});
