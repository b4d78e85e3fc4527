// The engine's specs score with the programme's own taxonomy, handed to the engine as the matching
// service hands it. These wrappers let a spec pass a plain list of mentors where the engine wants
// a pool prepared against that taxonomy.
import { SCORING_TAXONOMY } from '@mutuals/profiles';
import { createMatchingContext } from '../context';
import { MentorPool, scorePair as scoreInPool } from '../pool';
import { bruteForceRound as bruteForce, greedyRound as greedy, runRound as optimal, type OptimalRoundOptions } from '../round';
import type { RoundOptions } from '../round-instance';
import type { RoundResult } from '../round-result';
import { suggestMentors as suggest, type SuggestOptions } from '../suggest';
import type { MenteeCandidate, MentorCandidate, PairRef, PairScore } from '../types';

export const PROGRAMME_CONTEXT = createMatchingContext(SCORING_TAXONOMY);

type Mentors = MentorPool | readonly MentorCandidate[];

export function buildPool(mentors: Mentors): MentorPool {
  return mentors instanceof MentorPool ? mentors : new MentorPool(mentors, PROGRAMME_CONTEXT);
}

export function scorePair(
  mentee: MenteeCandidate,
  mentor: MentorCandidate,
  mentors: Mentors,
  excludedPairs?: Iterable<PairRef>,
): PairScore | null {
  return scoreInPool(mentee, mentor, buildPool(mentors), excludedPairs);
}

export function suggestMentors(mentee: MenteeCandidate, mentors: Mentors, options?: SuggestOptions): PairScore[] {
  return suggest(mentee, buildPool(mentors), options);
}

export function runRound(mentees: readonly MenteeCandidate[], mentors: Mentors, options?: OptimalRoundOptions): RoundResult {
  return optimal(mentees, buildPool(mentors), options);
}

export function greedyRound(mentees: readonly MenteeCandidate[], mentors: Mentors, options?: RoundOptions): RoundResult {
  return greedy(mentees, buildPool(mentors), options);
}

export function bruteForceRound(mentees: readonly MenteeCandidate[], mentors: Mentors, options?: RoundOptions): RoundResult {
  return bruteForce(mentees, buildPool(mentors), options);
}
