// The scoring policy in one place. Changing any number here changes every score, so bump
// `version`: rounds and suggestions record the version they were scored with.

export type Factor = 'sector' | 'needs' | 'stage' | 'region' | 'rarity' | 'load';

/** The order reasons are listed in, most important first. */
export const FACTORS: readonly Factor[] = ['needs', 'sector', 'stage', 'region', 'rarity', 'load'];

export interface MatchingWeights {
  readonly version: string;
  /** Most points each factor can give; they add up to 100, the best possible score. */
  readonly points: Readonly<Record<Factor, number>>;
  /** Share of the sector points for a sector next to the mentee's (e.g. community health and adult social care). */
  readonly adjacentSectorShare: number;
  /** A mentor this many stages ahead of the mentee, or fewer (but at least one), gets full stage points. */
  readonly bestStagesAhead: number;
  /** Share of the stage points for a mentor further ahead than `bestStagesAhead`. */
  readonly farAheadShare: number;
  /** Share of the region points for a different region of the same nation. */
  readonly sameNationShare: number;
  /** An expertise offered by at most this share of the pool's mentors earns the full rarity bonus... */
  readonly rarityFullAtShare: number;
  /** ...falling linearly to nothing at this share. */
  readonly rarityNoneAtShare: number;
  /** Rounds never propose, and suggestions never show, a pair scoring below this. */
  readonly minimumScore: number;
}

export const MATCHING_WEIGHTS: MatchingWeights = Object.freeze({
  version: '2026-12.2',
  points: Object.freeze({ needs: 35, sector: 25, stage: 15, region: 10, rarity: 10, load: 5 }),
  adjacentSectorShare: 0.5,
  bestStagesAhead: 3,
  farAheadShare: 0.5,
  sameNationShare: 0.4,
  rarityFullAtShare: 0.05,
  rarityNoneAtShare: 0.25,
  minimumScore: 30,
});

export interface WeightDescription {
  factor: Factor;
  maxPoints: number;
  description: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The policy in words for coordinators, generated from the numbers so it can never drift from them. */
export function describeWeights(weights: MatchingWeights = MATCHING_WEIGHTS): WeightDescription[] {
  const p = weights.points;
  const descriptions: Record<Factor, string> = {
    needs:
      `Share of the mentee's support needs that the mentor offers as expertise: ` +
      `all needs covered gives ${p.needs} points, half of them ${Math.round(p.needs / 2)}. ` +
      `A mentor who offers none of the mentee's stated needs is never proposed or suggested.`,
    sector:
      `${p.sector} points when mentor and mentee work in the same sector, ` +
      `${Math.round(p.sector * weights.adjacentSectorShare)} for a neighbouring one ` +
      `(for example community health and adult social care).`,
    stage:
      `${p.stage} points when the mentor is 1 to ${weights.bestStagesAhead} stages further along the journey ` +
      `(close enough to remember the steps ahead), ${Math.round(p.stage * weights.farAheadShare)} when further ahead, ` +
      `none when at the same stage or behind.`,
    region:
      `${p.region} points for the same region, ${Math.round(p.region * weights.sameNationShare)} for the same nation ` +
      `(the same law and commissioning landscape), none otherwise.`,
    rarity:
      `Bonus of up to ${p.rarity} points when the mentor covers a need that few mentors offer: full when at most ` +
      `${percent(weights.rarityFullAtShare)} of mentors offer it, none from ${percent(weights.rarityNoneAtShare)}. ` +
      `It steers scarce expertise to the mentees who need it.`,
    load:
      `Up to ${p.load} points in proportion to the mentor's free mentoring places, ` +
      `so work spreads across mentors when other things are equal.`,
  };
  return FACTORS.map((factor) => ({ factor, maxPoints: p[factor], description: descriptions[factor] }));
}
