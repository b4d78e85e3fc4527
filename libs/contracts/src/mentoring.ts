// Mentoring and matching: /mentoring/*, /admin/matching/*, /admin/mentoring/* (shared/API.md, Mentoring).
import type { IsoDateTime, PageQuery, Uuid } from './common';
import type { PublicProfileView } from './profiles';

export type MatchingFactor = 'sector' | 'needs' | 'stage' | 'region' | 'rarity' | 'load';

/** One line of a score's explanation; the points of a score's reasons add up to the score. */
export interface ScoreReasonView {
  factor: MatchingFactor;
  label: string;
  points: number;
}

/** GET /mentoring/suggestions: one mentor with capacity left, best first. */
export interface MentorSuggestionView {
  mentor: PublicProfileView;
  /** 0 to 100. */
  score: number;
  reasons: ScoreReasonView[];
  /** Support-area slugs of the mentee's needs this mentor does not offer. */
  uncoveredNeeds: string[];
}

/** GET /mentoring/weights: the scoring policy in words. */
/** GET /mentoring/mentors/:id/availability */
export interface MentorAvailabilityView {
  mentorId: Uuid;
  offers: boolean;
  capacity: number;
  activeMentorships: number;
  /** 0: the mentor is full and cannot be requested (409 mentorFull). */
  placesLeft: number;
}

export interface MatchingWeightView {
  factor: MatchingFactor;
  maxPoints: number;
  description: string;
}

export interface MatchingWeightsView {
  version: string;
  minimumScore: number;
  factors: MatchingWeightView[];
}

/** A side of a request or mentorship, as the other side and coordinators see them. */
export interface MentoringPerson {
  id: Uuid;
  displayName: string;
  handle: string;
  jobTitle: string | null;
  organisationName: string | null;
}

export type MentoringRequestStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'expired';

export interface MentoringRequestView {
  id: Uuid;
  status: MentoringRequestStatus;
  mentor: MentoringPerson;
  mentee: MentoringPerson;
  message: string;
  goals: string[];
  declineReason: string | null;
  createdAt: IsoDateTime;
  expiresAt: IsoDateTime;
  decidedAt: IsoDateTime | null;
  /** Set when a coordinator's matching round proposed the pair. */
  roundId: Uuid | null;
  /** The mentorship an accepted request started. */
  mentorshipId: Uuid | null;
}

/** POST /mentoring/requests */
export interface CreateMentoringRequest {
  mentorId: Uuid;
  message: string;
  goals?: string[];
}

export type GoalStatus = 'open' | 'in-progress' | 'done';

export interface GoalView {
  id: Uuid;
  title: string;
  status: GoalStatus;
  /** Resources from the library the pair linked to this goal (PUT/DELETE .../goals/:goalId/resources/:resourceId). */
  resources: { id: Uuid; title: string }[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface SessionLogView {
  id: Uuid;
  heldAt: IsoDateTime;
  durationMinutes: number;
  notes: string;
  nextSteps: string | null;
  loggedBy: Uuid;
  createdAt: IsoDateTime;
}

/** Counts a coordinator may see; goals' titles and session notes stay with the pair. */
export interface MentorshipProgress {
  goalCount: number;
  goalsDone: number;
  sessionCount: number;
  hours: number;
  lastSessionAt: IsoDateTime | null;
}

export type MentorshipOutcome = 'goals-met' | 'partly-met' | 'ended-early' | 'not-a-fit';
export const MENTORSHIP_OUTCOMES: readonly MentorshipOutcome[] = ['goals-met', 'partly-met', 'ended-early', 'not-a-fit'];

export interface FitCheckView {
  /** null until that side has answered. */
  mentor: { goodFit: boolean; comment: string | null } | null;
  mentee: { goodFit: boolean; comment: string | null } | null;
  /** Either side answered "not a good fit": the coordinator is told, and the mentee may ask another mentor. */
  flagged: boolean;
}

export interface MentorshipView {
  id: Uuid;
  status: 'active' | 'closed';
  mentor: MentoringPerson;
  mentee: MentoringPerson;
  requestId: Uuid;
  conversationId: Uuid | null;
  startedAt: IsoDateTime;
  closedAt: IsoDateTime | null;
  outcome: MentorshipOutcome | null;
  rating: number | null;
  feedback: string | null;
  /** The caller's side, or 'coordinator' for a coordinator who is not in the pair. */
  viewerRole: 'mentor' | 'mentee' | 'coordinator';
  /** Empty for a coordinator: goals and notes belong to the pair. */
  goals: GoalView[];
  sessions: SessionLogView[];
  progress: MentorshipProgress;
  fitCheck: FitCheckView;
}

/** Items of GET /mentoring/mentorships and GET /admin/mentoring/mentorships. */
export type MentorshipSummaryView = Omit<MentorshipView, 'goals' | 'sessions' | 'feedback'>;

/** POST /mentoring/mentorships/:id/goals and PATCH .../goals/:goalId */
export interface GoalRequest {
  title?: string;
  status?: GoalStatus;
}

/** POST /mentoring/mentorships/:id/sessions */
export interface LogSessionRequest {
  heldAt: IsoDateTime;
  durationMinutes: number;
  notes: string;
  nextSteps?: string;
}

/** POST /mentoring/mentorships/:id/close */
export interface CloseMentorshipRequest {
  outcome: MentorshipOutcome;
  rating: number;
  feedback: string;
}

export interface RoundProposalView {
  menteeId: Uuid;
  mentorId: Uuid;
  score: number;
  reasons: ScoreReasonView[];
  uncoveredNeeds: string[];
  /** Fixed by the coordinator before the round was solved. */
  pinned: boolean;
}

export interface UnmatchedMenteeView {
  menteeId: Uuid;
  code: 'no-eligible-mentor' | 'no-capacity' | 'no-needs-covered' | 'below-minimum' | 'outscored';
  reason: string;
}

export interface GroupFairnessView {
  name: string;
  matched: number;
  total: number;
  meanScore: number | null;
}

export interface RoundFairnessView {
  worstScore: number | null;
  p10Score: number | null;
  meanScore: number | null;
  matchRate: number;
  bySector: (GroupFairnessView & { sector: string })[];
  byRegion: (GroupFairnessView & { region: string | null })[];
}

/** How well a round's proposals meet what its mentees asked for. */
export interface NeedsCoverageView {
  /** Needs the proposed mentors offer over all needs stated (0 to 1); null when nobody stated any. */
  coveredShare: number | null;
  menteesWithNoneCovered: number;
  menteesWithNeeds: number;
}

/** What a round stores: the solver's answer as the coordinator saw it. */
export interface MatchingRoundResult {
  proposals: RoundProposalView[];
  totalScore: number;
  /** Mentee ids without a proposal (API.md); the reasons are in unmatchedReasons. */
  unmatched: Uuid[];
  unmatchedReasons: UnmatchedMenteeView[];
  fairness: RoundFairnessView;
  /** Absent on rounds stored before needs coverage was reported. */
  needsCoverage?: NeedsCoverageView;
  pinned: { menteeId: Uuid; mentorId: Uuid }[];
  weightsVersion: string;
  minimumScore: number;
  /** The greedy assignment's total on the same instance, for comparison. */
  greedyTotalScore: number;
}

/** POST /admin/matching/rounds and GET /admin/matching/rounds/:id */
export interface MatchingRoundView extends MatchingRoundResult {
  id: Uuid;
  createdAt: IsoDateTime;
  appliedAt: IsoDateTime | null;
  /** Everyone named in the proposals and the unmatched, by id, so the page can show names. */
  people: Record<Uuid, MentoringPerson>;
}

/** GET /admin/matching/rounds: the history of rounds, newest first, with their totals. */
export interface MatchingRoundSummaryView {
  id: Uuid;
  createdAt: IsoDateTime;
  /** null: run from the command line. */
  createdBy: MentoringPerson | null;
  appliedAt: IsoDateTime | null;
  appliedBy: MentoringPerson | null;
  proposals: number;
  unmatched: number;
  totalScore: number;
  /** Requests the round sent when applied, and how many of them mentors have accepted so far. */
  requestsSent: number;
  requestsAccepted: number;
}

/** POST /admin/matching/rounds */
export interface CreateMatchingRoundRequest {
  menteeIds?: Uuid[];
  pinned?: { menteeId: Uuid; mentorId: Uuid }[];
}

/** POST /admin/matching/rounds/:id/apply */
export interface AppliedRoundView {
  roundId: Uuid;
  appliedAt: IsoDateTime;
  requests: { requestId: Uuid; menteeId: Uuid; mentorId: Uuid }[];
  /** Proposals left out because the pair already had an open request. */
  skipped: number;
}

/** POST /mentoring/mentorships/:id/fit-check */
export interface FitCheckRequest {
  goodFit: boolean;
  comment?: string;
}

/** GET /mentoring/suggestions */
export interface MentorSuggestionsQuery {
  limit?: number;
}

/** GET /mentoring/requests */
export interface MentoringRequestListQuery extends PageQuery {
  box: 'incoming' | 'outgoing';
  status?: MentoringRequestStatus;
}

/** POST /mentoring/requests/:id/decline */
export interface DeclineMentoringRequest {
  reason?: string;
}

/** GET /mentoring/mentorships */
export interface MentorshipListQuery extends PageQuery {
  status?: 'active' | 'closed';
}

/**
 * How a pair is doing, as the coordinator's list shows it: `concern` when a side answered the fit
 * check "not a good fit" or flagged a check-in; `quiet` when no session was logged for 21 days (or
 * none in the 21 days since it started); `closed` once ended; else `on-track`.
 */
export type MentorshipHealth = 'on-track' | 'quiet' | 'concern' | 'closed';
export const MENTORSHIP_HEALTH: readonly MentorshipHealth[] = ['on-track', 'quiet', 'concern', 'closed'];

/** Items of GET /admin/mentoring/mentorships: counts and health only; goals and notes stay with the pair. */
export interface AdminMentorshipSummaryView extends MentorshipSummaryView {
  health: MentorshipHealth;
}

/** GET /admin/mentoring/mentorships */
export interface AdminMentorshipListQuery extends MentorshipListQuery {
  /** Only pairs where a side answered "not a good fit". */
  flagged?: boolean;
  health?: MentorshipHealth;
}
