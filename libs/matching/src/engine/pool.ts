import { bitIndex, compileMentee, compileMentor, type CompiledMentee, type CompiledMentor } from './compiled';
import type { MatchingContext } from './context';
import { explainPair } from './explain';
import { rarityTable, type RarityTable } from './factors';
import { PairSet } from './pair-set';
import type { MenteeCandidate, MentorCandidate, PairRef, PairScore } from './types';

/** What scoreRow writes for a mentor the mentee may never be paired with. */
export const EXCLUDED = -1;
/**
 * A pair that may be matched in principle but whose mentor offers none of the mentee's stated
 * needs: never proposed or suggested (a mentee left unmatched with that reason serves the
 * coordinator better than a mentor who cannot help with what they asked for).
 */
export const NO_NEED_COVERED = -2;

const NO_ORGANISATION = -1;
const ORGANISATION_NOT_IN_POOL = -2;

interface CoveredNeedsTables {
  readonly count: Uint8Array;
  readonly rarityPoints: Int8Array;
}

/** A mentee prepared for scoring against one pool. */
export interface PoolMentee extends CompiledMentee {
  /** Index of the mentee's own mentor profile in the pool, or -1. */
  readonly selfIndex: number;
  readonly organisationKey: number;
  readonly excludedMentors: readonly number[];
  /** Points by count of covered needs, and by the mentor's stage and region index + 1 (0: unknown). */
  readonly needsPointsByCount: Int8Array;
  readonly stagePointsByMentorStage: Int8Array;
  readonly regionPointsByMentorRegion: Int8Array;
}

/**
 * The mentors a mentee can be matched with, compiled once and reused: rarity of each expertise is
 * a property of the whole pool, and scoring a pair reads flat arrays instead of strings.
 */
export class MentorPool {
  readonly rarity: RarityTable;
  private coveredTables?: CoveredNeedsTables;
  private readonly indexById = new Map<string, number>();
  private readonly organisationKeys = new Map<string, number>();
  private readonly organisation: Int32Array;
  private readonly sectors: Int32Array;
  private readonly neighbourSectors: Int32Array;
  private readonly expertise: Int32Array;
  private readonly stage: Int8Array;
  private readonly region: Int8Array;
  private readonly loadPoints: Int8Array;
  private readonly freePlacesOf: Int32Array;
  /** Mentor indices in ascending id order, for deterministic tie-breaking. */
  readonly idRank: Int32Array;

  constructor(
    readonly mentors: readonly MentorCandidate[],
    readonly context: MatchingContext,
  ) {
    const count = mentors.length;
    this.organisation = new Int32Array(count);
    this.sectors = new Int32Array(count);
    this.neighbourSectors = new Int32Array(count);
    this.expertise = new Int32Array(count);
    this.stage = new Int8Array(count);
    this.region = new Int8Array(count);
    this.loadPoints = new Int8Array(count);
    this.freePlacesOf = new Int32Array(count);
    mentors.forEach((mentor, index) => {
      if (this.indexById.has(mentor.id)) throw new RangeError(`mentor ${mentor.id} appears twice in the pool`);
      this.indexById.set(mentor.id, index);
      const compiled = compileMentor(context, mentor);
      this.organisation[index] = this.organisationKey(mentor.organisationId, true);
      this.sectors[index] = compiled.sectors;
      this.neighbourSectors[index] = compiled.neighbourSectors;
      this.expertise[index] = compiled.expertise;
      this.stage[index] = compiled.stage;
      this.region[index] = compiled.region;
      this.loadPoints[index] = context.loadPoints(compiled.freePlaces, mentor.capacity);
      this.freePlacesOf[index] = compiled.freePlaces;
    });
    this.rarity = rarityTable(context, Array.from(this.expertise));
    const byId = [...mentors.keys()].sort((a, b) => compareIds(mentors[a].id, mentors[b].id));
    this.idRank = new Int32Array(count);
    byId.forEach((index, rank) => (this.idRank[index] = rank));
  }

  get size(): number {
    return this.mentors.length;
  }

  indexOf(mentorId: string): number {
    return this.indexById.get(mentorId) ?? -1;
  }

  freePlaces(index: number): number {
    return this.freePlacesOf[index];
  }

  prepareMentee(mentee: MenteeCandidate, excludedPairs?: Iterable<PairRef>): PoolMentee {
    const { context } = this;
    const compiled = compileMentee(context, mentee);
    const excludedMentors: number[] = [];
    for (const mentorId of PairSet.from(excludedPairs).mentorsFor(mentee.id)) {
      const index = this.indexOf(mentorId);
      if (index >= 0) excludedMentors.push(index);
    }
    return {
      ...compiled,
      selfIndex: this.indexOf(mentee.id),
      organisationKey: this.organisationKey(mentee.organisationId, false),
      excludedMentors,
      needsPointsByCount: context.needsPointsByCount(compiled.needCount),
      stagePointsByMentorStage: context.stagePointsByMentorStage(compiled.stage),
      regionPointsByMentorRegion: context.regionPointsByMentorRegion(compiled.region),
    };
  }

  /**
   * Scores the mentee against every mentor of the pool into `out` (one entry per mentor, in pool
   * order), writing EXCLUDED for the mentee itself, its own organisation and excluded pairs, and
   * NO_NEED_COVERED for a mentor offering none of the mentee's stated needs, and returns how many
   * mentors are eligible (those two kinds apart, a mentor covering no need is still eligible). This is the hot loop of suggestions and rounds;
   * explain() gives the same numbers with reasons.
   */
  scoreRow(mentee: PoolMentee, out: Int8Array): number {
    const { sameSectorPoints, neighbourSectorPoints } = this.context;
    const { sectors, needs, organisationKey, needsPointsByCount, stagePointsByMentorStage, regionPointsByMentorRegion } = mentee;
    const { organisation, expertise, loadPoints, stage, region } = this;
    const { count: coveredCount, rarityPoints } = this.coveredNeedsTables();
    const mentorSectors = this.sectors;
    const mentorNeighbours = this.neighbourSectors;
    let excluded = 0;
    for (let j = 0; j < out.length; j++) {
      if (organisation[j] === organisationKey) {
        out[j] = EXCLUDED;
        excluded++;
        continue;
      }
      const covered = needs & expertise[j];
      if (covered === 0 && mentee.needCount > 0) {
        out[j] = NO_NEED_COVERED;
        continue;
      }
      const sectorPoints = sectors & mentorSectors[j] ? sameSectorPoints : sectors & mentorNeighbours[j] ? neighbourSectorPoints : 0;
      out[j] =
        needsPointsByCount[coveredCount[covered]] +
        sectorPoints +
        stagePointsByMentorStage[stage[j] + 1] +
        regionPointsByMentorRegion[region[j] + 1] +
        rarityPoints[covered] +
        loadPoints[j];
    }
    for (const j of mentee.selfIndex >= 0 ? [mentee.selfIndex, ...mentee.excludedMentors] : mentee.excludedMentors) {
      if (out[j] !== EXCLUDED) excluded++;
      out[j] = EXCLUDED;
    }
    return out.length - excluded;
  }

  /** The full explained score of a pair, or null when the pair is excluded. */
  explain(mentee: PoolMentee, mentorIndex: number): PairScore | null {
    const excluded =
      mentorIndex === mentee.selfIndex ||
      this.organisation[mentorIndex] === mentee.organisationKey ||
      mentee.excludedMentors.includes(mentorIndex);
    return excluded ? null : explainPair(this.context, this.rarity, mentee, this.compiledMentor(mentorIndex));
  }

  /**
   * Indexed by a mask of covered needs: how many, and the rarity bonus of the rarest. Built on
   * first use, as scorePair never needs them. The loop reads no globals (such as Math), which
   * are slow inside test runners' VM contexts.
   */
  private coveredNeedsTables(): CoveredNeedsTables {
    if (this.coveredTables) return this.coveredTables;
    const size = 1 << this.rarity.points.length;
    const count = new Uint8Array(size);
    const rarityPoints = new Int8Array(size);
    const pointsOfArea = this.rarity.points;
    for (let mask = 1; mask < size; mask++) {
      const rest = mask & (mask - 1);
      const lowestPoints = pointsOfArea[bitIndex(mask ^ rest)];
      count[mask] = count[rest] + 1;
      rarityPoints[mask] = lowestPoints > rarityPoints[rest] ? lowestPoints : rarityPoints[rest];
    }
    return (this.coveredTables = { count, rarityPoints });
  }

  private compiledMentor(index: number): CompiledMentor {
    const candidate = this.mentors[index];
    return {
      candidate,
      sectors: this.sectors[index],
      neighbourSectors: this.neighbourSectors[index],
      expertise: this.expertise[index],
      stage: this.stage[index],
      region: this.region[index],
      freePlaces: this.freePlacesOf[index],
    };
  }

  private organisationKey(organisationId: string | null, addIfMissing: boolean): number {
    if (organisationId === null) return addIfMissing ? NO_ORGANISATION : ORGANISATION_NOT_IN_POOL;
    let key = this.organisationKeys.get(organisationId);
    if (key === undefined) {
      if (!addIfMissing) return ORGANISATION_NOT_IN_POOL;
      key = this.organisationKeys.size;
      this.organisationKeys.set(organisationId, key);
    }
    return key;
  }
}

/** The mentors prepared for scoring against one context (taxonomy and weights); reusable. */
export function buildPool(mentors: readonly MentorCandidate[], context: MatchingContext): MentorPool {
  return new MentorPool(mentors, context);
}

/**
 * The explained score of one pair, or null when the pair may never be matched: the same person,
 * the same organisation, or a pair in `excludedPairs`. Rarity is measured over `pool`, which the
 * mentor need not belong to.
 */
export function scorePair(
  mentee: MenteeCandidate,
  mentor: MentorCandidate,
  pool: MentorPool,
  excludedPairs?: Iterable<PairRef>,
): PairScore | null {
  const { context, rarity } = pool;
  const sameOrganisation = mentee.organisationId !== null && mentee.organisationId === mentor.organisationId;
  if (mentee.id === mentor.id || sameOrganisation || PairSet.from(excludedPairs).has(mentee.id, mentor.id)) {
    return null;
  }
  return explainPair(context, rarity, compileMentee(context, mentee), compileMentor(context, mentor));
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
