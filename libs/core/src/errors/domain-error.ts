import type { ErrorCode, GenericErrorCode } from '@mutuals/contracts';

/** What went wrong, in terms a client can act on; each kind answers with one HTTP status. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'internal'
  | 'unavailable';

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
};

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A refusal a service explains. `code` is the stable name clients branch on, over HTTP
 * (problem+json) and in socket acknowledgements alike; `kind` decides the HTTP status.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly kind: ErrorKind,
    message: string,
    readonly fieldErrors?: FieldError[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Makes the DomainError of one code; carries the code and its kind for catalogues and docs. */
export interface ErrorFactory<Code extends ErrorCode = ErrorCode> {
  (message: string, fieldErrors?: FieldError[]): DomainError;
  readonly code: Code;
  readonly kind: ErrorKind;
}

export type ErrorFactories<Code extends ErrorCode> = { readonly [C in Code]: ErrorFactory<C> };

/**
 * Maps every code of an area (a union in @mutuals/contracts) to its kind, exhaustively:
 * `defineErrors<IdentityErrorCode>({ emailTaken: 'conflict', ... })` fails to compile while a
 * code of the union has no kind, or the table names a code the union lacks. It gives
 * `IdentityErrors.emailTaken('That email is already registered')`.
 */
export function defineErrors<Code extends ErrorCode>(kinds: { readonly [C in Code]: ErrorKind }): ErrorFactories<Code> {
  const factories: Partial<Record<Code, ErrorFactory<Code>>> = {};
  for (const code of Object.keys(kinds) as Code[]) {
    const kind = kinds[code];
    const factory = (message: string, fieldErrors?: FieldError[]) => new DomainError(code, kind, message, fieldErrors);
    factories[code] = Object.assign(factory, { code, kind });
  }
  return factories as ErrorFactories<Code>;
}

/** The refusals of no particular area: the framework's, validation's, the rate limiter's. */
export const GenericErrors = defineErrors<GenericErrorCode>({
  validationFailed: 'invalid',
  invalidJson: 'invalid',
  invalidCursor: 'invalid',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not-found',
  methodNotAllowed: 'method-not-allowed',
  conflict: 'conflict',
  payloadTooLarge: 'too-large',
  unsupportedMediaType: 'unsupported-media-type',
  crossSiteRequest: 'forbidden',
  rateLimited: 'rate-limited',
  unavailable: 'unavailable',
  internal: 'internal',
  requestFailed: 'invalid',
});

export function rateLimited(message: string, retryAfterSeconds: number): DomainError {
  return new DomainError(GenericErrors.rateLimited.code, GenericErrors.rateLimited.kind, message, undefined, retryAfterSeconds);
}
