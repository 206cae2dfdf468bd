import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The API, typed by the server's own OpenAPI document (schema.d.ts is generated from it): a
 * route, field or answer that changes on the server fails the web app's type check.
 * The session travels in the HttpOnly cookie; changes carry the session's CSRF token.
 */
let csrf: { header: string; token: string } | undefined;

export function setCsrf(value: { header: string; token: string } | undefined): void {
  csrf = value;
}

const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (csrf && request.method !== 'GET') request.headers.set(csrf.header, csrf.token);
    return request;
  },
};

/**
 * A training instance answers every request with its fixed business date (Madoguchi-Training);
 * the page then carries it, and styles.css marks every screen, slip and letter 「研修用」.
 */
const trainingMiddleware: Middleware = {
  onResponse({ response }) {
    const date = response.headers.get('madoguchi-training');
    if (date !== null && document.body.dataset.training !== date) document.body.dataset.training = date;
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrfMiddleware);
api.use(trainingMiddleware);

/** A refusal as the server words it (application/problem+json). */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly { pointer: string; message: string }[];
  readonly [extension: string]: unknown;
}

export type Answer<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/** Listeners told when the session has ended, so the app can ask to sign in again. */
const expiredListeners = new Set<() => void>();
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** The result of an openapi-fetch call as data or a problem; a network failure becomes a problem too. */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Answer<T>> {
  try {
    const { data, error, response } = await call;
    if (response.ok) return { ok: true, data: data as T };
    const problem = (error && typeof error === 'object' ? error : { code: 'HTTP', detail: response.statusText }) as Problem;
    if (response.status === 401 && problem.code === 'AUTH.UNAUTHENTICATED') for (const listener of expiredListeners) listener();
    return { ok: false, problem: { ...problem, status: response.status } };
  } catch {
    return { ok: false, problem: { status: 0, code: 'NETWORK', detail: 'network' } };
  }
}

export type Schemas = paths;
