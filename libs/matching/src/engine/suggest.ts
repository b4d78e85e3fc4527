import type { MentorPool } from './pool';
import type { MenteeCandidate, PairRef, PairScore } from './types';

export interface SuggestOptions {
  /** How many suggestions at most; 10 unless told. */
  limit?: number;
  excludedPairs?: Iterable<PairRef>;
  /** Suggestions scoring below this are left out; the weights' minimumScore unless told. */
  minimumScore?: number;
}

/**
 * The best mentors for one mentee among those with a free place, best first; equal scores are
 * ordered by mentor id so the same input always gives the same list. Only the returned pairs are
 * explained, which keeps a query over thousands of mentors to a fraction of a millisecond.
 */
export function suggestMentors(mentee: MenteeCandidate, pool: MentorPool, options: SuggestOptions = {}): PairScore[] {
  const limit = options.limit ?? 10;
  if (limit <= 0) return [];
  const minimumScore = Math.max(1, options.minimumScore ?? pool.context.weights.minimumScore);
  const prepared = pool.prepareMentee(mentee, options.excludedPairs);
  const scores = new Int8Array(pool.size);
  pool.scoreRow(prepared, scores);

  // Keep the best `limit` in a small sorted array: cheaper than sorting thousands for a top 10.
  const best: number[] = [];
  const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && pool.idRank[a] < pool.idRank[b]);
  for (let j = 0; j < scores.length; j++) {
    // EXCLUDED and NO_NEED_COVERED are negative, so below any minimum.
    if (scores[j] < minimumScore || pool.freePlaces(j) === 0) continue;
    if (best.length === limit && !better(j, best[limit - 1])) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && better(j, best[at - 1])) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = j;
  }
  return best.map((j) => pool.explain(prepared, j)).filter((pair): pair is PairScore => pair !== null);
}
