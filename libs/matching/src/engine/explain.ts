import type { CompiledMentee, CompiledMentor } from './compiled';
import { UNKNOWN, type MatchingContext } from './context';
import { coveragePiece, rarityPiece, regionPiece, sectorPiece, type RarityTable } from './factors';
import type { PairScore, ScoreReason } from './types';

/**
 * A pair's score with a reason per factor, in words a coordinator reads. The points come from
 * the same context methods as the fast scorer in MentorPool, so both always agree; the needs,
 * sector, region and rarity reasons are the engine's shared scoring pieces (factors.ts).
 */
export function explainPair(context: MatchingContext, rarity: RarityTable, mentee: CompiledMentee, mentor: CompiledMentor): PairScore {
  const needs = coveragePiece(context, mentee.candidate.needs, mentor.expertise);
  const reasons: ScoreReason[] = [
    { factor: 'needs', points: needs.points, label: needs.label },
    { factor: 'sector', ...sectorPiece(context, mentee.sectors, mentor.sectors) },
    stageReason(context, mentee, mentor),
    { factor: 'region', ...regionPiece(context, mentee.region, [mentor.region]) },
    { factor: 'rarity', ...rarityPiece(context, rarity, needs.covered) },
    loadReason(context, mentor),
  ];
  return {
    menteeId: mentee.candidate.id,
    mentorId: mentor.candidate.id,
    score: reasons.reduce((sum, reason) => sum + reason.points, 0),
    reasons,
    uncoveredNeeds: needs.uncovered,
  };
}

function stageReason(context: MatchingContext, mentee: CompiledMentee, mentor: CompiledMentor): ScoreReason {
  const points = context.stagePoints(mentee.stage, mentor.stage);
  if (mentee.stage === UNKNOWN || mentor.stage === UNKNOWN) {
    return { factor: 'stage', label: 'Journey stage not known for both sides', points };
  }
  const ahead = mentor.stage - mentee.stage;
  const stages = `mentor at ${context.stageNames[mentor.stage]}, mentee at ${context.stageNames[mentee.stage]}`;
  if (ahead <= 0) return { factor: 'stage', label: `Not further along the journey (${stages})`, points };
  const further = `${ahead} ${ahead === 1 ? 'stage' : 'stages'} further along`;
  const label =
    ahead <= context.weights.bestStagesAhead
      ? `${further} (${stages})`
      : `${further}, more than ${context.weights.bestStagesAhead} ahead (${stages})`;
  return { factor: 'stage', label, points };
}

function loadReason(context: MatchingContext, mentor: CompiledMentor): ScoreReason {
  const { capacity } = mentor.candidate;
  const points = context.loadPoints(mentor.freePlaces, capacity);
  const label =
    mentor.freePlaces === 0
      ? 'No mentoring places free'
      : `${mentor.freePlaces} of ${capacity} mentoring ${capacity === 1 ? 'place' : 'places'} free`;
  return { factor: 'load', label, points };
}
