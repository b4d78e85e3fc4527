// Member and organisation profiles: /me/profile, /members, /organisations (shared/API.md).
import type { IsoDateTime, PageQuery, Uuid } from './common';

/** delivery-partner: an adviser organisation of the support programme, made by a coordinator. */
export type OrganisationKind = 'mutual' | 'aspiring' | 'vcse' | 'delivery-partner';

/** What a member offers as a mentor. */
export interface MentorOffer {
  offers: boolean;
  /** Support-area slugs. */
  expertise: string[];
  /** How many mentees at once, 1 to 5. */
  capacity: number;
  /** The furthest journey stage (slug) their mutual has reached. */
  stageReached: string | null;
}

/** What a member seeks as a mentee. */
export interface MenteeSeeking {
  seeks: boolean;
  /** Support-area slugs. */
  needs: string[];
  /** The journey stage (slug) their organisation is at now. */
  stage: string | null;
}

/** The few organisation fields shown beside a profile. */
export interface OrganisationSummary {
  id: Uuid;
  name: string;
  kind: OrganisationKind;
  sector: string;
  stage: string;
  region: string;
  logoUrl: string | null;
}

/** The caller's own profile: `profile` in GET /me, and the answer of PATCH /me/profile. */
export interface ProfileView {
  displayName: string;
  handle: string;
  /** The avatar's immutable URL, or null: clients show initials in a colour. */
  avatarUrl: string | null;
  bio: string | null;
  jobTitle: string | null;
  organisationId: Uuid | null;
  organisation?: OrganisationSummary | null;
  /** Region slug. */
  region: string | null;
  /** Sector slugs. */
  sectors: string[];
  mentor: MentorOffer;
  mentee: MenteeSeeking;
}

/** GET /members (items) and GET /members/:id: another member's public profile, never their email. */
export interface PublicProfileView extends ProfileView {
  /** The member's user id. */
  id: Uuid;
}

/** PATCH /me/profile: any subset of the profile's fields. */
export interface UpdateProfileRequest {
  displayName?: string;
  bio?: string | null;
  jobTitle?: string | null;
  region?: string | null;
  sectors?: string[];
  mentor?: Partial<MentorOffer>;
  mentee?: Partial<MenteeSeeking>;
}

/** GET /members */
export interface MemberSearchQuery extends PageQuery {
  q?: string;
  /** Sector slug. */
  sector?: string;
  /** Region slug. */
  region?: string;
  offersMentoring?: boolean;
}

/** GET /organisations/:id, and the answer of POST /organisations and PATCH /organisations/:id. */
export interface OrganisationView {
  id: Uuid;
  name: string;
  kind: OrganisationKind;
  /** Sector slug. */
  sector: string;
  /** Journey stage slug. */
  stage: string;
  /** Region slug. */
  region: string;
  /** Legal form slug. */
  legalForm: string | null;
  staffCount: number | null;
  website: string | null;
  description: string | null;
  /** The logo's immutable URL, or null: clients show the name's initials. */
  logoUrl: string | null;
  createdAt: IsoDateTime;
}

/** POST /organisations */
export interface CreateOrganisationRequest {
  name: string;
  kind: OrganisationKind;
  sector: string;
  stage: string;
  region: string;
  /** null clears it (on PATCH). */
  legalForm?: string | null;
  staffCount?: number | null;
  website?: string | null;
  description?: string | null;
}

/** PATCH /organisations/:id */
export type UpdateOrganisationRequest = Partial<CreateOrganisationRequest>;

/** One step of an organisation's journey: GET /organisations/:id/stages, oldest first. */
export interface StageChangeView {
  id: Uuid;
  /** null: the stage the organisation was registered at. */
  fromStage: string | null;
  toStage: string;
  /** null: recorded by the system (demo data, the command line), or the person's account is gone. */
  changedBy: { id: Uuid; displayName: string } | null;
  changedAt: IsoDateTime;
}

/** POST /admin/organisations/:id/stages: a coordinator records a step, when it happened if not today. */
export interface RecordStageChangeRequest {
  /** Journey stage slug. */
  stage: string;
  /** When the organisation reached it: not in the future, not before its last recorded step. Default now. */
  changedAt?: IsoDateTime;
}

/** GET /organisations?q=: organisations a new member can ask to join, by name. */
export interface OrganisationSearchQuery {
  q: string;
  limit?: number;
}

export type OrganisationJoinStatus = 'pending' | 'approved' | 'declined' | 'withdrawn';

/** POST /organisations/:id/join-requests, GET /organisation-join-requests?box=mine|to-decide */
export interface OrganisationJoinRequestView {
  id: Uuid;
  organisation: OrganisationSummary;
  member: { id: Uuid; displayName: string; handle: string; jobTitle: string | null };
  status: OrganisationJoinStatus;
  createdAt: IsoDateTime;
  decidedAt: IsoDateTime | null;
}
