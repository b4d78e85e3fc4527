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

/** What calendars need of a meeting; the mail side adds addresses and turns it into an .ics with meetingCalendar(). */
export interface MeetingCalendarFields {
  uid: string;
  sequence: number;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  format: 'video' | 'phone' | 'in-person';
  location: string | null;
  agenda: string | null;
  mentorshipId: string;
}
export interface MeetingProposed {
  meetingId: string;
  mentorshipId: string;
  proposedBy: string;
  /** The side that must answer. */
  otherUserId: string;
  startsAt: string;
  timeZone: string;
  /** A new time for a meeting that had one already. */
  rescheduled: boolean;
}
export interface MeetingScheduled {
  meetingId: string;
  mentorshipId: string;
  mentorId: string;
  menteeId: string;
  acceptedBy: string;
  calendar: MeetingCalendarFields;
}
export interface MeetingCancelled {
  meetingId: string;
  mentorshipId: string;
  mentorId: string;
  menteeId: string;
  cancelledBy: string;
  reason: string | null;
  /** Set when the meeting had been scheduled, so calendars holding it must drop it. */
  calendar: MeetingCalendarFields | null;
}
export interface MeetingReminderDue {
  meetingId: string;
  mentorshipId: string;
  userIds: [string, string];
  startsAt: string;
  timeZone: string;
  when: 'day-before' | 'hour-before';
}
export interface MeetingLogRequested {
  meetingId: string;
  mentorshipId: string;
  userIds: [string, string];
  startsAt: string;
}
export interface AgreementUpdated {
  mentorshipId: string;
  updatedBy: string;
  /** The side asked to confirm. */
  otherUserId: string;
  version: number;
}
export interface CheckInDue {
  checkInId: string;
  mentorshipId: string;
  userId: string;
  dueAt: string;
}
export interface CheckInFlagged {
  checkInId: string;
  mentorshipId: string;
  raisedBy: string;
}

declare module '@mutuals/core' {
  interface DomainEventMap {
    'mentoring.meeting.proposed': MeetingProposed;
    'mentoring.meeting.scheduled': MeetingScheduled;
    'mentoring.meeting.cancelled': MeetingCancelled;
    'mentoring.meeting.reminder-due': MeetingReminderDue;
    'mentoring.meeting.log-requested': MeetingLogRequested;
    'mentoring.agreement.updated': AgreementUpdated;
    'mentoring.check-in.due': CheckInDue;
    'mentoring.check-in.flagged': CheckInFlagged;
  }
}
