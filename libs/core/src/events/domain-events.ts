import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, SetMetadata } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The typed map of everything that happens across libs. Each lib adds its own events by
 * augmenting this interface from its events file:
 *   declare module '@mutuals/core' { interface DomainEventMap { 'mentoring.accepted': MentoringAccepted } }
 * Events flow one way: the emitter never waits for an answer, and no listener emits back to it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}
export type DomainEventName = keyof DomainEventMap & string;

/**
 * When a listener runs, decided and written beside each listener:
 * - 'in-transaction': inside the writer's transaction, with its EntityManager; a failure fails
 *   the write (use for rows that must exist exactly when the change does, such as a mail outbox).
 * - 'after-commit': once the change is committed; a failure is retried with backoff and counted,
 *   and never fails, delays past its first attempt, or turns into an error for the writer.
 */
export type ListenerPhase = 'in-transaction' | 'after-commit';

const LISTENER = Symbol('domain-event-listener');
interface ListenerMetadata {
  name: DomainEventName;
  phase: ListenerPhase;
  /** Takes every payload a unit of work emits at once (emitMany) in one call, as an array. */
  many?: boolean;
}

type Handler<N extends DomainEventName> = (payload: DomainEventMap[N], tx: EntityManager) => unknown;

/** Marks a method as a listener of one domain event; the payload's type follows the name. */
export function OnDomainEvent<N extends DomainEventName>(name: N, options: { phase: ListenerPhase }) {
  return <H extends Handler<N>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>) => {
    const existing: ListenerMetadata[] = Reflect.getMetadata(LISTENER, descriptor.value as object) ?? [];
    SetMetadata(LISTENER, [...existing, { name, phase: options.phase }])(target, key, descriptor);
    return descriptor;
  };
}

/**
 * Marks a method as an in-transaction listener that takes payloads in arrays: a unit of work that
 * emits several events of the name at once (emitMany) calls it once, so it can write for all of
 * them in one statement; a single emit calls it with one payload.
 */
export function OnDomainEvents<N extends DomainEventName>(name: N, options: { phase: 'in-transaction' }) {
  return <H extends (payloads: DomainEventMap[N][], tx: EntityManager) => unknown>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ) => {
    const existing: ListenerMetadata[] = Reflect.getMetadata(LISTENER, descriptor.value as object) ?? [];
    SetMetadata(LISTENER, [...existing, { name, phase: options.phase, many: true }])(target, key, descriptor);
    return descriptor;
  };
}

interface Listener {
  label: string;
  phase: ListenerPhase;
  many: boolean;
  run: (payload: unknown, tx: EntityManager) => Promise<unknown>;
}

/** Work done inside one transaction, whose events reach after-commit listeners once it commits. */
export interface UnitOfWork {
  manager: EntityManager;
  emit<N extends DomainEventName>(name: N, payload: DomainEventMap[N]): Promise<void>;
  /** Several events of one name: a listener marked with OnDomainEvents hears them in one call. */
  emitMany<N extends DomainEventName>(name: N, payloads: DomainEventMap[N][]): Promise<void>;
}

interface Emitted {
  name: DomainEventName;
  payload: unknown;
}

const RETRY_DELAYS_MS = [250, 1_000, 5_000, 30_000, 120_000];

const listenerFailures = new Counter({
  name: 'domain_event_listener_failures_total',
  help: 'After-commit listener attempts that failed, by event and whether retries were exhausted',
  labelNames: ['event', 'exhausted'],
});

@Injectable()
export class DomainEvents implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DomainEvents');
  private readonly listeners = new Map<string, Listener[]>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = instance[method];
        if (typeof handler !== 'function') continue;
        const metadata: ListenerMetadata[] | undefined = Reflect.getMetadata(LISTENER, handler);
        for (const { name, phase, many } of metadata ?? []) {
          const list = this.listeners.get(name) ?? [];
          list.push({
            label: `${instance.constructor.name}.${method}`,
            phase,
            many: many === true,
            run: async (payload, tx) => handler.call(instance, payload, tx),
          });
          this.listeners.set(name, list);
        }
      }
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.retryTimers) clearTimeout(timer);
  }

  /**
   * Runs work in one transaction. Events emitted through the unit of work reach in-transaction
   * listeners at once (inside the transaction) and after-commit listeners once it has committed.
   */
  async transaction<T>(work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    const committed: Emitted[] = [];
    const result = await this.dataSource.transaction((manager) => work(this.unitOn(manager, committed)));
    await this.afterCommit(committed);
    return result;
  }

  /**
   * A transaction for a write whose last statement takes the row locks that others queue on (a
   * reply takes its thread's): `work` and the in-transaction listeners of what it emits run first,
   * and the transaction begins at their first statement, if any; `last` then runs in it, just
   * before COMMIT. When nothing was written before it, `last` runs alone as its own transaction:
   * one round trip instead of three, and no lock held while this process attends to other requests
   * between them. `last` must leave nothing written when it fails, as one statement does.
   */
  async transactionEndingWith<P, T>(
    work: (unit: UnitOfWork) => Promise<P>,
    last: (manager: EntityManager, prepared: P) => Promise<T>,
  ): Promise<T> {
    const committed: Emitted[] = [];
    const runner = this.dataSource.createQueryRunner();
    // Readonly in QueryRunner's interface only: TypeORM's runners set it themselves.
    const state = runner as { isTransactionActive: boolean };
    const query = runner.query.bind(runner);
    let begun = false;
    // Until the first statement no transaction is open, yet nothing may open one of its own (the
    // manager's save() would, and commit it): the runner says one is open.
    state.isTransactionActive = true;
    runner.query = (async (...args: Parameters<typeof query>) => {
      if (!begun) {
        begun = true;
        await runner.startTransaction();
      }
      return query(...args);
    }) as typeof runner.query;
    let result: T;
    try {
      const prepared = await work(this.unitOn(runner.manager, committed));
      if (begun) {
        result = await last(runner.manager, prepared);
        await runner.commitTransaction();
      } else {
        state.isTransactionActive = false;
        result = await last(this.dataSource.manager, prepared);
      }
    } catch (error) {
      if (begun && runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    await this.afterCommit(committed);
    return result;
  }

  private unitOn(manager: EntityManager, committed: Emitted[]): UnitOfWork {
    const unit: UnitOfWork = {
      manager,
      emit: (name, payload) => unit.emitMany(name, [payload]),
      emitMany: async (name, payloads) => {
        if (payloads.length === 0) return;
        for (const listener of this.of(name, 'in-transaction')) {
          if (listener.many) await listener.run(payloads, manager);
          else for (const payload of payloads) await listener.run(payload, manager);
        }
        for (const payload of payloads) committed.push({ name, payload });
      },
    };
    return unit;
  }

  private async afterCommit(committed: Emitted[]): Promise<void> {
    for (const event of committed) await this.dispatchAfterCommit(event.name, event.payload);
  }

  /** Adds an after-commit listener at run time (tests, integrations); returns its removal. */
  observe<N extends DomainEventName>(name: N, handler: (payload: DomainEventMap[N]) => unknown): () => void {
    const listener: Listener = {
      label: `observer of ${name}`,
      phase: 'after-commit',
      many: false,
      run: async (payload) => handler(payload as DomainEventMap[N]),
    };
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return () =>
      this.listeners.set(
        name,
        (this.listeners.get(name) ?? []).filter((candidate) => candidate !== listener),
      );
  }

  /** Emits an event for a change already committed (or one with no transaction of its own). */
  async emit<N extends DomainEventName>(name: N, payload: DomainEventMap[N]): Promise<void> {
    if (this.of(name, 'in-transaction').length > 0) {
      await this.transaction((unit) => unit.emit(name, payload));
      return;
    }
    await this.dispatchAfterCommit(name, payload);
  }

  private of(name: string, phase: ListenerPhase): Listener[] {
    return (this.listeners.get(name) ?? []).filter((listener) => listener.phase === phase);
  }

  /** The first attempt is awaited, so a caller reads its own effects; retries go on in the background. */
  private async dispatchAfterCommit(name: string, payload: unknown): Promise<void> {
    for (const listener of this.of(name, 'after-commit')) await this.attempt(name, listener, payload, 0);
  }

  private async attempt(name: string, listener: Listener, payload: unknown, failures: number): Promise<void> {
    try {
      await listener.run(payload, this.dataSource.manager);
      if (failures > 0) this.logger.log(`${listener.label} handled ${name} after ${failures} failed attempts`);
    } catch (error) {
      const exhausted = failures >= RETRY_DELAYS_MS.length;
      listenerFailures.inc({ event: name, exhausted: String(exhausted) });
      if (exhausted) {
        this.logger.error({ err: error, event: name, payload }, `${listener.label} gave up on ${name} after ${failures + 1} attempts`);
        return;
      }
      this.logger.warn({ err: error, event: name }, `${listener.label} failed on ${name}; retrying`);
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        void this.attempt(name, listener, payload, failures + 1);
      }, RETRY_DELAYS_MS[failures]);
      timer.unref();
      this.retryTimers.add(timer);
    }
  }
}
