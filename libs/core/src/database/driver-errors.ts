import type { EntityManager } from 'typeorm';

/** What the pg driver puts on an error: TypeORM wraps it in QueryFailedError and copies these fields. */
interface PostgresError {
  code?: string;
  constraint?: string;
  driverError?: { code?: string; constraint?: string };
}

/**
 * Postgres's unique_violation (23505), optionally of one named constraint or index: a duplicate
 * that raced past a check, such as a second open request for the same pair.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: name, driverError } = error as PostgresError;
  if ((code ?? driverError?.code) !== '23505') return false;
  return constraint === undefined || (name ?? driverError?.constraint) === constraint;
}

/**
 * Rows of an INSERT/UPDATE/DELETE ... RETURNING. TypeORM's postgres driver answers UPDATE and
 * DELETE with [rows, rowCount] and INSERT with the rows alone; this hides the difference.
 */
export async function returning<Row>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<Row[]> {
  const result = (await manager.query(sql, parameters)) as unknown[];
  return (Array.isArray(result[0]) ? result[0] : result) as Row[];
}

/** Rows an UPDATE or DELETE without RETURNING touched (TypeORM answers [[], rowCount]). */
export async function affectedRows(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const result = (await manager.query(sql, parameters)) as [unknown, number];
  return result[1];
}
