import { Logger } from '@nestjs/common';
import { DomainError, isDatabaseUnavailable } from '@mutuals/core';

export type Ack<T extends object> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };

const logger = new Logger('Realtime');

/** Every client event answers through its acknowledgement: a domain refusal says why. */
export async function acknowledge<T extends object>(work: () => Promise<T>): Promise<Ack<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: { code: error.code, message: error.message } };
    if (isDatabaseUnavailable(error))
      return { ok: false, error: { code: 'unavailable', message: 'The database is not answering; send again shortly' } };
    logger.error(error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong on our side' } };
  }
}
