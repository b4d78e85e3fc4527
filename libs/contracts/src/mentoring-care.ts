// The pair's care between sessions: scheduled meetings, the mentoring agreement, check-ins, and
// the record of edits. Routes under /mentoring/mentorships/:id unless noted.
import type { IsoDateTime, Uuid } from './common';

export type MeetingStatus = 'proposed' | 'scheduled' | 'cancelled' | 'held' | 'missed';
export type MeetingFormat = 'video' | 'phone' | 'in-person';

export interface MeetingView {
  id: Uuid;
  mentorshipId: Uuid;
  startsAt: IsoDateTime;
  durationMinutes: number;
  /** IANA zone the time was proposed in (Europe/London unless the member chose another). */
  timeZone: string;
  format: MeetingFormat;
  location: string | null;
  agenda: string | null;
  status: MeetingStatus;
  proposedBy: Uuid;
  /** Who must answer the current proposal; null when nobody needs to. */
  awaitingUserId: Uuid | null;
  /** The iCalendar event's UID and SEQUENCE, stable across changes. */
  calendarUid: string;
  calendarSequence: number;
  sessionId: Uuid | null;
  /** The caller may log the session now (its time has come and nobody has logged it). */
  canLog: boolean;
}

/** POST /meetings and POST /meetings/:meetingId/propose-time */
export interface ProposeMeetingRequest {
  startsAt: IsoDateTime;
  durationMinutes: number;
  timeZone?: string;
  format: MeetingFormat;
  location?: string;
  agenda?: string;
}

/** POST /meetings/:meetingId/log */
export interface LogMeetingRequest {
  durationMinutes?: number;
  notes: string;
  nextSteps?: string;
}

export interface AgreementFields {
  meetingFrequency: string;
  meetingFormat: string;
  duration: string;
  mentorExpectations: string;
  menteeExpectations: string;
  confidentiality: string;
}

/** GET and PUT /agreement (the pair); coordinators get AgreementStatusView only. */
export interface AgreementView extends AgreementFields {
  version: number;
  updatedBy: Uuid;
  updatedAt: IsoDateTime;
  mentorConfirmedAt: IsoDateTime | null;
  menteeConfirmedAt: IsoDateTime | null;
}

/** POST /agreement/confirm: confirms the version the member read. */
export interface ConfirmAgreementRequest {
  version: number;
}

export type ContinueAnswer = 'yes' | 'unsure' | 'no';

/** GET /mentoring/check-ins: the caller's check-ins waiting for an answer. */
export interface CheckInView {
  id: Uuid;
  mentorshipId: Uuid;
  dueAt: IsoDateTime;
  /** The other side of the pair, for the question's wording. */
  otherPerson: { id: Uuid; displayName: string };
}

/** POST /mentoring/check-ins/:id */
export interface CheckInAnswerRequest {
  /** How useful the mentoring has been, 1 (not at all) to 5 (very). */
  usefulness: number;
  /** How the relationship is going, 1 (badly) to 5 (very well). */
  relationship: number;
  wantsToContinue: ContinueAnswer;
  comment?: string;
  /** Let coordinators read the comment; otherwise only the figures reach them. */
  shareComment?: boolean;
}

export interface MentorshipChangeView {
  id: Uuid;
  changedBy: Uuid;
  subject: 'goal' | 'session' | 'meeting' | 'agreement';
  subjectId: Uuid;
  action: 'edited' | 'deleted';
  before: unknown;
  after: unknown;
  at: IsoDateTime;
}

/** GET /admin/mentoring/mentorships/:id/care: what coordinators may know, never the texts. */
export interface MentorshipCareView {
  mentorshipId: Uuid;
  agreement: { exists: boolean; confirmedByBoth: boolean; version: number | null };
  meetings: { scheduled: number; held: number; missed: number };
  checkIns: {
    answered: number;
    pending: number;
    averageUsefulness: number | null;
    averageRelationship: number | null;
    flags: number;
  };
}

/** GET /admin/mentoring/check-ins/flags */
export interface CheckInFlagView {
  checkInId: Uuid;
  mentorshipId: Uuid;
  raisedBy: { id: Uuid; displayName: string };
  side: 'mentor' | 'mentee';
  answeredAt: IsoDateTime;
  usefulness: number;
  relationship: number;
  wantsToContinue: ContinueAnswer;
  /** Only when the member chose to share it. */
  comment: string | null;
}

/** GET /agreement: the pair's agreement, if recorded, and whether it can be recorded yet. */
export interface AgreementState {
  agreement: AgreementView | null;
  /** An agreement is recorded after the pair's first logged session. */
  canRecord: boolean;
}

/** POST /mentoring/mentorships/:id/meetings/:meetingId/cancel: an optional word to the other person. */
export interface CancelMeetingRequest {
  reason?: string;
}

/** PATCH /mentoring/mentorships/:id/sessions/:sessionId: the fields to change. */
export interface EditSessionRequest {
  heldAt?: IsoDateTime;
  durationMinutes?: number;
  notes?: string;
  nextSteps?: string;
}
