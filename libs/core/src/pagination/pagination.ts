import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { GenericErrors } from '../errors/domain-error';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

/** Cursors are opaque to clients: the keyset of the last row, as base64url JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What each keyset column holds, checked on the way in so a tampered cursor never reaches SQL. */
export type CursorPart = 'timestamp' | 'uuid' | 'integer' | 'number' | 'text' | 'flag';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ISO 8601 as Date#toISOString writes it, or Postgres's text form of a timestamptz.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;
const INT4_MAX = 2_147_483_647;

function isTimestamp(value: unknown): boolean {
  const parts = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && month >= 1 && month <= 12 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}

const PART_CHECKS: Record<CursorPart, (value: unknown) => boolean> = {
  timestamp: isTimestamp,
  uuid: (value) => typeof value === 'string' && UUID.test(value),
  integer: (value) => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= INT4_MAX,
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  text: (value) => typeof value === 'string' && !value.includes('\u0000'),
  flag: (value) => value === 0 || value === 1,
};

/** The keyset a cursor holds, each part checked against `shape`; a 400 naming `cursor` otherwise. */
export function decodeCursor(cursor: string | undefined, shape: readonly CursorPart[]): (string | number)[] | null {
  if (!cursor) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (Array.isArray(key) && key.length === shape.length && shape.every((part, i) => PART_CHECKS[part](key[i]))) {
    return key as (string | number)[];
  }
  throw GenericErrors.invalidCursor('The cursor is not one this server gave out', [{ field: 'cursor', message: 'is not a valid cursor' }]);
}

/**
 * Rows are fetched with limit + 1 so that the page knows whether another follows without a count.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => readonly (string | number)[],
  map: (row: Row) => Item,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
