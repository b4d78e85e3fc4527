import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode, GenericErrorCode, Problem } from '@mutuals/contracts';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../database/database-unavailable';
import { DomainError, GenericErrors, STATUS_OF_KIND } from './domain-error';

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

function titleOf(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Internal error' : 'Request failed');
}

/** The code of a framework refusal (a Nest HttpException, a Fastify error) that carries only a status. */
const CODE_OF_STATUS: Partial<Record<number, GenericErrorCode>> = {
  400: 'validationFailed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'notFound',
  405: 'methodNotAllowed',
  409: 'conflict',
  413: 'payloadTooLarge',
  415: 'unsupportedMediaType',
  429: 'rateLimited',
  503: 'unavailable',
};

function codeOfStatus(status: number): GenericErrorCode {
  return CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal' : 'requestFailed');
}

/** Errors raised by Fastify itself before Nest sees the request (body parsing and limits). */
interface FastifyError {
  statusCode?: number;
  code?: string;
  message: string;
}

type ProblemBody = Omit<Problem, 'type' | 'requestId'>;

function problem(status: number, code: ErrorCode, detail: string): ProblemBody {
  return { title: titleOf(status), status, detail, code };
}

/** The database being unreachable is an outage to wait out, not a bug: 503 with Retry-After. */
const databaseUnavailable = () =>
  new DomainError(
    GenericErrors.unavailable.code,
    GenericErrors.unavailable.kind,
    'The database is not answering; try again shortly',
    undefined,
    DATABASE_RETRY_AFTER_SECONDS,
  );

/** Any exception as the problem it answers with; internals never leak into `detail`. */
export function problemOf(error: unknown): { problem: ProblemBody; retryAfter?: number } {
  const exception = isDatabaseUnavailable(error) ? databaseUnavailable() : error;
  if (exception instanceof DomainError) {
    const status = STATUS_OF_KIND[exception.kind];
    return {
      problem: { ...problem(status, exception.code, exception.message), errors: exception.fieldErrors },
      retryAfter: exception.retryAfterSeconds,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
    const detail = Array.isArray(message) ? message.join('; ') : String(message);
    // Nest's router turns Fastify's body-parser errors into bare HttpExceptions (status and
    // message, no Fastify code): the message is all that tells a JSON syntax error apart.
    const code = status === 400 && /\bJSON\b/.test(detail) ? GenericErrors.invalidJson.code : codeOfStatus(status);
    return { problem: problem(status, code, detail) };
  }
  const fastifyError = exception as FastifyError;
  if (fastifyError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { problem: problem(413, GenericErrors.payloadTooLarge.code, 'The request body is larger than allowed') };
  }
  if (fastifyError?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { problem: problem(415, GenericErrors.unsupportedMediaType.code, 'Send JSON with Content-Type: application/json') };
  }
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    if (exception instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return { problem: problem(status, GenericErrors.invalidJson.code, 'The request body is not valid JSON') };
    }
    return { problem: problem(status, codeOfStatus(status), fastifyError.message) };
  }
  return { problem: problem(500, GenericErrors.internal.code, 'Something went wrong on our side') };
}

/** The one place every error becomes application/problem+json; internals never leak. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, retryAfter } = problemOf(exception);
    if (problem.status === 503) {
      // An outage, not a bug: one line per request, no stack.
      this.logger.warn(`${request.method} ${request.url} answered 503: ${(exception as Error).message}`);
    } else if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    }
    if (retryAfter) reply.header('Retry-After', String(retryAfter));
    const type = problem.status >= 500 ? 'about:blank' : `https://mutuals.network/problems/${problem.status}`;
    reply
      .status(problem.status)
      .header('Content-Type', 'application/problem+json; charset=utf-8')
      .send({ type, ...problem, requestId: request.id });
  }
}
