/** What went wrong, in terms a client can act on; the filter maps each kind to one HTTP status. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'unavailable';

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  unavailable: 503,
};

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A refusal a service explains. Each lib declares its codes with their kinds in one table
 * (see `defineErrors`), so an unmapped code fails to compile.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly fieldErrors?: FieldError[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/**
 * `const IdentityErrors = defineErrors({ emailTaken: 'conflict', ... })` gives
 * `IdentityErrors.emailTaken('That email is already registered')`.
 */
export function defineErrors<Codes extends Record<string, ErrorKind>>(
  codes: Codes,
): { [C in keyof Codes]: (message: string, fieldErrors?: FieldError[]) => DomainError } {
  const factories = {} as { [C in keyof Codes]: (message: string, fieldErrors?: FieldError[]) => DomainError };
  for (const code of Object.keys(codes) as (keyof Codes & string)[]) {
    factories[code] = (message, fieldErrors) => new DomainError(code, codes[code], message, fieldErrors);
  }
  return factories;
}

export const CommonErrors = defineErrors({
  invalid: 'invalid',
  notFound: 'not-found',
  forbidden: 'forbidden',
  conflict: 'conflict',
  unauthenticated: 'unauthenticated',
});

export function rateLimited(message: string, retryAfterSeconds: number): DomainError {
  return new DomainError('rateLimited', 'rate-limited', message, undefined, retryAfterSeconds);
}
