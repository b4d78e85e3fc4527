import { Logger } from '@nestjs/common';
import { DomainError, type FieldError, isDatabaseUnavailable } from '@mutuals/core';

/** A refusal carries the same code, and the same field errors, as the problem+json of HTTP. */
export type Ack<T extends object> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string; errors?: FieldError[] } };

const logger = new Logger('Realtime');

/** Every client event answers through its acknowledgement: a domain refusal says why. */
export async function acknowledge<T extends object>(work: () => Promise<T>): Promise<Ack<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (error instanceof DomainError) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, ...(error.fieldErrors?.length && { errors: error.fieldErrors }) },
      };
    }
    if (isDatabaseUnavailable(error))
      return { ok: false, error: { code: 'unavailable', message: 'The database is not answering; send again shortly' } };
    logger.error(error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong on our side' } };
  }
}
