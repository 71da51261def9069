/**
 * Reading a peer city's feed, defensively: another city's server may be down, slow, huge or wrong.
 * The whole exchange has a deadline (headers and body), the body is read only up to the size limit
 * (a larger one is cut off, not buffered), redirects are not followed (the officer should enter the
 * final address), and the JSON must pass the feed schema. Any failure is one 502 problem that says,
 * in both languages, which check failed; the callers store nothing unless this returns.
 *
 * An officer's address makes this server send a request, so what it may reach is limited: http(s)
 * only, no credentials in the URL, and no address where no city's platform can be but a server's
 * secrets can (link-local, such as the cloud metadata service at 169.254.169.254; the unspecified
 * address; multicast), whatever the host name resolves to. Loopback and private networks stay
 * allowed: instances on one intranet, and tests, follow each other there.
 */
import { lookup } from 'node:dns/promises';
import { BlockList } from 'node:net';
import { AppError } from '../../../../kernel/server/errors.ts';
import type { Bilingual } from '../../../../kernel/shared/language.ts';
import { type NetworkFeed, networkFeedSchema } from '../../contract.ts';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** The path every instance serves its feed at, under its base URL. */
export const feedPath = '/api/v1/network/feed';

function refuse(code: string, message: Bilingual): AppError {
  return new AppError('sdg_feed_refused', 502, { errors: [{ field: 'body.baseUrl', code, message }] });
}

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

const unreachableNetworks = new BlockList();
unreachableNetworks.addSubnet('0.0.0.0', 8, 'ipv4');
unreachableNetworks.addSubnet('169.254.0.0', 16, 'ipv4');
unreachableNetworks.addSubnet('224.0.0.0', 4, 'ipv4');
unreachableNetworks.addAddress('::', 'ipv6');
unreachableNetworks.addSubnet('fe80::', 10, 'ipv6');
unreachableNetworks.addSubnet('ff00::', 8, 'ipv6');
// The metadata service's IPv6 address on EC2 (a unique-local address, so not covered above).
unreachableNetworks.addAddress('fd00:ec2::254', 'ipv6');

/** Refuses a host that is, or resolves to, an address of `unreachableNetworks`, within the deadline. */
async function checkAddress(baseUrl: string, signal: AbortSignal): Promise<void> {
  const hostname = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  const deadline = new Promise<never>((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  const addresses = await Promise.race([lookup(hostname, { all: true }), deadline]);
  const refused = addresses.some(({ address, family }) =>
    unreachableNetworks.check(address, family === 6 ? 'ipv6' : 'ipv4'),
  );
  if (refused) {
    throw refuse('feed_address_refused', {
      ko: '이 주소로는 피드를 가져오지 않습니다(링크 로컬·멀티캐스트 등 플랫폼이 있을 수 없는 주소). 상대 도시 플랫폼의 공개 주소를 입력해 주세요.',
      en: "Feeds are not fetched from this address (link-local, multicast or another address no platform can be at). Enter the public address of the other city's platform.",
    });
  }
}

const isTimeout = (error: unknown) => error instanceof Error && error.name === 'TimeoutError';

function timedOut(limits: FetchLimits): AppError {
  const seconds = limits.timeoutMs / 1000;
  return refuse('feed_timeout', {
    ko: `상대 도시의 서버가 ${seconds}초 안에 피드를 보내지 않았습니다.`,
    en: `The other city's server did not send its feed within ${seconds} seconds.`,
  });
}

function tooLarge(limits: FetchLimits): AppError {
  return refuse('feed_too_large', {
    ko: `피드가 허용된 크기(${limits.maxBytes}바이트)보다 큽니다.`,
    en: `The feed is larger than allowed (${limits.maxBytes} bytes).`,
  });
}

async function readLimited(response: Response, limits: FetchLimits): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(limits);
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limits.maxBytes) {
      await reader.cancel();
      throw tooLarge(limits);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Fetches and checks the feed of the instance at `baseUrl` (normalised). */
export async function fetchFeed(baseUrl: string, limits: FetchLimits): Promise<NetworkFeed> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let body: Buffer;
  try {
    await checkAddress(baseUrl, signal);
    const response = await fetch(`${baseUrl}${feedPath}`, {
      signal,
      redirect: 'manual',
      headers: { accept: 'application/json' },
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw refuse('feed_http_status', {
        ko: `상대 도시의 서버가 피드 대신 HTTP ${response.status} 응답을 보냈습니다. 플랫폼 주소를 확인해 주세요.`,
        en: `The other city's server answered HTTP ${response.status} instead of its feed. Check the platform's address.`,
      });
    }
    body = await readLimited(response, limits);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isTimeout(error) || signal.aborted) throw timedOut(limits);
    throw refuse('feed_unreachable', {
      ko: '상대 도시의 서버에 연결할 수 없습니다. 주소를 확인하거나 나중에 다시 시도해 주세요.',
      en: "The other city's server cannot be reached. Check the address or try again later.",
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw refuse('feed_not_json', {
      ko: '상대 도시가 보낸 피드가 올바른 JSON이 아닙니다.',
      en: "The other city's feed is not valid JSON.",
    });
  }
  const parsed = networkFeedSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw refuse('feed_schema', {
      ko: `상대 도시의 피드가 피드 형식(버전 1)에 맞지 않습니다: ${where}`,
      en: `The other city's feed does not follow the feed format (version 1): ${where}`,
    });
  }
  return parsed.data;
}
