// Checks for socket payloads, where the HTTP ValidationPipe does not run. Plain functions: each
// returns the typed payload or throws ChatErrors.invalid naming every bad field.
import {
  CHAT_MESSAGE_MAX_LENGTH,
  type ChatReadEvent,
  type ChatSendEvent,
  type ChatSyncEvent,
  type ChatTypingEvent,
} from '@mutuals/contracts';
import type { FieldError } from '@mutuals/core';
import { MAX_ATTACHMENTS } from '@mutuals/files';
import { ChatErrors } from './chat.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
const isSeq = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function fields(body: unknown, checks: Record<string, (value: unknown) => string | null>): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ChatErrors.invalid('The payload must be an object', [{ field: '', message: 'must be an object' }]);
  }
  const record = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const [field, check] of Object.entries(checks)) {
    const message = check(record[field]);
    if (message) errors.push({ field, message });
  }
  for (const field of Object.keys(record)) if (!(field in checks)) errors.push({ field, message: 'is not expected' });
  if (errors.length) throw ChatErrors.invalid(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
  return record;
}

const uuid = (value: unknown) => (isUuid(value) ? null : 'must be a UUID');

/** Optional: at most MAX_ATTACHMENTS of `{ fileId, alt? }`. */
function attachments(value: unknown): string | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.length > MAX_ATTACHMENTS) return `must be a list of at most ${MAX_ATTACHMENTS} attachments`;
  const valid = value.every(
    (a) =>
      typeof a === 'object' &&
      a !== null &&
      isUuid(a.fileId) &&
      (a.alt === undefined || (typeof a.alt === 'string' && a.alt.length <= 300)) &&
      Object.keys(a).every((k) => k === 'fileId' || k === 'alt'),
  );
  return valid ? null : 'each must be { fileId: UUID, alt?: text of at most 300 characters }';
}
const seq = (value: unknown) => (isSeq(value) ? null : 'must be a whole number, 0 or more');

/** An empty body is invalid; an over-long one is refused as too large (its own error code). */
export function checkBody(body: unknown): string | null {
  if (typeof body !== 'string') return 'must be a string';
  if (body.trim().length === 0) return 'must not be empty';
  return null;
}

export function assertBodySize(body: string): void {
  if (body.length > CHAT_MESSAGE_MAX_LENGTH) {
    throw ChatErrors.tooLarge(`A message may hold at most ${CHAT_MESSAGE_MAX_LENGTH} characters`, [
      { field: 'body', message: `must be at most ${CHAT_MESSAGE_MAX_LENGTH} characters` },
    ]);
  }
}

export function parseSend(body: unknown): ChatSendEvent {
  const record = fields(body, { conversationId: uuid, clientId: uuid, body: checkBody, attachments });
  assertBodySize(record.body as string);
  return record as unknown as ChatSendEvent;
}

export const parseSync = (body: unknown) => fields(body, { conversationId: uuid, afterSeq: seq }) as unknown as ChatSyncEvent;
export const parseRead = (body: unknown) => fields(body, { conversationId: uuid, seq }) as unknown as ChatReadEvent;
export const parseConversationRef = (body: unknown) => fields(body, { conversationId: uuid }) as unknown as ChatTypingEvent;
