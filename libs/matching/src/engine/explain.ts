import { bitCount, bitsOf, type CompiledMentee, type CompiledMentor } from './compiled';
import { UNKNOWN, type MatchingContext } from './context';
import type { PairScore, ScoreReason } from './types';

/** Per support area, the share of a pool's mentors offering it and the rarity points that earns. */
export interface RarityTable {
  readonly shareOfMentors: Float64Array;
  readonly points: Int8Array;
}

/**
 * A pair's score with a reason per factor, in words a coordinator reads. The points come from
 * the same context methods as the fast scorer in MentorPool, so both always agree.
 */
export function explainPair(context: MatchingContext, rarity: RarityTable, mentee: CompiledMentee, mentor: CompiledMentor): PairScore {
  const covered = mentee.needs & mentor.expertise;
  const uncoveredNeeds = [...new Set(mentee.candidate.needs)].filter((need) => (covered & context.supportAreaMask([need])) === 0);
  const reasons: ScoreReason[] = [
    needsReason(context, mentee, covered, uncoveredNeeds),
    sectorReason(context, mentee, mentor),
    stageReason(context, mentee, mentor),
    regionReason(context, mentee, mentor),
    rarityReason(context, rarity, covered),
    loadReason(context, mentor),
  ];
  return {
    menteeId: mentee.candidate.id,
    mentorId: mentor.candidate.id,
    score: reasons.reduce((sum, reason) => sum + reason.points, 0),
    reasons,
    uncoveredNeeds,
  };
}

function needsReason(context: MatchingContext, mentee: CompiledMentee, covered: number, uncoveredNeeds: readonly string[]): ScoreReason {
  const total = mentee.needCount;
  const count = bitCount(covered);
  const points = context.needsPoints(count, total);
  if (total === 0) return { factor: 'needs', label: 'The mentee has listed no support needs', points };
  if (count === 0) {
    const label = total === 1 ? "Does not cover the mentee's one need" : `Covers none of the mentee's ${total} needs`;
    return { factor: 'needs', label, points };
  }
  const coveredNames = bitsOf(covered).map((bit) => context.supportAreaNames[bit]);
  const uncoveredNames = uncoveredNeeds.map((need) => supportAreaName(context, need));
  const label =
    count === total
      ? `Covers ${total === 1 ? "the mentee's one need" : `all ${total} needs`}: ${coveredNames.join('; ')}`
      : `Covers ${count} of ${total} needs: ${coveredNames.join('; ')} (not ${uncoveredNames.join('; ')})`;
  return { factor: 'needs', label, points };
}

function sectorReason(context: MatchingContext, mentee: CompiledMentee, mentor: CompiledMentor): ScoreReason {
  const points = context.sectorPoints(mentee.sectors, mentor.sectors, mentor.neighbourSectors);
  const shared = mentee.sectors & mentor.sectors;
  if (shared) return { factor: 'sector', label: `Same sector: ${sectorNames(context, shared)}`, points };
  const neighbours = mentee.sectors & mentor.neighbourSectors;
  if (neighbours) {
    const mentorSide = bitsOf(mentor.sectors).find((bit) => context.neighbourMask(1 << bit) & neighbours) ?? 0;
    const label =
      `Neighbouring sector: the mentor's ${context.sectorNames[mentorSide]} experience ` +
      `is close to ${sectorNames(context, context.neighbourMask(1 << mentorSide) & neighbours)}`;
    return { factor: 'sector', label, points };
  }
  return { factor: 'sector', label: 'No shared or neighbouring sector', points };
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

function regionReason(context: MatchingContext, mentee: CompiledMentee, mentor: CompiledMentor): ScoreReason {
  const points = context.regionPoints(mentee.region, mentor.region);
  if (mentee.region === UNKNOWN || mentor.region === UNKNOWN) {
    return { factor: 'region', label: 'Region not known for both sides', points };
  }
  if (mentee.region === mentor.region) {
    return { factor: 'region', label: `Same region: ${context.regionNames[mentee.region]}`, points };
  }
  const both = `mentor in ${context.regionNames[mentor.region]}, mentee in ${context.regionNames[mentee.region]}`;
  const menteeNation = context.nationIndex(mentee.region);
  if (menteeNation === context.nationIndex(mentor.region)) {
    return { factor: 'region', label: `Same nation: ${context.nationNames[menteeNation]} (${both})`, points };
  }
  return { factor: 'region', label: `Different nations (${both})`, points };
}

function rarityReason(context: MatchingContext, rarity: RarityTable, covered: number): ScoreReason {
  let rarest = UNKNOWN;
  for (const bit of bitsOf(covered)) {
    if (rarest === UNKNOWN || rarity.shareOfMentors[bit] < rarity.shareOfMentors[rarest]) rarest = bit;
  }
  const points = rarest === UNKNOWN ? 0 : rarity.points[rarest];
  if (points === 0) return { factor: 'rarity', label: 'Covers no expertise that is rare among mentors', points };
  const share = Math.round(rarity.shareOfMentors[rarest] * 100);
  const label = `Offers ${context.supportAreaNames[rarest]}, which only ${share}% of mentors offer`;
  return { factor: 'rarity', label, points };
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

function sectorNames(context: MatchingContext, mask: number): string {
  return bitsOf(mask)
    .map((bit) => context.sectorNames[bit])
    .join('; ');
}

function supportAreaName(context: MatchingContext, slug: string): string {
  const bit = context.supportAreaSlugs.indexOf(slug);
  return bit === UNKNOWN ? slug : context.supportAreaNames[bit];
}
