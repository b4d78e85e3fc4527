// Success stories (shared/API.md "Stories"): members write them, the people credited consent,
// coordinators publish them, and anyone reads the published ones.
import type { IsoDateTime, Uuid } from './common';

/**
 * draft (the author's alone) -> submitted (coordinators review; credited members are asked to
 * consent) -> changes_requested (back to the author, with a reason) or published (public; may be
 * featured) -> withdrawn (by its author or a coordinator; final).
 */
export type StoryStatus = 'draft' | 'submitted' | 'changes_requested' | 'published' | 'withdrawn';
export const STORY_STATUSES: readonly StoryStatus[] = ['draft', 'submitted', 'changes_requested', 'published', 'withdrawn'];

export type StoryConsent = 'pending' | 'given' | 'declined';

/** A number the story achieved: "Staff who became members", "87%". */
export interface StoryOutcome {
  label: string;
  value: string;
}

/** A member named in the story, with their own answer to being named. */
export interface StoryMemberCredit {
  userId: Uuid;
  displayName: string;
  handle: string;
  /** What they did: "Mentor", "Finance director". */
  role: string;
  consent: StoryConsent;
  consentedAt: IsoDateTime | null;
}

/** An organisation named in the story: a member organisation, or one outside the network by name. */
export interface StoryOrganisationCredit {
  organisationId: Uuid | null;
  name: string;
  role: string;
}

export interface StoryCover {
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
}

/** A published story as anyone sees it in lists. */
export interface StorySummary {
  id: Uuid;
  slug: string;
  title: string;
  summary: string;
  sector: string;
  region: string | null;
  stage: string | null;
  featured: boolean;
  cover: StoryCover | null;
  outcomes: StoryOutcome[];
  author: { id: Uuid; displayName: string };
  organisation: { id: Uuid; name: string } | null;
  publishedAt: IsoDateTime | null;
}

/** GET /stories/:slug (published) and the management views of the author, credited members and coordinators. */
export interface StoryView extends StorySummary {
  status: StoryStatus;
  /** The Markdown source: for its author's editing. */
  body: string;
  /** Sanitised HTML rendered from `body`. */
  bodyHtml: string;
  memberCredits: StoryMemberCredit[];
  organisationCredits: StoryOrganisationCredit[];
  /** The coordinator's reason when changes were requested or the story was withdrawn. */
  reason: string | null;
  /** The forum thread where members celebrate and discuss the published story. */
  discussionThreadId: Uuid | null;
  mentorshipId: Uuid | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  submittedAt: IsoDateTime | null;
  /** What the caller may do next, so clients need not repeat the rules. */
  permissions: { edit: boolean; submit: boolean; withdraw: boolean; review: boolean; consent: boolean };
}

export interface StoryMemberCreditInput {
  userId: Uuid;
  role?: string;
}

export interface StoryOrganisationCreditInput {
  organisationId?: Uuid;
  /** Required when no organisationId names a member organisation. */
  name?: string;
  role?: string;
}

/** POST /stories */
export interface CreateStoryRequest {
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  sector: string;
  region?: string;
  stage?: string;
  organisationId?: Uuid;
  outcomes: StoryOutcome[];
  memberCredits?: StoryMemberCreditInput[];
  organisationCredits?: StoryOrganisationCreditInput[];
  /** A story about a mentorship credits both sides (the author must be one of them). */
  mentorshipId?: Uuid;
  /** An upload made with purpose `cover`; null removes the cover (PATCH). */
  coverFileId?: Uuid | null;
  coverAlt?: string;
}

/** PATCH /stories/:id: any field of the draft. */
export type UpdateStoryRequest = Partial<CreateStoryRequest>;

/** POST /admin/stories/:id/reject */
export interface RejectStoryRequest {
  reason: string;
}

/** POST /admin/stories/:id/feature */
export interface FeatureStoryRequest {
  value: boolean;
}

/** POST /admin/stories/:id/withdraw and POST /stories/:id/withdraw */
export interface WithdrawStoryRequest {
  reason?: string;
}

/** POST /stories/:id/consent: the credited member's own answer. */
export interface StoryConsentRequest {
  consent: 'given' | 'declined';
}

/** GET /me/story-credits: a story that names the caller, and their answer. */
export interface StoryCreditRequestView {
  story: { id: Uuid; slug: string; title: string; summary: string; status: StoryStatus; author: { id: Uuid; displayName: string } };
  role: string;
  consent: StoryConsent;
}

/** Counts of stories per state, for the programme's "stories pipeline". */
export type StoryPipelineCounts = Record<StoryStatus, number> & { featured: number };
