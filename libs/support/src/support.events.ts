// Domain events of the support programme (notifications listens: in-app and mail at each step).
import type { SupportApplicationStatus, SupportMove } from '@mutuals/contracts';

/** Something happened to an application; who hears is decided here, in words notifications chooses. */
export interface SupportApplicationMoved {
  applicationId: string;
  reference: string;
  organisationName: string;
  /** What happened: a workflow move, or delivery recorded along the way. */
  step: SupportMove | 'days-logged' | 'deliverable-added';
  status: SupportApplicationStatus;
  actorId: string;
  /** The applying organisation's member who applied. */
  applicantId: string;
  /** Active coordinators, for what waits on them (a submission, a confirmation). */
  coordinatorIds: string[];
  /** Advisers of the partner, for what they deliver (an assignment). */
  adviserIds: string[];
  /** The coordinator's words when they asked for more or declined; the deliverable's title; the log's note. */
  detail: string | null;
  /** Where the applicant, the coordinator and the adviser see it in the web client. */
  links: { applicant: string; coordinator: string; adviser: string };
}

declare module '@mutuals/core' {
  interface DomainEventMap {
    'support.application.moved': SupportApplicationMoved;
  }
}
