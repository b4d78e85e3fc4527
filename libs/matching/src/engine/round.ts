import { solveAssignment, type AssignmentProblem } from './assignment';
import type { MentorPool } from './pool';
import { prepareRound, type RoundInstance, type RoundOptions } from './round-instance';
import { buildRoundResult, type RoundResult } from './round-result';
import type { MenteeCandidate } from './types';

export interface OptimalRoundOptions extends RoundOptions {
  /**
   * How many of each mentee's best mentors the first solve considers (32 unless told). It only
   * affects speed: any left-out pair that could still raise the total is added and the problem
   * solved again, so the result is optimal over all pairs whatever this is.
   */
  candidatesPerMentee?: number;
}

const DEFAULT_CANDIDATES_PER_MENTEE = 32;

/**
 * The assignment with the highest total score: no mentor over the places left, no mentee twice,
 * pinned pairs kept, nothing under the minimum score. Pairs below the minimum (30 with the
 * current weights) are never proposed: a coordinator is better served by an unmatched mentee
 * with a reason than by a weak pair.
 *
 * Solving starts from each mentee's best candidates. The solver's dual prices then tell which
 * left-out pairs could improve the total (weight above the two prices); those are added and the
 * problem solved again until there are none, at which point the prices prove the optimum over
 * the full set of pairs.
 */
export function runRound(mentees: readonly MenteeCandidate[], mentors: MentorPool, options: OptimalRoundOptions = {}): RoundResult {
  const instance = prepareRound(mentees, mentors, options);
  const k = Math.max(1, options.candidatesPerMentee ?? DEFAULT_CANDIDATES_PER_MENTEE);
  const candidates = instance.rows.map((_, i) => bestColumns(instance, i, k));
  for (let passes = 1; ; passes++) {
    const problem = toAssignmentProblem(instance, candidates);
    const solution = solveAssignment(problem);
    // The solver's rows are the mentors' places, its columns the mentees (see assignment.ts).
    const menteePrice = solution.columnPrice;
    const mentorPrice = cheapestPlacePrice(instance, problem, solution.rowPrice);
    if (!addImprovingPairs(instance, candidates, menteePrice, mentorPrice)) {
      const mentorOfMentee = new Int32Array(instance.rows.length).fill(-1);
      solution.columnOfRow.forEach((mentee, place) => {
        if (mentee !== -1) mentorOfMentee[mentee] = problem.groupOfRow[place];
      });
      return buildRoundResult(instance, mentorOfMentee, {
        method: 'optimal',
        candidatePairs: problem.column.length,
        passes,
        upperBound: dualBound(instance, menteePrice, solution.rowPrice),
      });
    }
  }
}

/** Highest score first, ties to the lower mentee then mentor id: simple, fast, and not optimal. */
export function greedyRound(mentees: readonly MenteeCandidate[], mentors: MentorPool, options: RoundOptions = {}): RoundResult {
  const instance = prepareRound(mentees, mentors, options);
  const { scores, capacity } = instance;
  const columnCount = instance.columns.length;

  // Bucket the pairs by score (0 to 100): a counting sort that keeps row-major order within a score.
  const bucketStart = new Int32Array(102);
  for (let p = 0; p < scores.length; p++) if (scores[p] > 0) bucketStart[scores[p] + 1]++;
  for (let s = 1; s < bucketStart.length; s++) bucketStart[s] += bucketStart[s - 1];
  const pairsByScore = new Uint32Array(bucketStart[101]);
  const fill = bucketStart.slice();
  for (let p = 0; p < scores.length; p++) if (scores[p] > 0) pairsByScore[fill[scores[p]]++] = p;

  const columnOfRow = new Int32Array(instance.rows.length).fill(-1);
  const placesLeft = capacity.slice();
  for (let s = 100; s >= 1; s--) {
    for (let k = bucketStart[s]; k < bucketStart[s + 1]; k++) {
      const row = (pairsByScore[k] / columnCount) | 0;
      const c = pairsByScore[k] - row * columnCount;
      if (columnOfRow[row] === -1 && placesLeft[c] > 0) {
        columnOfRow[row] = c;
        placesLeft[c]--;
      }
    }
  }
  return buildRoundResult(instance, columnOfRow, {
    method: 'greedy',
    candidatePairs: pairsByScore.length,
    passes: 1,
    upperBound: null,
  });
}

const BRUTE_FORCE_LIMIT = 5_000_000;

/** Tries every assignment; for checking the other methods on tiny rounds only. */
export function bruteForceRound(mentees: readonly MenteeCandidate[], mentors: MentorPool, options: RoundOptions = {}): RoundResult {
  const instance = prepareRound(mentees, mentors, options);
  const rowCount = instance.rows.length;
  const candidates = instance.rows.map((_, i) => bestColumns(instance, i, Infinity));
  const searchSpace = candidates.reduce((size, list) => size * (list.length + 1), 1);
  if (searchSpace > BRUTE_FORCE_LIMIT) {
    throw new RangeError(`brute force would try ${searchSpace} assignments (limit ${BRUTE_FORCE_LIMIT})`);
  }
  const columnCount = instance.columns.length;
  const scoreOf = (row: number, c: number) => instance.scores[row * columnCount + c];
  // The most the remaining rows could add, to skip hopeless branches.
  const bestRest = new Float64Array(rowCount + 1);
  for (let i = rowCount - 1; i >= 0; i--) bestRest[i] = bestRest[i + 1] + (candidates[i].length ? scoreOf(i, candidates[i][0]) : 0);

  const placesLeft = instance.capacity.slice();
  const current = new Int32Array(rowCount).fill(-1);
  let best = current.slice();
  let bestTotal = -1;
  const search = (row: number, total: number): void => {
    if (total + bestRest[row] <= bestTotal) return;
    if (row === rowCount) {
      bestTotal = total;
      best = current.slice();
      return;
    }
    for (const c of candidates[row]) {
      if (placesLeft[c] === 0) continue;
      placesLeft[c]--;
      current[row] = c;
      search(row + 1, total + scoreOf(row, c));
      placesLeft[c]++;
    }
    current[row] = -1;
    search(row + 1, total);
  };
  search(0, 0);
  return buildRoundResult(instance, best, {
    method: 'brute-force',
    candidatePairs: candidates.reduce((sum, list) => sum + list.length, 0),
    passes: 1,
    upperBound: null,
  });
}

/** The row's k best proposable columns, best first (ties to the lower column, i.e. mentor id). */
function bestColumns(instance: RoundInstance, row: number, k: number): number[] {
  const { scores } = instance;
  const columnCount = instance.columns.length;
  const offset = row * columnCount;
  // Find the lowest score that still makes the top k, then collect in one pass.
  const countByScore = new Int32Array(101);
  for (let c = 0; c < columnCount; c++) countByScore[scores[offset + c]]++;
  let threshold = 100;
  for (let above = 0; threshold > 1 && above + countByScore[threshold] < k; threshold--) above += countByScore[threshold];
  const best: number[] = [];
  for (let c = 0; c < columnCount; c++) if (scores[offset + c] >= threshold) best.push(c);
  best.sort((a, b) => scores[offset + b] - scores[offset + a] || a - b);
  return best.length > k ? best.slice(0, k) : best;
}

/** One solver row per mentor place, the places of a mentor sharing its candidate mentees. */
function toAssignmentProblem(instance: RoundInstance, candidates: readonly number[][]): AssignmentProblem {
  const { capacity } = instance;
  const mentorCount = capacity.length;
  const groupStart = new Int32Array(mentorCount + 1);
  for (const list of candidates) for (const c of list) groupStart[c + 1]++;
  for (let c = 0; c < mentorCount; c++) groupStart[c + 1] += groupStart[c];
  const next = groupStart.slice(0, mentorCount);
  const column = new Int32Array(groupStart[mentorCount]);
  const weight = new Uint8Array(column.length);
  candidates.forEach((list, i) => {
    for (const c of list) {
      column[next[c]] = i;
      weight[next[c]++] = instance.scores[i * mentorCount + c];
    }
  });
  const groupOfRow = new Int32Array(capacity.reduce((sum, places) => sum + places, 0));
  for (let c = 0, row = 0; c < mentorCount; c++) groupOfRow.fill(c, row, (row += capacity[c]));
  return { columnCount: candidates.length, groupOfRow, groupStart, column, weight };
}

/** A mentor's price is its cheapest place's: a left-out pair improves nothing unless it beats that. */
function cheapestPlacePrice(instance: RoundInstance, problem: AssignmentProblem, placePrice: Int32Array): Int32Array {
  const price = new Int32Array(instance.capacity.length).fill(0x7fffffff);
  problem.groupOfRow.forEach((mentor, place) => (price[mentor] = Math.min(price[mentor], placePrice[place])));
  return price;
}

/** Adds every left-out pair whose score beats its prices; returns whether there was any. */
function addImprovingPairs(instance: RoundInstance, candidates: number[][], menteePrice: Int32Array, mentorPrice: Int32Array): boolean {
  const { scores } = instance;
  const mentorCount = instance.columns.length;
  let added = false;
  for (let i = 0; i < candidates.length; i++) {
    const offset = i * mentorCount;
    const threshold = menteePrice[i];
    // Pairs already considered never qualify: the solution's prices cover them.
    for (let c = 0; c < mentorCount; c++) {
      if (scores[offset + c] > threshold + mentorPrice[c]) {
        candidates[i].push(c);
        added = true;
      }
    }
  }
  return added;
}

/** The LP dual objective: no assignment's total can exceed it. */
function dualBound(instance: RoundInstance, menteePrice: Int32Array, placePrice: Int32Array): number {
  let bound = instance.pinnedProposals.reduce((sum, p) => sum + p.score, 0);
  for (const price of menteePrice) bound += price;
  for (const price of placePrice) bound += price;
  return bound;
}
