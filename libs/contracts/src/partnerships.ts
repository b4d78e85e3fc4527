// Partnerships between mutuals and VCSE organisations: /partnerships/* (shared/API.md names
// /partnerships/opportunities) and the console's figures at /admin/partnerships/figures.
import type { IsoDateTime, PageQuery, Uuid } from './common';
import type { OrganisationSummary } from './profiles';
import type { TaxonomyTerm } from './taxonomy';

/**
 * draft -> open -> closed (its deadline passed, or the poster closed it early) -> partnered ->
 * won or lost; withdrawn from any state before an outcome. An open opportunity whose deadline has
 * passed reads as closed at once, before the sweep records it.
 */
export type OpportunityStatus = 'draft' | 'open' | 'closed' | 'partnered' | 'won' | 'lost' | 'withdrawn';

/** The indicative contract value band of an opportunity (slugs of GET /partnerships/taxonomy). */
export type ValueBand = 'under-100k' | '100k-500k' | '500k-1m' | '1m-5m' | 'over-5m';

export type FitFactor = 'capabilities' | 'sector' | 'region' | 'rarity';

/** One named part of a fit score; the points of a fit's reasons add up to its score. */
export interface FitReasonView {
  factor: FitFactor;
  label: string;
  points: number;
}

/** How well an organisation fits an opportunity, 0 to 100, with every reason. */
export interface FitView {
  score: number;
  reasons: FitReasonView[];
  /** Slugs of the capabilities sought that the organisation does not offer. */
  uncoveredCapabilities: string[];
}

/** GET /partnerships/taxonomy */
export interface PartnershipsTaxonomyView {
  capabilities: TaxonomyTerm[];
  clientGroups: TaxonomyTerm[];
  valueBands: TaxonomyTerm[];
}

/** POST /partnerships/opportunities; PATCH takes any subset (while draft or open). */
export interface CreateOpportunityRequest {
  /** The service to bid for, e.g. "Social prescribing link workers, Tameside". */
  title: string;
  /** Who tenders it: a council, an NHS integrated care board... */
  commissioner: string;
  description: string;
  /** Sector slug. */
  sector: string;
  /** Region slug. */
  region: string;
  valueBand: ValueBand;
  /** Capability slugs partners are sought for, 1 to 8. */
  capabilitiesSought: string[];
  /** The bid deadline: interest closes then. */
  deadline: IsoDateTime;
  /** true publishes at once (open); false or absent keeps a draft. */
  publish?: boolean;
}
export type UpdateOpportunityRequest = Partial<Omit<CreateOpportunityRequest, 'publish'>>;

/** POST /partnerships/opportunities/:id/status */
export interface OpportunityStatusRequest {
  status: Exclude<OpportunityStatus, 'draft'>;
  /** Pounds, required when marking won. */
  valueWon?: number;
}

/** GET /partnerships/opportunities: the board (open ones, fits first) or the caller's organisation's own. */
export interface OpportunityListQuery extends PageQuery {
  /** board (default): open opportunities ranked by fit for the caller's organisation; mine: every one the caller's organisation posted. */
  scope?: 'board' | 'mine';
  sector?: string;
  region?: string;
  /** Only those whose deadline is on or before this day or instant. */
  deadlineBefore?: IsoDateTime;
}

export interface OpportunityView {
  id: Uuid;
  /** The poster's organisation. */
  organisation: OrganisationSummary;
  title: string;
  commissioner: string;
  description: string;
  sector: string;
  region: string;
  valueBand: ValueBand;
  capabilitiesSought: string[];
  deadline: IsoDateTime;
  status: OpportunityStatus;
  /** Pounds; set when won. */
  valueWon: number | null;
  interestCount: number;
  /** The fit of the caller's organisation (null for the poster's own organisation, or a caller with none). */
  fit: FitView | null;
  /** True for members of the poster's organisation: they manage it and read the pitches. */
  canManage: boolean;
  /** The caller's own expression of interest, if any. */
  myInterest: InterestView | null;
  /** The group conversation: shown to its members only (the poster's members and the shortlisted). */
  conversationId: Uuid | null;
  createdAt: IsoDateTime;
  publishedAt: IsoDateTime | null;
}

/** POST /partnerships/opportunities/:id/interests */
export interface ExpressInterestRequest {
  /** Why the organisation is a good partner for this bid, 20 to 3000 characters. */
  pitch: string;
}

export interface InterestView {
  id: Uuid;
  opportunityId: Uuid;
  organisation: OrganisationSummary;
  member: { id: Uuid; displayName: string; handle: string };
  pitch: string;
  shortlisted: boolean;
  /** The organisation's fit, as the poster sees it. */
  fit: FitView;
  createdAt: IsoDateTime;
}

/** GET/PUT /partnerships/organisations/:id/capabilities: what a VCSE organisation offers, where, for whom. */
export interface CapabilityProfileRequest {
  /** In their own words, up to 2000 characters. */
  summary: string;
  /** Capability slugs, 1 to 12. */
  capabilities: string[];
  /** Region slugs where it works, 1 or more. */
  regions: string[];
  /** Sector slugs it works in besides its organisation's own. */
  sectors: string[];
  /** Client-group slugs: who it serves. */
  clientGroups: string[];
}

export interface CapabilityProfileView extends CapabilityProfileRequest {
  organisation: OrganisationSummary;
  updatedAt: IsoDateTime;
  /** True for the organisation's members: they may edit it. */
  canEdit: boolean;
}

/** GET /partnerships/organisations: the VCSE directory. */
export interface CapabilityDirectoryQuery extends PageQuery {
  q?: string;
  capability?: string;
  region?: string;
  sector?: string;
}

/** POST /partnerships/opportunities/:id/conversation */
export interface OpportunityConversationView {
  conversationId: Uuid;
  memberIds: Uuid[];
}

/** One row of the figures by sector or region. */
export interface PartnershipFiguresRow {
  /** Sector or region slug. */
  slug: string;
  name: string;
  /** Opportunities that reached partnered (and then won or lost). */
  formed: number;
  won: number;
  /** Pounds. */
  valueWon: number;
}

/** GET /admin/partnerships/figures: partnerships formed and what they won. */
export interface PartnershipFiguresView {
  posted: number;
  open: number;
  formed: number;
  won: number;
  lost: number;
  valueWon: number;
  interests: number;
  bySector: PartnershipFiguresRow[];
  byRegion: PartnershipFiguresRow[];
}
