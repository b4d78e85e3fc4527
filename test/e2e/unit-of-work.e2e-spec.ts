import { randomUUID } from 'node:crypto';
import { DomainEvents } from '@mutuals/core';
import { DataSource, type EntityManager } from 'typeorm';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * DomainEvents.transactionEndingWith: a write whose last statement takes contended locks (a forum
 * reply) begins its transaction only at its first statement; with nothing written before the last
 * statement, that statement runs alone as its own transaction. Either way it is all or nothing.
 */
describe('a unit of work ending with one statement', () => {
  let t: TestApp;
  let events: DomainEvents;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    events = t.app.get(DomainEvents);
    db = t.app.get(DataSource);
    await db.query(`CREATE TABLE unit_of_work_rows (id uuid PRIMARY KEY, step text NOT NULL)`);
  });
  afterAll(async () => {
    await t.close();
  });

  const insert = (manager: EntityManager, id: string, step: string) =>
    manager.query(`INSERT INTO unit_of_work_rows (id, step) VALUES ($1, $2)`, [id, step]);
  const stepsOf = async (ids: string[]) =>
    ((await db.query(`SELECT step FROM unit_of_work_rows WHERE id = ANY($1::uuid[]) ORDER BY step`, [ids])) as { step: string }[]).map(
      (r) => r.step,
    );

  it('runs the last statement alone when nothing was written before it', async () => {
    const id = randomUUID();
    let lastManager: EntityManager | undefined;
    const answer = await events.transactionEndingWith(
      async () => 'prepared',
      async (manager, prepared) => {
        lastManager = manager;
        await insert(manager, id, 'last');
        return prepared;
      },
    );
    expect(answer).toBe('prepared');
    expect(lastManager).toBe(db.manager);
    expect(await stepsOf([id])).toEqual(['last']);
  });

  it('runs the last statement inside the transaction that the first write began, and commits both', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    let lastManager: EntityManager | undefined;
    await events.transactionEndingWith(
      (unit) => insert(unit.manager, first, 'first'),
      async (manager) => {
        lastManager = manager;
        await insert(manager, second, 'last');
      },
    );
    expect(lastManager).not.toBe(db.manager);
    expect(await stepsOf([first, second])).toEqual(['first', 'last']);
  });

  it('undoes what was written before a last statement that fails', async () => {
    const first = randomUUID();
    await expect(
      events.transactionEndingWith(
        (unit) => insert(unit.manager, first, 'first'),
        async (manager) => {
          // The same id again: unique_violation.
          await insert(manager, first, 'last');
        },
      ),
    ).rejects.toThrow();
    expect(await stepsOf([first])).toEqual([]);
    // The connection went back to the pool clean: the next unit works.
    const next = randomUUID();
    await events.transactionEndingWith(
      (unit) => insert(unit.manager, next, 'first'),
      async () => undefined,
    );
    expect(await stepsOf([next])).toEqual(['first']);
  });
});
