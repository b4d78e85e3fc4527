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

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => ['string', 'number'].includes(typeof k))) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw GenericErrors.invalidCursor('The cursor is not one this server gave out', [
    { field: 'cursor', message: 'is not a valid cursor' },
  ]);
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
