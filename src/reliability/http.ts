/**
 * Talking to a server process over HTTP, as a browser or an attacker would: log in, keep the cookies,
 * send the CSRF token, choose the source address (any 127.x.y.z reaches a server on 127.0.0.1).
 */
import { request as httpRequest } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = unknown>(): T;
  /** `name=value` of each Set-Cookie. */
  cookies: Record<string, string>;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The client address the server sees (a loopback address). */
  from?: string;
}

export function send(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...options.headers,
        },
        ...(options.from ? { localAddress: options.from } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const cookies: Record<string, string> = {};
          for (const header of response.headers['set-cookie'] ?? []) {
            const [pair = ''] = header.split(';');
            const at = pair.indexOf('=');
            cookies[pair.slice(0, at)] = pair.slice(at + 1);
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
            json: <T>() => JSON.parse(body) as T,
            cookies,
          });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

export interface HttpSession {
  headers: { cookie: string; 'x-csrf-token': string };
  /** The device cookie the login handed out (`rc_device=…`), for the next login. */
  device: string | undefined;
}

/** Logs in; throws with the server's answer when that fails. */
export async function logIn(
  baseUrl: string,
  credentials: { email: string; password: string },
  options: { from?: string; device?: string } = {},
): Promise<HttpSession> {
  const response = await send(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    body: credentials,
    ...(options.from ? { from: options.from } : {}),
    ...(options.device ? { headers: { cookie: options.device } } : {}),
  });
  if (response.status !== 200) throw new Error(`login: ${response.status} ${response.body}`);
  const token = response.cookies.rc_session;
  if (!token) throw new Error('login: no session cookie');
  const device = response.cookies.rc_device;
  return {
    headers: {
      cookie: `rc_session=${token}`,
      'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken,
    },
    device: device ? `rc_device=${device}` : undefined,
  };
}
