import { FACTORS, MATCHING_WEIGHTS, type MatchingWeights } from './weights';

export interface TaxonomyTerm {
  slug: string;
  name: string;
}

/**
 * What the engine needs to know of the taxonomy. The engine owns no vocabulary: its caller
 * passes the programme's (the matching service asks the profiles lib for it).
 */
export interface TaxonomySource {
  sectors: readonly TaxonomyTerm[];
  supportAreas: readonly TaxonomyTerm[];
  /** In the order a mutual goes through them. */
  stages: readonly TaxonomyTerm[];
  regions: readonly TaxonomyTerm[];
  sectorsAdjacent(a: string, b: string): boolean;
  nationOf(region: string): string | undefined;
}

/** Sectors are bit masks in 32-bit integers; support-area masks also index tables of 2^n entries. */
const MAX_SECTORS = 31;
const MAX_SUPPORT_AREAS = 20;
export const UNKNOWN = -1;

/**
 * The taxonomy compiled to small integers and the weights compiled to point tables, so that
 * scoring a pair is a handful of array reads. Both the fast scorer and the explanations use the
 * point methods here, which keeps a score and its reasons in agreement.
 */
export class MatchingContext {
  readonly sectorNames: readonly string[];
  readonly supportAreaSlugs: readonly string[];
  readonly supportAreaNames: readonly string[];
  readonly stageNames: readonly string[];
  readonly regionNames: readonly string[];
  readonly nationNames: readonly string[];
  /** Nation index of each region index. */
  readonly nationOfRegion: Int8Array;
  private readonly sectorBits: ReadonlyMap<string, number>;
  private readonly supportAreaBits: ReadonlyMap<string, number>;
  private readonly stageOrder: ReadonlyMap<string, number>;
  private readonly regionOrder: ReadonlyMap<string, number>;
  private readonly neighbourMaskOfSector: Int32Array;
  private readonly stagePointsByAhead: Int8Array;
  private readonly pointTables = new Map<string, Int8Array>();
  readonly sameSectorPoints: number;
  readonly neighbourSectorPoints: number;

  constructor(
    taxonomy: TaxonomySource,
    readonly weights: MatchingWeights,
  ) {
    checkWeights(weights);
    if (taxonomy.sectors.length > MAX_SECTORS || taxonomy.supportAreas.length > MAX_SUPPORT_AREAS) {
      throw new RangeError(`the engine supports at most ${MAX_SECTORS} sectors and ${MAX_SUPPORT_AREAS} support areas`);
    }
    this.sectorNames = taxonomy.sectors.map((t) => t.name);
    this.sectorBits = indexBySlug(taxonomy.sectors);
    this.neighbourMaskOfSector = Int32Array.from(taxonomy.sectors, (a) =>
      taxonomy.sectors.reduce((mask, b, bit) => (taxonomy.sectorsAdjacent(a.slug, b.slug) ? mask | (1 << bit) : mask), 0),
    );
    this.supportAreaSlugs = taxonomy.supportAreas.map((t) => t.slug);
    this.supportAreaNames = taxonomy.supportAreas.map((t) => t.name);
    this.supportAreaBits = indexBySlug(taxonomy.supportAreas);
    this.stageNames = taxonomy.stages.map((t) => t.name);
    this.stageOrder = indexBySlug(taxonomy.stages);
    this.regionNames = taxonomy.regions.map((t) => t.name);
    this.regionOrder = indexBySlug(taxonomy.regions);
    const nations = [...new Set(taxonomy.regions.map((r) => taxonomy.nationOf(r.slug) ?? r.slug))];
    this.nationNames = nations.map(titleCase);
    this.nationOfRegion = Int8Array.from(taxonomy.regions, (r) => nations.indexOf(taxonomy.nationOf(r.slug) ?? r.slug));

    this.sameSectorPoints = weights.points.sector;
    this.neighbourSectorPoints = Math.round(weights.points.sector * weights.adjacentSectorShare);
    const stageCount = taxonomy.stages.length;
    this.stagePointsByAhead = Int8Array.from({ length: 2 * stageCount }, (_, i) => {
      const ahead = i - stageCount;
      if (ahead < 1) return 0;
      if (ahead <= weights.bestStagesAhead) return weights.points.stage;
      return Math.round(weights.points.stage * weights.farAheadShare);
    });
  }

  /** The taxonomy name of a sector, and its place in the taxonomy (unknown slugs sort last). */
  sector(slug: string): { name: string; order: number } {
    const bit = this.sectorBits.get(slug);
    return bit === undefined ? { name: slug, order: this.sectorNames.length } : { name: this.sectorNames[bit], order: bit };
  }

  region(slug: string | null): { name: string; order: number } {
    const index = this.regionIndex(slug);
    if (index !== UNKNOWN) return { name: this.regionNames[index], order: index };
    return { name: slug ?? 'Region not given', order: this.regionNames.length };
  }

  sectorMask(slugs: readonly string[]): number {
    return maskOf(slugs, this.sectorBits);
  }

  /** The sectors next to any of the given ones. */
  neighbourMask(sectorMask: number): number {
    let mask = 0;
    for (let bit = 0; bit < this.neighbourMaskOfSector.length; bit++) {
      if (sectorMask & (1 << bit)) mask |= this.neighbourMaskOfSector[bit];
    }
    return mask;
  }

  supportAreaMask(slugs: readonly string[]): number {
    return maskOf(slugs, this.supportAreaBits);
  }

  stageIndex(slug: string): number {
    return this.stageOrder.get(slug) ?? UNKNOWN;
  }

  regionIndex(slug: string | null): number {
    return slug === null ? UNKNOWN : (this.regionOrder.get(slug) ?? UNKNOWN);
  }

  nationIndex(region: number): number {
    return region === UNKNOWN ? UNKNOWN : this.nationOfRegion[region];
  }

  sectorPoints(menteeSectors: number, mentorSectors: number, mentorNeighbours: number): number {
    if (menteeSectors & mentorSectors) return this.sameSectorPoints;
    return menteeSectors & mentorNeighbours ? this.neighbourSectorPoints : 0;
  }

  needsPoints(covered: number, total: number): number {
    return total === 0 ? 0 : Math.round((this.weights.points.needs * covered) / total);
  }

  stagePoints(menteeStage: number, mentorStage: number): number {
    if (menteeStage === UNKNOWN || mentorStage === UNKNOWN) return 0;
    return this.stagePointsByAhead[mentorStage - menteeStage + this.stageNames.length];
  }

  regionPoints(menteeRegion: number, mentorRegion: number): number {
    if (menteeRegion === UNKNOWN || mentorRegion === UNKNOWN) return 0;
    if (menteeRegion === mentorRegion) return this.weights.points.region;
    if (this.nationOfRegion[menteeRegion] === this.nationOfRegion[mentorRegion]) {
      return Math.round(this.weights.points.region * this.weights.sameNationShare);
    }
    return 0;
  }

  /** Bonus for covering an expertise that this share of the pool's mentors offers. */
  rarityPoints(shareOfMentors: number): number {
    const { rarityFullAtShare: full, rarityNoneAtShare: none } = this.weights;
    const rarity = Math.min(1, Math.max(0, (none - shareOfMentors) / (none - full)));
    return Math.round(this.weights.points.rarity * rarity);
  }

  // Point tables for the fast scorer, one per mentee stage, region or number of needs, shared
  // by every mentee with that value. Index by the mentor's stage or region index + 1 (0: unknown).

  stagePointsByMentorStage(menteeStage: number): Int8Array {
    return this.cached(`stage:${menteeStage}`, this.stageNames.length + 1, (i) => this.stagePoints(menteeStage, i - 1));
  }

  regionPointsByMentorRegion(menteeRegion: number): Int8Array {
    return this.cached(`region:${menteeRegion}`, this.regionNames.length + 1, (i) => this.regionPoints(menteeRegion, i - 1));
  }

  needsPointsByCount(needCount: number): Int8Array {
    return this.cached(`needs:${needCount}`, needCount + 1, (covered) => this.needsPoints(covered, needCount));
  }

  private cached(key: string, length: number, points: (index: number) => number): Int8Array {
    let table = this.pointTables.get(key);
    if (!table) this.pointTables.set(key, (table = Int8Array.from({ length }, (_, i) => points(i))));
    return table;
  }

  loadPoints(freePlaces: number, capacity: number): number {
    if (capacity <= 0 || freePlaces <= 0) return 0;
    return Math.round((this.weights.points.load * Math.min(freePlaces, capacity)) / capacity);
  }
}

export function createMatchingContext(taxonomy: TaxonomySource, weights: MatchingWeights = MATCHING_WEIGHTS): MatchingContext {
  return new MatchingContext(taxonomy, weights);
}

function checkWeights(weights: MatchingWeights): void {
  const total = FACTORS.reduce((sum, factor) => sum + weights.points[factor], 0);
  const integral = FACTORS.every((factor) => Number.isInteger(weights.points[factor]) && weights.points[factor] >= 0);
  if (!integral || total !== 100) {
    throw new RangeError(`factor points must be whole, non-negative and add up to 100 (got ${total})`);
  }
  if (!(weights.rarityFullAtShare < weights.rarityNoneAtShare)) {
    throw new RangeError('rarityFullAtShare must be below rarityNoneAtShare');
  }
}

function indexBySlug(terms: readonly TaxonomyTerm[]): Map<string, number> {
  return new Map(terms.map((t, i) => [t.slug, i]));
}

function maskOf(slugs: readonly string[], bits: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (const slug of slugs) {
    const bit = bits.get(slug);
    if (bit !== undefined) mask |= 1 << bit;
  }
  return mask;
}

function titleCase(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
