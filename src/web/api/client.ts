import type { Problem } from '../../shared/contract.js';
import { currentLanguage } from '../i18n/index.js';

/** A problem as it arrives: any field may be missing from a proxy's or a crashed server's answer. */
type ProblemBody = Partial<Problem>;

/** Any failed call: an HTTP error answered with problem+json, or no answer at all (status 0). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;
  readonly errors: { path: string; message: string; code?: string }[];

  constructor(status: number, body: ProblemBody) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = body.code ?? (status === 0 ? 'network' : 'unknown');
    this.title = body.title ?? '';
    this.detail = body.detail;
    this.type = body.type ?? 'about:blank';
    this.errors = body.errors ?? [];
  }

  /** No usable answer from the Ayni server: offline, or a proxy saying it is down. */
  get isNetworkError(): boolean {
    return this.status === 0 || this.code === 'unavailable';
  }

  /** The message of the first error on a field (`path` as the server names it), if any. */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path || e.path === `/${path}` || e.path.endsWith(`.${path}`))
      ?.message;
  }
}

export function isApiProblem(error: unknown, status?: number): error is ApiProblem {
  return error instanceof ApiProblem && (status === undefined || error.status === status);
}

let csrfToken: string | null = null;

/** Remember the token the server gave with the session; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Headers every call sends: the interface language, and the CSRF token on writes. */
export function requestHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
  };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

/** Turns a failed answer's body (text, maybe problem+json) into an ApiProblem. */
export function problemFromResponse(status: number, statusText: string, contentType: string, text: string) {
  let parsed: unknown;
  if (text && /json/i.test(contentType)) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  const problem: ProblemBody =
    parsed && typeof parsed === 'object'
      ? (parsed as ProblemBody)
      : { title: statusText, code: status >= 500 ? 'unavailable' : 'unknown' };
  return new ApiProblem(status, problem);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfRefresh: Promise<string | null> | null = null;

/** The session's CSRF token from GET /me, one request for all callers that need it at once. */
function refreshCsrfToken(): Promise<string | null> {
  csrfRefresh ??= (async () => {
    try {
      const response = await fetch('/api/v1/me', {
        headers: requestHeaders('GET'),
        credentials: 'same-origin',
      });
      if (!response.ok) return null;
      const me = (await response.json()) as { csrfToken?: unknown };
      return typeof me.csrfToken === 'string' ? me.csrfToken : null;
    } catch {
      return null;
    } finally {
      csrfRefresh = null;
    }
  })();
  return csrfRefresh;
}

export function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body, false);
}

async function request<T>(method: Method, path: string, body: unknown, retried: boolean): Promise<T> {
  const headers = requestHeaders(method);
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, {});
  }

  // The app started offline (on the saved user, without a token) and this is its first write since
  // the connection came back: fetch the token and try once more. Refused for CSRF, nothing was done.
  if (response.status === 403 && method !== 'GET' && !headers['X-CSRF-Token'] && !retried) {
    const token = csrfToken ?? (await refreshCsrfToken());
    if (token) {
      csrfToken ??= token;
      return request<T>(method, path, body, true);
    }
  }

  const text = response.status === 204 ? '' : await response.text();
  const isJson = /json/i.test(response.headers.get('Content-Type') ?? '');
  let parsed: unknown;
  if (text && isJson) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }

  if (!response.ok) {
    // No problem+json body: a proxy or gateway answered (the server is down or restarting).
    const problem: ProblemBody =
      parsed && typeof parsed === 'object'
        ? (parsed as ProblemBody)
        : { title: response.statusText, code: response.status >= 500 ? 'unavailable' : 'unknown' };
    throw new ApiProblem(response.status, problem);
  }
  if (text && parsed === undefined) {
    throw new ApiProblem(response.status, { code: 'bad_response', title: 'Unexpected response' });
  }
  return parsed as T;
}
