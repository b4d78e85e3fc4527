import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, FieldError, STATUS_OF_KIND } from './domain-error';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The DomainError's code: the rule refused, for clients to branch on. */
  code?: string;
  errors?: FieldError[];
  requestId?: string;
}

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

/** Errors raised by Fastify itself before Nest sees the request (body parsing and limits). */
interface FastifyError {
  statusCode?: number;
  code?: string;
  message: string;
}

function problemOf(exception: unknown): { problem: Omit<Problem, 'type'>; retryAfter?: number } {
  if (exception instanceof DomainError) {
    const status = STATUS_OF_KIND[exception.kind];
    return {
      problem: { title: titleOf(status), status, detail: exception.message, code: exception.code, errors: exception.fieldErrors },
      retryAfter: exception.retryAfterSeconds,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
    const detail = Array.isArray(message) ? message.join('; ') : String(message);
    return { problem: { title: titleOf(status), status, detail } };
  }
  const fastifyError = exception as FastifyError;
  if (fastifyError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { problem: { title: titleOf(413), status: 413, detail: 'The request body is larger than allowed' } };
  }
  if (fastifyError?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { problem: { title: titleOf(415), status: 415, detail: 'Send JSON with Content-Type: application/json' } };
  }
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    const detail =
      exception instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'The request body is not valid JSON'
        : fastifyError.message;
    return { problem: { title: titleOf(status), status, detail } };
  }
  return { problem: { title: titleOf(500), status: 500, detail: 'Something went wrong on our side' } };
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
    if (problem.status >= 500) {
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
