// Events this lib emits (names and payloads agreed between libs).

export interface MentoringRequested {
  requestId: string;
  mentorId: string;
  menteeId: string;
  message: string;
}
export interface MentoringAccepted {
  mentorshipId: string;
  requestId: string;
  mentorId: string;
  menteeId: string;
}
export interface MentoringDeclined {
  requestId: string;
  mentorId: string;
  menteeId: string;
  reason: string | null;
}
export interface MentoringRequestEnded {
  requestId: string;
  mentorId: string;
  menteeId: string;
}
export interface MentoringExpiring extends MentoringRequestEnded {
  expiresAt: string;
}
export interface MentoringClosed {
  mentorshipId: string;
  mentorId: string;
  menteeId: string;
  closedBy: string;
}
export interface MentoringSessionLogged {
  mentorshipId: string;
  sessionId: string;
  loggedBy: string;
  otherUserId: string;
}
export interface MentoringRoundApplied {
  roundId: string;
  proposals: { requestId: string; mentorId: string; menteeId: string }[];
}

declare module '@mutuals/core' {
  interface DomainEventMap {
    'mentoring.requested': MentoringRequested;
    'mentoring.accepted': MentoringAccepted;
    'mentoring.declined': MentoringDeclined;
    'mentoring.withdrawn': MentoringRequestEnded;
    'mentoring.expiring': MentoringExpiring;
    'mentoring.expired': MentoringRequestEnded;
    'mentoring.closed': MentoringClosed;
    'mentoring.session.logged': MentoringSessionLogged;
    'mentoring.round.applied': MentoringRoundApplied;
  }
}
