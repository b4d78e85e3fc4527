// Shapes shared by every area of the API (shared/API.md, "Conventions").
// Plain TypeScript only: this file is read by both the Nest api and the browser client.
import type { ErrorCode } from './errors';

/** One bad field in a 400 answer. `field` is the request path, e.g. `email` or `mentor.capacity`. */
export interface ProblemFieldError {
  field: string;
  message: string;
}

/** The body of every error answer (`application/problem+json`, RFC 9457). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** What was refused, as a stable machine name (`capacityFull`, `validationFailed`...): branch on this. The api always sends it. */
  code?: ErrorCode;
  /** Present on 400: every bad field, not only the first. */
  errors?: ProblemFieldError[];
  /** The request's id, as in the server's logs. */
  requestId?: string;
}

/** A keyset-paginated list: pass `nextCursor` back as `?cursor=` for the next page; null on the last. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `?limit=` (default 20, max 100) and `?cursor=` on every list. */
export interface PageQuery {
  limit?: number;
  cursor?: string;
}

/** An ISO 8601 UTC timestamp, e.g. `2025-03-01T09:30:00.000Z`. */
export type IsoDateTime = string;

/** A UUID string. */
export type Uuid = string;
