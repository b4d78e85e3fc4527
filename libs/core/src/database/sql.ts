import type { EntityManager } from 'typeorm';

/** What a repository runs its SQL through: the DataSource's manager, or a transaction's. */
export type SqlRunner = Pick<EntityManager, 'query'>;

/**
 * Rows of any statement, RETURNING included. TypeORM's postgres driver answers UPDATE and
 * DELETE with [rows, rowCount] and SELECT or INSERT with the rows alone; this hides the difference.
 */
export async function rowsOf<Row>(runner: SqlRunner, sql: string, parameters: readonly unknown[] = []): Promise<Row[]> {
  const result = (await runner.query(sql, [...parameters])) as unknown[];
  return (Array.isArray(result[0]) ? result[0] : result) as Row[];
}

/** The first row of a statement, or undefined. */
export async function firstRow<Row>(runner: SqlRunner, sql: string, parameters: readonly unknown[] = []): Promise<Row | undefined> {
  return (await rowsOf<Row>(runner, sql, parameters))[0];
}

/** How many rows an UPDATE or DELETE without RETURNING touched. */
export async function affectedRows(runner: SqlRunner, sql: string, parameters: readonly unknown[] = []): Promise<number> {
  const result = (await runner.query(sql, [...parameters])) as unknown;
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

/**
 * Postgres's unique_violation (23505), e.g. a second open request for the same pair racing the
 * first; with a constraint, only a violation of that unique index or constraint.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const {
    code,
    constraint: own,
    driverError,
  } = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  if ((code ?? driverError?.code) !== '23505') return false;
  return constraint === undefined || own === constraint || driverError?.constraint === constraint;
}

/** Text matched literally inside a LIKE pattern: its %, _ and \ escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (c) => `\\${c}`);
}
