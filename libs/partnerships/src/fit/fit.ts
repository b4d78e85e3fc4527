import type { FitReasonView, FitView, TaxonomyTerm } from '@mutuals/contracts';
import {
  coveragePiece,
  createMatchingContext,
  rarityPiece,
  rarityTable,
  regionPiece,
  sectorPiece,
  type MatchingContext,
  type MatchingWeights,
  type RarityTable,
  type Sides,
  type TaxonomySource,
} from '@mutuals/matching';

// How well an organisation fits an opportunity, scored with the matching engine's own pieces
// (coverage, sector and its neighbours, region and nation, rarity): the capabilities an
// opportunity seeks play the part of a mentee's needs, those an organisation offers the part of
// a mentor's expertise. Plain TypeScript; the service passes the taxonomy in.

/**
 * Coverage of the capabilities sought leads (45): a partner is sought for what it can do. Sector
 * (25, half for a neighbouring one) and region (20, 8 for the same nation) follow: commissioners
 * want local reach and trust, and a sector's law and landscape carry across. Rarity (10) lifts an
 * organisation offering something few offer. Stage and load are mentoring's, worth nothing here.
 */
export const FIT_WEIGHTS: MatchingWeights = Object.freeze({
  version: 'partnerships-2026-12.1',
  points: Object.freeze({ needs: 45, sector: 25, region: 20, rarity: 10, stage: 0, load: 0 }),
  adjacentSectorShare: 0.5,
  bestStagesAhead: 1,
  farAheadShare: 0,
  sameNationShare: 0.4,
  rarityFullAtShare: 0.1,
  rarityNoneAtShare: 0.4,
  minimumScore: 0,
});

export const PARTNER_SIDES: Sides = Object.freeze({
  seeker: 'opportunity',
  offerer: 'partner',
  want: 'capability',
  wants: 'capabilities sought',
  wantsInFull: 'capabilities',
  offering: 'capability',
  pool: 'organisations',
});

export interface FitOpportunity {
  sector: string;
  region: string;
  capabilitiesSought: readonly string[];
}

/** An organisation as a possible partner: its own sector and region plus its capability profile's. */
export interface FitCandidate {
  sectors: readonly string[];
  regions: readonly string[];
  capabilities: readonly string[];
}

export type FitTaxonomy = Pick<TaxonomySource, 'sectors' | 'regions' | 'sectorsAdjacent' | 'nationOf'>;

export class PartnershipFit {
  readonly context: MatchingContext;

  constructor(taxonomy: FitTaxonomy, capabilities: readonly TaxonomyTerm[]) {
    this.context = createMatchingContext({ ...taxonomy, supportAreas: capabilities, stages: [] }, FIT_WEIGHTS);
  }

  /** How rare each capability is among the organisations that publish what they offer (one list of capabilities each). */
  rarity(offeredByEach: readonly (readonly string[])[]): RarityTable {
    return rarityTable(
      this.context,
      offeredByEach.map((capabilities) => this.context.supportAreaMask(capabilities)),
    );
  }

  score(opportunity: FitOpportunity, candidate: FitCandidate, rarity: RarityTable): FitView {
    const { context } = this;
    const coverage = coveragePiece(context, opportunity.capabilitiesSought, context.supportAreaMask(candidate.capabilities), PARTNER_SIDES);
    const reasons: FitReasonView[] = [
      { factor: 'capabilities', points: coverage.points, label: coverage.label },
      {
        factor: 'sector',
        ...sectorPiece(context, context.sectorMask([opportunity.sector]), context.sectorMask(candidate.sectors), PARTNER_SIDES),
      },
      {
        factor: 'region',
        ...regionPiece(
          context,
          context.regionIndex(opportunity.region),
          candidate.regions.map((r) => context.regionIndex(r)),
          PARTNER_SIDES,
        ),
      },
      { factor: 'rarity', ...rarityPiece(context, rarity, coverage.covered, PARTNER_SIDES) },
    ];
    return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons, uncoveredCapabilities: coverage.uncovered };
  }
}

/** Fits first: the higher score, then the nearer deadline, then the id, so the order is stable. */
export interface FitOrdered {
  fit: Pick<FitView, 'score'> | null;
  deadline: string;
  id: string;
}

export function byFit(a: FitOrdered, b: FitOrdered): number {
  return (b.fit?.score ?? 0) - (a.fit?.score ?? 0) || a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id);
}
