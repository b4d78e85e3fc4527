import { PairSet } from './pair-set';
import { compareIds, EXCLUDED, NO_NEED_COVERED, type MentorPool, type PoolMentee } from './pool';
import type { MenteeCandidate, PairRef, PairScore } from './types';

export interface RoundOptions {
  /** Pairs never to propose: declined requests, closed mentorships. */
  excludedPairs?: Iterable<PairRef>;
  /** Pairs the coordinator has fixed; they take their mentor's places before anything else. */
  pinned?: readonly PairRef[];
  /** Pairs scoring below this are never proposed; the weights' minimumScore unless told. */
  minimumScore?: number;
}

export interface RoundProposal extends PairScore {
  pinned: boolean;
}

/**
 * A round reduced to numbers: the mentees still to place (rows, in id order), the mentors with
 * places left after the pinned pairs (columns, in id order) and a score matrix in which 0 means
 * "never propose" (excluded, covering none of the mentee's needs, below the minimum). Every solver works on this same instance.
 */
export interface RoundInstance {
  readonly pool: MentorPool;
  readonly minimumScore: number;
  /** All the round's mentees, in id order. */
  readonly mentees: readonly MenteeCandidate[];
  readonly pinnedProposals: readonly RoundProposal[];
  readonly rows: readonly PoolMentee[];
  /** Pool index of each column's mentor. */
  readonly columns: Int32Array;
  /** Places left per column. */
  readonly capacity: Int32Array;
  /** rows.length x columns.length, row-major. */
  readonly scores: Uint8Array;
  /** Per row, for explaining why a mentee stays unmatched. */
  readonly eligibleMentors: Int32Array;
  readonly eligibleWithPlaces: Int32Array;
  /** Eligible mentors with places left who offer at least one of the mentee's needs. */
  readonly coveringWithPlaces: Int32Array;
  readonly proposableMentors: Int32Array;
  readonly bestScore: Int8Array;
  readonly bestMentor: Int32Array;
}

export function prepareRound(mentees: readonly MenteeCandidate[], pool: MentorPool, options: RoundOptions = {}): RoundInstance {
  const minimumScore = Math.max(1, options.minimumScore ?? pool.context.weights.minimumScore);
  const excludedPairs = PairSet.from(options.excludedPairs);
  const sortedMentees = [...mentees].sort((a, b) => compareIds(a.id, b.id));
  for (let i = 1; i < sortedMentees.length; i++) {
    if (sortedMentees[i].id === sortedMentees[i - 1].id) {
      throw new RangeError(`mentee ${sortedMentees[i].id} appears twice in the round`);
    }
  }

  const placesLeft = Int32Array.from(pool.mentors, (_, j) => pool.freePlaces(j));
  const pinnedProposals = pinPairs(pool, sortedMentees, options.pinned ?? [], excludedPairs, placesLeft);
  const pinnedMentees = new Set(pinnedProposals.map((p) => p.menteeId));
  const rows = sortedMentees.filter((m) => !pinnedMentees.has(m.id)).map((m) => pool.prepareMentee(m, excludedPairs));

  const columnsInIdOrder = [...pool.mentors.keys()].sort((a, b) => pool.idRank[a] - pool.idRank[b]);
  const columns = Int32Array.from(columnsInIdOrder.filter((j) => placesLeft[j] > 0));
  const capacity = Int32Array.from(columns, (j) => placesLeft[j]);

  const scores = new Uint8Array(rows.length * columns.length);
  const stats = {
    eligibleMentors: new Int32Array(rows.length),
    eligibleWithPlaces: new Int32Array(rows.length),
    coveringWithPlaces: new Int32Array(rows.length),
    proposableMentors: new Int32Array(rows.length),
    bestScore: new Int8Array(rows.length),
    bestMentor: new Int32Array(rows.length).fill(-1),
  };
  const row = new Int8Array(pool.size);
  for (let i = 0; i < rows.length; i++) {
    stats.eligibleMentors[i] = pool.scoreRow(rows[i], row);
    fillRow(i, row, columns, minimumScore, scores, stats);
  }

  return {
    pool,
    minimumScore,
    mentees: sortedMentees,
    pinnedProposals,
    rows,
    columns,
    capacity,
    scores,
    ...stats,
  };
}

type RowStats = Pick<RoundInstance, 'eligibleWithPlaces' | 'coveringWithPlaces' | 'proposableMentors' | 'bestScore' | 'bestMentor'>;

/** Copies one mentee's scores into the matrix, noting what whyUnmatched needs to know. */
function fillRow(i: number, row: Int8Array, columns: Int32Array, minimumScore: number, scores: Uint8Array, stats: RowStats): void {
  let withPlaces = 0;
  let covering = 0;
  let proposable = 0;
  let bestScore = EXCLUDED;
  let bestMentor = -1;
  const offset = i * columns.length;
  for (let c = 0; c < columns.length; c++) {
    const score = row[columns[c]];
    if (score === EXCLUDED) continue;
    withPlaces++;
    if (score === NO_NEED_COVERED) continue;
    covering++;
    if (score > bestScore) {
      bestScore = score;
      bestMentor = columns[c];
    }
    if (score >= minimumScore) {
      scores[offset + c] = score;
      proposable++;
    }
  }
  stats.eligibleWithPlaces[i] = withPlaces;
  stats.coveringWithPlaces[i] = covering;
  stats.proposableMentors[i] = proposable;
  stats.bestScore[i] = Math.max(0, bestScore);
  stats.bestMentor[i] = bestMentor;
}

/** Validates the pinned pairs and takes their places; a pin that cannot hold is an error, not a silent drop. */
function pinPairs(
  pool: MentorPool,
  mentees: readonly MenteeCandidate[],
  pinned: readonly PairRef[],
  excludedPairs: PairSet,
  placesLeft: Int32Array,
): RoundProposal[] {
  const menteeById = new Map(mentees.map((m) => [m.id, m]));
  const seen = new Set<string>();
  return pinned.map(({ menteeId, mentorId }) => {
    const mentee = menteeById.get(menteeId);
    const j = pool.indexOf(mentorId);
    if (!mentee) throw new RangeError(`pinned mentee ${menteeId} is not in the round`);
    if (j < 0) throw new RangeError(`pinned mentor ${mentorId} is not in the pool`);
    if (seen.has(menteeId)) throw new RangeError(`mentee ${menteeId} is pinned more than once`);
    seen.add(menteeId);
    if (--placesLeft[j] < 0) throw new RangeError(`pinned pairs take mentor ${mentorId} over capacity`);
    const pair = pool.explain(pool.prepareMentee(mentee, excludedPairs), j);
    if (!pair) {
      throw new RangeError(`pinned pair ${menteeId} / ${mentorId} is excluded (same person, same organisation, or declined or closed)`);
    }
    return { ...pair, pinned: true };
  });
}
