/**
 * The one way the web app talks to the API: same-origin fetch with the session cookie, JSON both
 * ways, the UI's language in Accept-Language (so problem titles and field messages come back in it),
 * and the session's CSRF token on every unsafe request. A problem+json answer becomes an `ApiError`
 * that forms show field by field.
 */
import { currentLanguage, i18n } from './i18n/index.ts';
import { shellNamespace } from './i18n/shell.ts';

export const apiBase = '/api/v1';

export interface ProblemFieldError {
  /** Dotted path, e.g. `body.email`. */
  field: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Already in the UI's language. */
    readonly title: string,
    readonly errors: readonly ProblemFieldError[] = [],
  ) {
    super(title);
  }
}

/** The CSRF token of the current session, from the last login or `/auth/me` answer. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Told when the server no longer knows the session (it expired or was ended elsewhere). */
let sessionLost: () => void = () => {};

export function onSessionLost(listener: () => void): void {
  sessionLost = listener;
}

/** The answers where a 401 is about the credentials sent, not about a session that ended. */
const sessionPaths = new Set(['/auth/login', '/auth/me']);

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as Partial<{
        code: string;
        title: string;
        errors: ProblemFieldError[];
      }>;
      return new ApiError(
        response.status,
        problem.code ?? 'unknown',
        problem.title ?? response.statusText,
        Array.isArray(problem.errors) ? problem.errors : [],
      );
    } catch {
      // Fall through: a body that is not the JSON it claims is reported like any unreadable answer.
    }
  }
  return new ApiError(response.status, 'unknown', response.statusText || String(response.status));
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a Blob (an uploaded file) is sent as it is, with the Blob's own type. */
  body?: unknown;
  signal?: AbortSignal;
  /** Revalidate with the server instead of trusting the browser's cache (public reads are cached a minute). */
  fresh?: boolean;
}

/** Calls `path` (relative to /api/v1); resolves to the parsed JSON (undefined for 204), or throws ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLanguage(),
  };
  const raw = options.body instanceof Blob ? options.body : null;
  if (raw) headers['content-type'] = raw.type || 'application/octet-stream';
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (unsafeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      signal: options.signal ?? null,
      cache: options.fresh ? 'no-cache' : 'default',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', i18n.t('networkError', { ns: shellNamespace }));
  }
  if (response.status === 401 && !sessionPaths.has(path)) sessionLost();
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Builds a query string from the values that are set (empty strings and undefined are left out). */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
