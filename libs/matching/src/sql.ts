import type { EntityManager } from 'typeorm';

/**
 * Rows of an INSERT/UPDATE/DELETE ... RETURNING. TypeORM's postgres driver answers UPDATE and
 * DELETE with [rows, rowCount] and INSERT with the rows alone; this hides the difference.
 */
export async function returning<Row>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<Row[]> {
  const result = (await manager.query(sql, parameters)) as unknown[];
  return (Array.isArray(result[0]) ? result[0] : result) as Row[];
}

/** Postgres's unique_violation, e.g. a second open request for the same pair racing the first. */
export const isUniqueViolation = (error: unknown, constraint: string): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: string }).code === '23505' &&
  ((error as { constraint?: string }).constraint === constraint ||
    String((error as { driverError?: { constraint?: string } }).driverError?.constraint) === constraint);
