// A small fetch wrapper for /api/v1: JSON in and out, the session cookie, the CSRF header on
// unsafe methods, and problem+json turned into a thrown ApiError.
import type { Problem } from '@mutuals/contracts';

export const API_BASE = '/api/v1';

/** An error answer from the API (or a network failure, status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  /** Bad fields of a 400, keyed by the request path (`email`, `mentor.capacity`). */
  readonly fieldErrors: Record<string, string>;
  readonly problem: Problem | null;

  constructor(status: number, title: string, detail: string, problem: Problem | null = null) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail || title;
    this.problem = problem;
    this.fieldErrors = {};
    for (const { field, message } of problem?.errors ?? []) {
      this.fieldErrors[field] = this.fieldErrors[field] ? `${this.fieldErrors[field]}; ${message}` : message;
    }
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** `?a=1&b=x`, leaving out empty values; '' when nothing is left. */
export function toQuery(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  query?: Query;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) {
    const csrf = readCookie('csrf_token');
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${toQuery(options.query)}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Network error', 'Could not reach Mutuals Network. Check your connection and try again.');
  }

  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  const json = type.includes('json') ? await response.json().catch(() => null) : null;

  if (!response.ok) {
    const problem = json && typeof json === 'object' && 'status' in json ? (json as Problem) : null;
    throw new ApiError(
      response.status,
      problem?.title ?? (response.statusText || 'Request failed'),
      problem?.detail ?? defaultDetail(response.status),
      problem,
    );
  }
  return json as T;
}

function defaultDetail(status: number): string {
  if (status === 401) return 'Please sign in.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'Not found.';
  if (status === 413) return 'That is too large to send.';
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  return 'Something went wrong on our side. Please try again.';
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};
