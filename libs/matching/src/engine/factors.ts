import { bitCount, bitsOf } from './compiled';
import { UNKNOWN, type MatchingContext } from './context';

// The engine's scoring pieces: one pure function per factor, each answering its points and the
// words that explain them. Mentor matching (explainPair) and the partnerships lib's fit ranking
// both score with these, so a sector, a region, a coverage or a rarity is worth the same and
// reads the same wherever it appears; only the names of the two sides differ (`Sides`).

/** One factor's contribution to a score: its whole points and why. */
export interface FactorPiece {
  points: number;
  label: string;
}

/** How the two sides of a score are named in its reasons. */
export interface Sides {
  /** The side whose wants are covered: "mentee", "opportunity". */
  seeker: string;
  /** The side that offers: "mentor", "partner". */
  offerer: string;
  /** One thing the seeker wants, and several: "need"/"needs", "capability"/"capabilities". */
  want: string;
  wants: string;
  /** What the seeker lists when it lists nothing: "support needs". */
  wantsInFull: string;
  /** What the offerer offers, in the singular: "expertise", "capability". */
  offering: string;
  /** Who the rarity share is counted over: "mentors", "organisations". */
  pool: string;
}

export const MENTORING_SIDES: Sides = Object.freeze({
  seeker: 'mentee',
  offerer: 'mentor',
  want: 'need',
  wants: 'needs',
  wantsInFull: 'support needs',
  offering: 'expertise',
  pool: 'mentors',
});

/** Per support area (or any vocabulary compiled as one), the share of a pool offering it and the rarity points that earns. */
export interface RarityTable {
  readonly shareOfMentors: Float64Array;
  readonly points: Int8Array;
}

/** The rarity of each term over a pool, from each member's mask of offered terms. */
export function rarityTable(context: MatchingContext, offeredMasks: readonly number[]): RarityTable {
  const offering = new Float64Array(context.supportAreaNames.length);
  for (const mask of offeredMasks) for (const bit of bitsOf(mask)) offering[bit]++;
  const shareOfMentors = offering.map((n) => (offeredMasks.length === 0 ? 1 : n / offeredMasks.length));
  return { shareOfMentors, points: Int8Array.from(shareOfMentors, (share) => context.rarityPoints(share)) };
}

/**
 * How much of what the seeker wants the offerer covers (`wanted`/`offered` are masks of the
 * context's support-area vocabulary; `wantedSlugs` names everything wanted, terms outside the
 * vocabulary included, which count as uncovered).
 */
export function coveragePiece(
  context: MatchingContext,
  wantedSlugs: readonly string[],
  offered: number,
  sides: Sides = MENTORING_SIDES,
): FactorPiece & { covered: number; uncovered: string[] } {
  const distinct = [...new Set(wantedSlugs)];
  const covered = context.supportAreaMask(distinct) & offered;
  const uncovered = distinct.filter((slug) => (covered & context.supportAreaMask([slug])) === 0);
  const total = distinct.length;
  const count = bitCount(covered);
  const points = context.needsPoints(count, total);
  const piece = (label: string) => ({ points, label, covered, uncovered });
  if (total === 0) return piece(`The ${sides.seeker} has listed no ${sides.wantsInFull}`);
  if (count === 0) {
    return piece(
      total === 1
        ? `Does not cover the ${sides.seeker}'s one ${sides.want}`
        : `Covers none of the ${sides.seeker}'s ${total} ${sides.wants}`,
    );
  }
  const coveredNames = bitsOf(covered).map((bit) => context.supportAreaNames[bit]);
  const uncoveredNames = uncovered.map((slug) => termName(context, slug));
  return piece(
    count === total
      ? `Covers ${total === 1 ? `the ${sides.seeker}'s one ${sides.want}` : `all ${total} ${sides.wants}`}: ${coveredNames.join('; ')}`
      : `Covers ${count} of ${total} ${sides.wants}: ${coveredNames.join('; ')} (not ${uncoveredNames.join('; ')})`,
  );
}

/** Same sector, a neighbouring one (health beside adult social care), or neither; sectors are masks. */
export function sectorPiece(
  context: MatchingContext,
  seekerSectors: number,
  offererSectors: number,
  sides: Sides = MENTORING_SIDES,
): FactorPiece {
  const offererNeighbours = context.neighbourMask(offererSectors);
  const points = context.sectorPoints(seekerSectors, offererSectors, offererNeighbours);
  const shared = seekerSectors & offererSectors;
  if (shared) return { label: `Same sector: ${sectorNames(context, shared)}`, points };
  const neighbours = seekerSectors & offererNeighbours;
  if (neighbours) {
    const offererSide = bitsOf(offererSectors).find((bit) => context.neighbourMask(1 << bit) & neighbours) ?? 0;
    const label =
      `Neighbouring sector: the ${sides.offerer}'s ${context.sectorNames[offererSide]} experience ` +
      `is close to ${sectorNames(context, context.neighbourMask(1 << offererSide) & neighbours)}`;
    return { label, points };
  }
  return { label: 'No shared or neighbouring sector', points };
}

/**
 * The same region, another region of the same nation, or neither (region indices of the
 * context; UNKNOWN for none). An offerer working in several regions is scored on its nearest.
 */
export function regionPiece(
  context: MatchingContext,
  seekerRegion: number,
  offererRegions: readonly number[],
  sides: Sides = MENTORING_SIDES,
): FactorPiece {
  const known = offererRegions.filter((region) => region !== UNKNOWN);
  if (seekerRegion === UNKNOWN || known.length === 0) return { label: 'Region not known for both sides', points: 0 };
  const nearest = known.reduce((best, region) =>
    context.regionPoints(seekerRegion, region) > context.regionPoints(seekerRegion, best) ? region : best,
  );
  const points = context.regionPoints(seekerRegion, nearest);
  if (seekerRegion === nearest) return { label: `Same region: ${context.regionNames[seekerRegion]}`, points };
  const both = `${sides.offerer} in ${context.regionNames[nearest]}, ${sides.seeker} in ${context.regionNames[seekerRegion]}`;
  const seekerNation = context.nationIndex(seekerRegion);
  if (seekerNation === context.nationIndex(nearest)) {
    return { label: `Same nation: ${context.nationNames[seekerNation]} (${both})`, points };
  }
  return { label: `Different nations (${both})`, points };
}

/** A bonus for covering something few of the pool offer, counted on the rarest covered term. */
export function rarityPiece(context: MatchingContext, rarity: RarityTable, covered: number, sides: Sides = MENTORING_SIDES): FactorPiece {
  let rarest = UNKNOWN;
  for (const bit of bitsOf(covered)) {
    if (rarest === UNKNOWN || rarity.shareOfMentors[bit] < rarity.shareOfMentors[rarest]) rarest = bit;
  }
  const points = rarest === UNKNOWN ? 0 : rarity.points[rarest];
  if (points === 0) return { label: `Covers no ${sides.offering} that is rare among ${sides.pool}`, points };
  const share = Math.round(rarity.shareOfMentors[rarest] * 100);
  return { label: `Offers ${context.supportAreaNames[rarest]}, which only ${share}% of ${sides.pool} offer`, points };
}

function sectorNames(context: MatchingContext, mask: number): string {
  return bitsOf(mask)
    .map((bit) => context.sectorNames[bit])
    .join('; ');
}

function termName(context: MatchingContext, slug: string): string {
  const bit = context.supportAreaSlugs.indexOf(slug);
  return bit === UNKNOWN ? slug : context.supportAreaNames[bit];
}
