import { SetMetadata } from '@nestjs/common';
import type { ErrorFactory } from '../errors/domain-error';

export const ENDPOINT_DOC = 'core:endpoint-doc';

/**
 * What the OpenAPI document says of one operation (`npm run openapi` reads it; `openapi:check`
 * fails on a route without it). Types are named as TypeScript over the exports of
 * @mutuals/contracts, so the schema is generated from the one type the code and the client use.
 */
export interface EndpointDoc {
  /** One short line: what the operation does, e.g. 'Propose a meeting'. */
  summary: string;
  /** More, in Markdown, when the summary is not enough (who may call it, what it changes). */
  description?: string;
  /**
   * The body of the success answer, as a type expression over @mutuals/contracts exports:
   * 'MeetingView', 'MeetingView[]', 'Page<ForumThreadSummary>', '{ flagged: boolean }';
   * null when the answer has no body (204, a redirect).
   */
  response: string | null;
  /**
   * The success status when the route's own decorators do not say it (a redirect sent through
   * @Res()), or every success status when there are several: [201, 200] for a create that answers
   * an existing resource with 200.
   */
  status?: number | readonly number[];
  /** A success answer that is not JSON (a calendar, a download): its media type; the body is documented as bytes. */
  produces?: string;
  /**
   * The refusals of this operation's own rules (`MatchingErrors.mentorshipNotFound`, ...): each
   * becomes a problem+json answer under its status with its code. Refusals that follow from the
   * route's decorators are added for you: sign-in, CSRF, coordinators only, awaiting approval,
   * validation of the body, query and path.
   */
  errors: readonly ErrorFactory[];
  /** The request body's type, when the @Body() DTO class does not `implements` a contracts type. */
  body?: string;
  /** An example of the success answer's body, where one helps a reader. */
  example?: unknown;
}

/** Describes a controller method for the OpenAPI document; see EndpointDoc. */
export const Endpoint = (doc: EndpointDoc): MethodDecorator => SetMetadata(ENDPOINT_DOC, doc);
