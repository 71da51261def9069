// Two instances on loopback follow each other and exchange feeds; feeds that are malformed, too large
// or too slow (small local servers) are refused with one answer in both languages that does not say
// which check failed (the administrator's view of the peer does) and leave nothing stored, and a
// refused refresh keeps the last good feed. Server-side request forgery: special-use addresses are
// refused always, loopback unless NETWORK_ALLOW_PRIVATE, and a name is resolved once (a DNS stub on
// loopback plays the rebinding attacker). No test sends traffic beyond loopback.
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { buildApp } from '../../../kernel/server/app.ts';
import type { Database } from '../../../kernel/server/db.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import {
  createTestApp,
  createTestDatabase,
  type TestApp,
  testConfig,
} from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import type { Comparison, NetworkFeed, Peer } from '../contract.ts';
import { sdgDb } from './tables.ts';
import { type DnsStub, startDnsStub } from './test-support/dns-stub.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

// Long enough for a real instance to build its feed on a busy machine, short enough for the slow
// feed's test to wait out.
const env = {
  NETWORK_FETCH_TIMEOUT_MS: '5000',
  NETWORK_FEED_MAX_BYTES: '20000',
  NETWORK_ALLOW_PRIVATE: 'true',
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function listenApp(test: TestApp): Promise<string> {
  await test.app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(test.app.server.address() as AddressInfo).port}`;
}

const validFeed: NetworkFeed = {
  format: 'rightscity-network-feed',
  version: 1,
  city: { code: 'sample-city' },
  generatedAt: '2026-01-01T00:00:00.000Z',
  headlines: [{ id: 'sample', label: { ko: '예시', en: 'Sample' }, value: 1 }],
  assessment: null,
};

describe('the network of cities', () => {
  let first: TestApp;
  let second: TestApp;
  let firstUrl: string;
  let secondUrl: string;
  let officer: Headers;
  let secondOfficer: Headers;
  const servers: Server[] = [];
  /** What the switchable peer serves next. */
  let switchable: (response: ServerResponse) => void = (response) => response.end(JSON.stringify(validFeed));

  const serve = async (handler: (response: ServerResponse) => void) => {
    const server = createServer((_request, response) => handler(response));
    servers.push(server);
    return listen(server);
  };

  const stored = async (test: TestApp) => {
    const sdg = sdgDb(test.database.db);
    const peers = await sdg.selectFrom('sdg_network_peers').select('base_url').orderBy('id').execute();
    const feeds = await sdg
      .selectFrom('sdg_network_feeds')
      .select(['peer_id', 'feed'])
      .orderBy('peer_id')
      .execute();
    return { peers: peers.map((peer) => peer.base_url), feeds };
  };

  const addPeer = (test: TestApp, headers: Headers, baseUrl: string, language = 'en') =>
    test.app.inject({
      method: 'POST',
      url: '/api/v1/network/peers',
      headers: { ...headers, 'accept-language': language },
      payload: { baseUrl },
    });

  let dns: DnsStub;
  let admin: Headers;

  before(async () => {
    dns = await startDnsStub();
    [first, second] = await Promise.all([
      createTestApp({ env: { ...env, NETWORK_DNS_SERVERS: dns.server } }),
      createTestApp({ env }),
    ]);
    admin = (await signIn(first.app, await createUser(first.database, { role: 'admin' }))).headers;
    await loadDataset({ database: second.database, modules, city: 'gwangju', reset: false, demo: false });
    officer = (await signIn(first.app, await createUser(first.database, { role: 'officer' }))).headers;
    secondOfficer = (await signIn(second.app, await createUser(second.database, { role: 'officer' })))
      .headers;
    firstUrl = await listenApp(first);
    secondUrl = await listenApp(second);
  });
  after(async () => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await Promise.all([first?.close(), second?.close(), dns?.close()]);
  });

  it('publishes a versioned feed with the published self-assessment and every module’s headlines', async () => {
    const created = await second.app.inject({
      method: 'POST',
      url: '/api/v1/sdg/assessments',
      headers: secondOfficer,
      payload: { year: 2025 },
    });
    assert.equal(created.statusCode, 201, created.body);
    const cell = await second.app.inject({
      method: 'PUT',
      url: '/api/v1/sdg/assessments/2025/cells/just/norms',
      headers: secondOfficer,
      payload: {
        version: 1,
        rating: 'developing',
        narrative: { ko: '인권헌장이 있습니다.', en: 'The city has a charter.' },
        evidence: [
          {
            module: 'vocabularies',
            recordType: 'page',
            recordId: '/vocabularies/rights',
            title: { ko: '인권헌장 조항', en: 'Charter articles' },
            path: '/vocabularies/rights',
          },
        ],
      },
    });
    assert.equal(cell.statusCode, 200, cell.body);
    let feed = (await second.app.inject({ url: '/api/v1/network/feed' })).json() as NetworkFeed;
    assert.equal(feed.assessment, null, 'a draft does not cross');
    const published = await second.app.inject({
      method: 'PUT',
      url: '/api/v1/sdg/assessments/2025',
      headers: secondOfficer,
      payload: { version: 1, published: true },
    });
    assert.equal(published.statusCode, 200, published.body);
    const response = await second.app.inject({ url: '/api/v1/network/feed' });
    assert.equal(response.statusCode, 200);
    assert.ok(response.headers.etag);
    feed = response.json() as NetworkFeed;
    assert.equal(feed.format, 'rightscity-network-feed');
    assert.equal(feed.version, 1);
    assert.equal(feed.city.code, 'gwangju');
    assert.equal(feed.assessment?.year, 2025);
    assert.equal(feed.assessment?.cells.length, 28);
    const filled = feed.assessment?.cells.find(
      (entry) => entry.category === 'just' && entry.component === 'norms',
    );
    assert.deepEqual(filled?.evidence, [
      { title: { ko: '인권헌장 조항', en: 'Charter articles' }, path: '/vocabularies/rights' },
    ]);
    const headlineIds = feed.headlines.map((headline) => headline.id);
    for (const module of modules) {
      for (const headline of (await module.headlines?.(second.database.db)) ?? []) {
        assert.ok(
          headlineIds.includes(headline.id),
          `${module.name}'s headline ${headline.id} is in the feed`,
        );
      }
    }
    assert.ok(headlineIds.includes('sdg-local-agendas'));
  });

  it('lets two instances on loopback follow each other and compares them side by side', async () => {
    const follow = await addPeer(first, officer, `${secondUrl}/`);
    assert.equal(follow.statusCode, 201, follow.body);
    assert.deepEqual(
      (follow.json() as { peers: Peer[] }).peers.map((peer) => [peer.baseUrl, peer.cityCode]),
      [[secondUrl, 'gwangju']],
    );
    const back = await addPeer(second, secondOfficer, firstUrl);
    assert.equal(back.statusCode, 201, back.body);

    const comparison = (await first.app.inject({ url: '/api/v1/network/comparison' })).json() as Comparison;
    assert.equal(comparison.self.assessment, null);
    assert.equal(comparison.peers.length, 1);
    assert.equal(comparison.peers[0]?.baseUrl, secondUrl);
    assert.equal(comparison.peers[0]?.feed.assessment?.year, 2025);
    const reverse = (await second.app.inject({ url: '/api/v1/network/comparison' })).json() as Comparison;
    assert.equal(reverse.self.assessment?.year, 2025);
    assert.equal(reverse.peers[0]?.feed.city.code, 'gwangju');

    const twice = await addPeer(first, officer, secondUrl);
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().code, 'sdg_peer_exists');
  });

  const refusals = [
    {
      name: 'malformed JSON',
      handler: (response: ServerResponse) => response.end('{"format": "rightscity-network-feed", '),
      code: 'feed_not_json',
      en: /not valid JSON/,
      ko: /올바른 JSON이 아닙니다/,
    },
    {
      name: 'a feed that breaks the schema',
      handler: (response: ServerResponse) =>
        response.end(JSON.stringify({ ...validFeed, headlines: [{ id: 'x', value: 'many' }] })),
      code: 'feed_schema',
      en: /does not follow the feed format \(version 1\): headlines\.0\./,
      ko: /피드 형식\(버전 1\)에 맞지 않습니다/,
    },
    {
      name: 'an oversized feed sent without a length',
      handler: (response: ServerResponse) => {
        const chunk = `${' '.repeat(4095)}\n`;
        let sent = 0;
        const write = () => {
          // Stops by itself well past the limit, in case the reader did not stop first.
          while (sent < 100 && response.write(chunk)) sent++;
          if (sent < 100) response.once('drain', write);
          else response.end();
        };
        response.writeHead(200, { 'content-type': 'application/json' });
        write();
      },
      code: 'feed_too_large',
      en: /larger than allowed \(20000 bytes\)/,
      ko: /허용된 크기\(20000바이트\)보다 큽니다/,
    },
    {
      name: 'an oversized feed that says its length',
      handler: (response: ServerResponse) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '40000' });
        response.end(' '.repeat(40000));
      },
      code: 'feed_too_large',
      en: /larger than allowed \(20000 bytes\)/,
      ko: /허용된 크기\(20000바이트\)보다 큽니다/,
    },
    {
      name: 'a slow feed',
      handler: (response: ServerResponse) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"format": ');
        setTimeout(() => response.end('"rightscity-network-feed"}'), 10_000).unref();
      },
      code: 'feed_timeout',
      en: /did not send its feed within 5 seconds/,
      ko: /5초 안에 피드를 보내지 않았습니다/,
    },
    {
      name: 'an error status',
      handler: (response: ServerResponse) => {
        response.statusCode = 404;
        response.end('not here');
      },
      code: 'feed_http_status',
      en: /answered HTTP 404/,
      ko: /HTTP 404 응답/,
    },
  ];

  /** The one answer for every refusal, in each language, to compare bodies against. */
  const answers = new Map<string, string>();

  for (const refusal of refusals) {
    it(`refuses ${refusal.name} with the one answer for every failure and stores nothing`, async () => {
      const before = await stored(first);
      const url = await serve(refusal.handler);
      // Both languages at once: the slow feed's deadline is then waited out once.
      const languages = ['en', 'ko'] as const;
      const responses = await Promise.all(
        languages.map((language) => addPeer(first, officer, url, language)),
      );
      for (const [index, response] of responses.entries()) {
        const language = languages[index] ?? 'en';
        assert.equal(response.statusCode, 502, response.body);
        const problem = response.json();
        assert.equal(problem.code, 'sdg_feed_refused');
        assert.match(
          problem.title,
          language === 'en' ? /Nothing was stored/ : /아무것도 저장하지 않았습니다/,
        );
        assert.equal(problem.errors[0].field, 'body.baseUrl');
        assert.equal(problem.errors[0].code, 'feed_unavailable');
        assert.match(
          problem.errors[0].message,
          language === 'en' ? /No city platform's feed could be fetched/ : /피드를 받을 수 없습니다/,
        );
        const { instance: _instance, ...same } = problem;
        answers.set(language, answers.get(language) ?? JSON.stringify(same));
        assert.equal(JSON.stringify(same), answers.get(language), 'the same answer as every other refusal');
      }
      assert.deepEqual(await stored(first), before);
    });
  }

  it('answers a closed port like every other refusal, so ports cannot be mapped', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    for (const language of ['en', 'ko']) {
      const response = await addPeer(first, officer, url, language);
      assert.equal(response.statusCode, 502, response.body);
      const { instance: _instance, ...same } = response.json();
      assert.equal(JSON.stringify(same), answers.get(language));
    }
  });

  it('refuses an address that is not a web address, or that carries credentials', async () => {
    for (const baseUrl of [
      'ftp://example.org',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://officer:secret@example.org',
      'https://token@example.org',
      'not an address',
    ]) {
      const response = await addPeer(first, officer, baseUrl);
      assert.equal(response.statusCode, 400, baseUrl);
      assert.equal(response.json().errors[0].code, 'invalid_base_url', baseUrl);
    }
  });

  it('fetches nothing from special-use addresses even with private networks allowed (the cloud metadata service)', async () => {
    const before = await stored(first);
    for (const baseUrl of [
      'http://169.254.169.254',
      'http://2852039166',
      'http://[::ffff:169.254.169.254]',
      'http://[::ffff:a9fe:a9fe]',
      'http://[64:ff9b::a9fe:a9fe]',
      'http://[fe80::1]:8080',
      'http://0.0.0.0',
      'http://[::]',
      'http://224.0.0.1',
      'http://255.255.255.255',
      'http://192.0.0.8',
      'http://198.18.0.1',
      'http://[2001:db8::1]',
      'http://[fd00:ec2::254]',
    ]) {
      const response = await addPeer(first, officer, baseUrl);
      assert.equal(response.statusCode, 502, `${baseUrl}: ${response.body}`);
      assert.equal(response.json().errors[0].code, 'feed_unavailable', baseUrl);
    }
    assert.deepEqual(await stored(first), before);
  });

  it('connects to the address it checked: a name is resolved once, so DNS rebinding cannot redirect it', async () => {
    // The checked answer is the good feed on 127.0.0.1; any later answer points at 127.0.0.2.
    const good = createServer((_request, response) =>
      response.end(JSON.stringify({ ...validFeed, city: { code: 'checked-city' } })),
    );
    servers.push(good);
    await new Promise<void>((resolve) => good.listen(0, '127.0.0.1', resolve));
    const { port } = good.address() as AddressInfo;
    let rebound = 0;
    const evil = createServer((_request, response) => {
      rebound++;
      response.end(JSON.stringify({ ...validFeed, city: { code: 'rebound-city' } }));
    });
    servers.push(evil);
    await new Promise<void>((resolve) => evil.listen(port, '127.0.0.2', resolve));
    dns.script('peer.rebind.test', [['127.0.0.1'], ['127.0.0.2']]);
    const response = await addPeer(first, admin, `http://peer.rebind.test:${port}`);
    assert.equal(response.statusCode, 201, response.body);
    const peer = (response.json() as { peers: Peer[] }).peers.find((entry) =>
      entry.baseUrl.includes('peer.rebind.test'),
    );
    assert.equal(peer?.cityCode, 'checked-city');
    assert.equal(dns.queries('peer.rebind.test'), 1, 'resolved once');
    assert.equal(rebound, 0, 'no connection to the second answer');
    const removed = await first.app.inject({
      method: 'DELETE',
      url: `/api/v1/network/peers/${peer?.id}`,
      headers: admin,
    });
    assert.equal(removed.statusCode, 204);
  });

  it('refuses a name when any of its addresses is refused', async () => {
    dns.script('peer.mixed.test', [['127.0.0.1', '169.254.169.254']]);
    const response = await addPeer(first, officer, 'http://peer.mixed.test');
    assert.equal(response.statusCode, 502, response.body);
    assert.equal(response.json().errors[0].code, 'feed_unavailable');
    assert.equal(dns.queries('peer.mixed.test'), 1);
  });

  it('keeps the last good feed when a refresh is refused, and forgets a removed peer', async () => {
    const url = await serve((response) => switchable(response));
    const added = await addPeer(first, officer, url);
    assert.equal(added.statusCode, 201, added.body);
    const peer = (added.json() as { peers: Peer[] }).peers.find((entry) => entry.baseUrl === url);
    assert.ok(peer);
    const before = await stored(first);
    switchable = (response) => response.end('[]');
    const refresh = await first.app.inject({
      method: 'POST',
      url: `/api/v1/network/peers/${peer.id}/refresh`,
      headers: officer,
    });
    assert.equal(refresh.statusCode, 502);
    assert.equal(refresh.json().errors[0].code, 'feed_unavailable');
    assert.deepEqual(await stored(first), before);
    // What failed is the administrator's to see, not the caller's.
    const failureOf = async (headers: Headers) => {
      const list = (await first.app.inject({ url: '/api/v1/network/peers', headers })).json() as {
        peers: Peer[];
      };
      return list.peers.find((entry) => entry.id === peer.id)?.lastFailure;
    };
    assert.equal((await failureOf(admin))?.code, 'feed_schema');
    assert.equal(await failureOf(officer), null);

    switchable = (response) => response.end(JSON.stringify({ ...validFeed, city: { code: 'renamed-city' } }));
    const good = await first.app.inject({
      method: 'POST',
      url: `/api/v1/network/peers/${peer.id}/refresh`,
      headers: officer,
    });
    assert.equal(good.statusCode, 200, good.body);
    assert.equal(
      (good.json() as { peers: Peer[] }).peers.find((entry) => entry.id === peer.id)?.cityCode,
      'renamed-city',
    );
    assert.equal(await failureOf(admin), null, 'a good fetch clears the failure');

    const removed = await first.app.inject({
      method: 'DELETE',
      url: `/api/v1/network/peers/${peer.id}`,
      headers: officer,
    });
    assert.equal(removed.statusCode, 204);
    assert.deepEqual((await stored(first)).peers, [secondUrl]);
  });

  it('lets only the office manage peers', async () => {
    assert.equal((await first.app.inject({ url: '/api/v1/network/peers' })).statusCode, 401);
    const committee = (await signIn(first.app, await createUser(first.database, { role: 'committee' })))
      .headers;
    assert.equal((await addPeer(first, committee, secondUrl)).statusCode, 403);
  });
});

describe('peers on loopback and private networks without NETWORK_ALLOW_PRIVATE', () => {
  let test: { app: FastifyInstance; database: Database; close(): Promise<void> };
  let officer: Headers;
  /** The server log: what failed is told there, not to the caller. */
  const logLines: string[] = [];
  let dns: DnsStub;
  let listener: TcpServer;
  let port: number;
  let connections = 0;

  before(async () => {
    dns = await startDnsStub();
    const fresh = await createTestDatabase();
    const app = await buildApp({
      config: testConfig({ NETWORK_DNS_SERVERS: dns.server, NETWORK_ALLOW_PRIVATE: 'false' }),
      database: fresh.database,
      modules,
      logger: { level: 'warn', stream: { write: (line: string) => logLines.push(line) } },
    });
    test = {
      app,
      database: fresh.database,
      close: async () => {
        await app.close();
        await fresh.close();
      },
    };
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    // Counts connections: the refusal must come before any is made.
    listener = createTcpServer((socket) => {
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

  it('refuses loopback in every spelling, and a name that resolves to it, without connecting', async () => {
    dns.script('peer.loopback.test', [['127.0.0.1']]);
    for (const baseUrl of [
      `http://127.0.0.1:${port}`,
      `http://127.1:${port}`,
      `http://2130706433:${port}`,
      `http://[::1]:${port}`,
      `http://[::ffff:127.0.0.1]:${port}`,
      `http://[::127.0.0.1]:${port}`,
      `http://peer.loopback.test:${port}`,
      `http://10.0.0.1:${port}`,
      `http://192.168.1.1:${port}`,
      `http://100.64.0.1:${port}`,
      `http://[fd12::1]:${port}`,
    ]) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/network/peers',
        headers: officer,
        payload: { baseUrl },
      });
      assert.equal(response.statusCode, 502, `${baseUrl}: ${response.body}`);
      assert.equal(response.json().errors[0].code, 'feed_unavailable', baseUrl);
    }
    assert.equal(dns.queries('peer.loopback.test'), 1);
    assert.equal(connections, 0, 'no connection was made');
    const logged = logLines.filter((line) => line.includes('peer feed refused'));
    assert.ok(
      logged.some((line) => line.includes('feed_address_refused') && line.includes('peer.loopback.test')),
      logged.join('\n'),
    );
    const peers = await sdgDb(test.database.db).selectFrom('sdg_network_peers').select('id').execute();
    assert.deepEqual(peers, []);
  });
});
