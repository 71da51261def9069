/**
 * Reading a peer city's feed, defensively: another city's server may be down, slow, huge or wrong.
 * The whole exchange has a deadline (resolution, headers and body), the body is read only up to the
 * size limit (a larger one is cut off, not buffered), redirects are not followed (the officer should
 * enter the final address), and the JSON must pass the feed schema.
 *
 * An officer's address makes this server send a request, so what it may reach is limited: http(s)
 * only, no credentials in the URL, and only addresses `address-policy.ts` allows. The host name is
 * resolved once, every address it resolves to is checked, and the connection goes to the checked
 * address itself (the Host header and TLS name stay the host name): a second resolution by the HTTP
 * client would let a DNS server answer a public address to the check and loopback to the connection.
 *
 * Every failure answers the caller the same 502 problem, whether the address was refused, nothing
 * listened, the status was wrong or the body was not a feed: otherwise the answers would map which
 * ports are open on the server's networks. What actually failed is in `FeedRefused.detail`, which the
 * routes log and a refresh keeps on the peer for the administrator.
 */
import { lookup, Resolver } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { AppError } from '../../../../kernel/server/errors.ts';
import { type NetworkFeed, networkFeedSchema } from '../../contract.ts';
import { isAllowedAddress } from '../address-policy.ts';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  /** NETWORK_ALLOW_PRIVATE: loopback and private networks may be peers. */
  allowPrivate: boolean;
  /** NETWORK_DNS_SERVERS: resolve peers' names with these servers instead of the system's resolver. */
  dnsServers: readonly string[];
}

/** What failed, for the log and the administrator; never for the caller. */
export interface FeedFailure {
  code:
    | 'feed_address_refused'
    | 'feed_unresolved'
    | 'feed_unreachable'
    | 'feed_timeout'
    | 'feed_http_status'
    | 'feed_too_large'
    | 'feed_not_json'
    | 'feed_schema';
  detail: string;
}

export class FeedRefused extends AppError {
  constructor(readonly failure: FeedFailure) {
    super('sdg_feed_refused', 502, {
      errors: [
        {
          field: 'body.baseUrl',
          code: 'feed_unavailable',
          message: {
            ko: '이 주소에서 인권도시 플랫폼의 피드를 받을 수 없습니다. 상대 도시 플랫폼의 공개 주소인지 확인하거나 나중에 다시 시도해 주세요.',
            en: "No city platform's feed could be fetched from this address. Check that it is the public address of the other city's platform, or try again later.",
          },
        },
      ],
    });
  }
}

const fail = (code: FeedFailure['code'], detail: string) => new FeedRefused({ code, detail });

/** The path every instance serves its feed at, under its base URL. */
export const feedPath = '/api/v1/network/feed';

/** The base URL as stored: http(s), no credentials, query or fragment, no trailing slash. */
export function normaliseBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    url = new URL('invalid:');
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || !url.hostname) {
    throw new AppError('validation_failed', 400, {
      errors: [
        {
          field: 'body.baseUrl',
          code: 'invalid_base_url',
          message: {
            ko: 'http:// 또는 https://로 시작하는 플랫폼 주소를 입력해 주세요(예: https://rights.example.org).',
            en: "Enter the address of the city's platform, starting with http:// or https:// (e.g. https://rights.example.org).",
          },
        },
      ],
    });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Every address `hostname` resolves to, through the configured servers or the system's resolver. */
async function resolveHost(hostname: string, limits: FetchLimits): Promise<string[]> {
  if (isIP(hostname)) return [hostname];
  if (limits.dnsServers.length === 0) {
    return (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
  }
  const resolver = new Resolver({ timeout: limits.timeoutMs, tries: 1 });
  resolver.setServers([...limits.dnsServers]);
  const answers = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]);
  return answers.flatMap((answer) => (answer.status === 'fulfilled' ? answer.value : []));
}

function withDeadline<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    }),
  ]);
}

/** One GET to `address` (already checked), naming `url`'s host in the Host header and for TLS. */
function get(url: URL, address: string, signal: AbortSignal): Promise<IncomingMessage> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const options = {
    host: address,
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    headers: { host: url.host, accept: 'application/json' },
    // A fresh connection: a pooled one is keyed by address and could have been opened for another host.
    agent: false,
    signal,
    ...(url.protocol === 'https:' && !isIP(hostname) ? { servername: hostname } : {}),
  };
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(options, resolve);
    request.on('error', reject);
    request.end();
  });
}

async function readLimited(response: IncomingMessage, limits: FetchLimits): Promise<Buffer> {
  const tooLarge = () => fail('feed_too_large', `larger than ${limits.maxBytes} bytes`);
  const declared = Number(response.headers['content-length'] ?? Number.NaN);
  if (declared > limits.maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).byteLength;
    if (size > limits.maxBytes) {
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Fetches and checks the feed of the instance at `baseUrl` (normalised). */
export async function fetchFeed(baseUrl: string, limits: FetchLimits): Promise<NetworkFeed> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const url = new URL(`${baseUrl}${feedPath}`);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  let body: Buffer;
  try {
    const addresses = await withDeadline(resolveHost(hostname, limits), signal).catch((error) => {
      if (signal.aborted) throw error;
      throw fail('feed_unresolved', `${hostname} did not resolve (${(error as Error).message})`);
    });
    const address = addresses[0];
    if (address === undefined) throw fail('feed_unresolved', `${hostname} has no address`);
    const refused = addresses.filter((candidate) => !isAllowedAddress(candidate, limits.allowPrivate));
    if (refused.length > 0) {
      throw fail('feed_address_refused', `${hostname} resolves to a refused address: ${refused.join(', ')}`);
    }
    const response = await get(url, address, signal);
    if (response.statusCode !== 200) {
      response.destroy();
      throw fail('feed_http_status', `HTTP ${response.statusCode} from ${address}`);
    }
    body = await readLimited(response, limits);
  } catch (error) {
    if (error instanceof FeedRefused) throw error;
    if (signal.aborted) throw fail('feed_timeout', `no feed within ${limits.timeoutMs} ms`);
    throw fail('feed_unreachable', (error as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw fail('feed_not_json', (error as Error).message);
  }
  const parsed = networkFeedSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw fail('feed_schema', `does not follow the feed format (version 1): ${where}`);
  }
  return parsed.data;
}
