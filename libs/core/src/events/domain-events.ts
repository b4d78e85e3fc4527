import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';

/**
 * The typed map of everything that happens across libs. Each lib adds its own events by
 * augmenting this interface from its events file:
 *   declare module '@mutuals/core' { interface DomainEventMap { 'mentoring.accepted': MentoringAccepted } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

/** Emits after the change is committed; listeners run before the emitter continues. */
@Injectable()
export class DomainEvents {
  constructor(private readonly emitter: EventEmitter2) {}

  async emit<Name extends keyof DomainEventMap & string>(name: Name, payload: DomainEventMap[Name]): Promise<void> {
    await this.emitter.emitAsync(name, payload);
  }
}
