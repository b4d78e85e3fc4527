import { QueryFailedError } from 'typeorm';

/** How long a client is told to wait before trying again while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Socket errors reaching the server, and Postgres refusing or dropping connections (class 08
// connection exceptions, 57P01-03 shut down or starting up, 53300 too many connections).
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
const SERVER_CODES = /^(08...|57P0[123]|53300)$/;
const DRIVER_MESSAGES =
  /Connection terminated|timeout expired|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

/** True when an error means "the database cannot be reached", not "this query is wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const cause = (error instanceof QueryFailedError ? error.driverError : error) as
    { code?: unknown; message?: unknown; errors?: unknown[] } | null | undefined;
  if (!cause || typeof cause !== 'object') return false;
  if (typeof cause.code === 'string' && (SOCKET_CODES.has(cause.code) || SERVER_CODES.test(cause.code))) return true;
  // Node reports a refused dual-stack connect as an AggregateError of both attempts.
  if (Array.isArray(cause.errors) && cause.errors.some(isDatabaseUnavailable)) return true;
  return typeof cause.message === 'string' && DRIVER_MESSAGES.test(cause.message);
}
