// The matching engine: plain TypeScript, no framework. Scores mentee-mentor pairs with reasons,
// suggests mentors for one mentee, and runs coordinator rounds (optimal, greedy, brute force).
export type { MenteeCandidate, MentorCandidate, PairRef, PairScore, ScoreReason } from './types';
export { describeWeights, FACTORS, MATCHING_WEIGHTS } from './weights';
export type { Factor, MatchingWeights, WeightDescription } from './weights';
export { createMatchingContext, MatchingContext } from './context';
export type { TaxonomySource, TaxonomyTerm } from './context';
export { PairSet } from './pair-set';
export { buildPool, MentorPool, scorePair } from './pool';
export { suggestMentors } from './suggest';
export type { SuggestOptions } from './suggest';
export { bruteForceRound, greedyRound, runRound } from './round';
export type { OptimalRoundOptions } from './round';
export type { RoundOptions, RoundProposal } from './round-instance';
export type { GroupFairness, RoundFairness, RoundMethod, RoundResult, SolverReport, UnmatchedCode, UnmatchedMentee } from './round-result';
export { solveAssignment } from './assignment';
export type { AssignmentProblem, AssignmentSolution } from './assignment';
// The scoring pieces, one per factor, shared by mentor matching and partnership fit.
export { coveragePiece, MENTORING_SIDES, rarityPiece, rarityTable, regionPiece, sectorPiece } from './factors';
export type { FactorPiece, RarityTable, Sides } from './factors';
export { UNKNOWN } from './context';
