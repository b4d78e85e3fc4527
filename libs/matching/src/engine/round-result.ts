import type { RoundInstance, RoundProposal } from './round-instance';
import { compareIds } from './pool';

export type RoundMethod = 'optimal' | 'greedy' | 'brute-force';

export type UnmatchedCode = 'no-eligible-mentor' | 'no-capacity' | 'no-needs-covered' | 'below-minimum' | 'outscored';

export interface UnmatchedMentee {
  menteeId: string;
  code: UnmatchedCode;
  reason: string;
}

export interface GroupFairness {
  matched: number;
  total: number;
  /** Mean score of the group's matched mentees, one decimal; null when none is matched. */
  meanScore: number | null;
  name: string;
}

export interface RoundFairness {
  /** Lowest, 10th percentile and mean score of the proposals; null when nothing is proposed. */
  worstScore: number | null;
  p10Score: number | null;
  meanScore: number | null;
  /** Share of the round's mentees given a proposal, 0 to 1. */
  matchRate: number;
  /** A mentee with several sectors counts in each. */
  bySector: (GroupFairness & { sector: string })[];
  byRegion: (GroupFairness & { region: string | null })[];
}

/** How well the proposals meet what the mentees asked for. */
export interface NeedsCoverage {
  /** Needs the proposed mentors offer, over all needs the round's mentees stated (0 to 1); null when none stated any. */
  coveredShare: number | null;
  /** Mentees who stated needs and end the round with none of them covered (unmatched, or pinned to such a mentor). */
  menteesWithNoneCovered: number;
  /** Mentees who stated at least one need. */
  menteesWithNeeds: number;
}

export interface SolverReport {
  method: RoundMethod;
  /** Mentee-mentor pairs the solver considered. */
  candidatePairs: number;
  /** For the optimal method: solves until no left-out pair could improve the total. */
  passes: number;
  /** A proven bound no assignment can beat (LP duality); equal to totalScore when optimal. */
  upperBound: number | null;
}

export interface RoundResult {
  /** In mentee id order. */
  proposals: RoundProposal[];
  totalScore: number;
  unmatched: UnmatchedMentee[];
  fairness: RoundFairness;
  needsCoverage: NeedsCoverage;
  weightsVersion: string;
  minimumScore: number;
  solver: SolverReport;
}

/** Turns a solver's column per row (-1 for none) into explained proposals and reasons. */
export function buildRoundResult(instance: RoundInstance, columnOfRow: Int32Array, solver: SolverReport): RoundResult {
  const { pool, rows, columns } = instance;
  const proposals: RoundProposal[] = [...instance.pinnedProposals];
  const unmatched: UnmatchedMentee[] = [];
  rows.forEach((mentee, i) => {
    const c = columnOfRow[i];
    const pair = c === -1 ? null : pool.explain(mentee, columns[c]);
    if (pair) proposals.push({ ...pair, pinned: false });
    else unmatched.push({ menteeId: mentee.candidate.id, ...whyUnmatched(instance, i, solver.method) });
  });
  proposals.sort((a, b) => compareIds(a.menteeId, b.menteeId));
  return {
    proposals,
    totalScore: proposals.reduce((sum, p) => sum + p.score, 0),
    unmatched,
    fairness: measureFairness(instance, proposals),
    needsCoverage: measureNeedsCoverage(instance, proposals),
    weightsVersion: pool.context.weights.version,
    minimumScore: instance.minimumScore,
    solver,
  };
}

function whyUnmatched(instance: RoundInstance, row: number, method: RoundMethod): Omit<UnmatchedMentee, 'menteeId'> {
  const { minimumScore, pool } = instance;
  if (instance.eligibleMentors[row] === 0) {
    return {
      code: 'no-eligible-mentor',
      reason:
        'No eligible mentor: every mentor is the mentee themself, from the same organisation, ' + 'or a pair already declined or closed',
    };
  }
  if (instance.eligibleWithPlaces[row] === 0) {
    const count = instance.eligibleMentors[row];
    return { code: 'no-capacity', reason: `No eligible mentor with capacity left (all ${count} eligible mentors are full)` };
  }
  if (instance.coveringWithPlaces[row] === 0) {
    const count = instance.eligibleWithPlaces[row];
    const mentors =
      count === 1
        ? 'the one eligible mentor with a place offers none of them'
        : `none of the ${count} eligible mentors with a place offers any of them`;
    return { code: 'no-needs-covered', reason: `No mentor with a place covers any of the mentee's needs (${mentors})` };
  }
  const best = `${pool.mentors[instance.bestMentor[row]].id}, scores ${instance.bestScore[row]}`;
  if (instance.proposableMentors[row] === 0) {
    return {
      code: 'below-minimum',
      reason: `No eligible mentor with capacity left reaches the minimum score of ${minimumScore} (the best, ${best})`,
    };
  }
  const count = instance.proposableMentors[row];
  const mentors = count === 1 ? 'The one eligible mentor' : `All ${count} eligible mentors`;
  const verb = count === 1 ? 'was' : 'were';
  const outcome =
    method === 'greedy' ? `${verb} filled first by higher-scoring pairs` : `${verb} assigned to mentees with a higher combined score`;
  return { code: 'outscored', reason: `${mentors} scoring ${minimumScore} or more ${outcome} (the best, ${best})` };
}

function measureNeedsCoverage(instance: RoundInstance, proposals: readonly RoundProposal[]): NeedsCoverage {
  const proposalOf = new Map(proposals.map((p) => [p.menteeId, p]));
  let stated = 0;
  let covered = 0;
  let menteesWithNeeds = 0;
  let menteesWithNoneCovered = 0;
  for (const mentee of instance.mentees) {
    const needs = new Set(mentee.needs).size;
    if (needs === 0) continue;
    menteesWithNeeds++;
    stated += needs;
    const proposal = proposalOf.get(mentee.id);
    const coveredHere = proposal ? needs - new Set(proposal.uncoveredNeeds).size : 0;
    covered += coveredHere;
    if (coveredHere === 0) menteesWithNoneCovered++;
  }
  return { coveredShare: stated === 0 ? null : Math.round((covered / stated) * 1000) / 1000, menteesWithNoneCovered, menteesWithNeeds };
}

function measureFairness(instance: RoundInstance, proposals: readonly RoundProposal[]): RoundFairness {
  const { context } = instance.pool;
  const scoreOf = new Map(proposals.map((p) => [p.menteeId, p.score]));
  const scores = proposals.map((p) => p.score).sort((a, b) => a - b);

  const sectors = new Map<string, number[]>();
  const regions = new Map<string | null, number[]>();
  const add = <K>(groups: Map<K, number[]>, key: K, score: number | undefined) => {
    const group = groups.get(key) ?? [];
    groups.set(key, group);
    group.push(score ?? NaN);
  };
  for (const mentee of instance.mentees) {
    const score = scoreOf.get(mentee.id);
    for (const sector of new Set(mentee.sectors)) add(sectors, sector, score);
    add(regions, mentee.region, score);
  }

  const summarise = <K>(groups: Map<K, number[]>, describe: (key: K) => { name: string; order: number }) =>
    [...groups]
      .map(([key, groupScores]) => {
        const matched = groupScores.filter((score) => !Number.isNaN(score));
        const { name, order } = describe(key);
        return { key, order, group: { name, matched: matched.length, total: groupScores.length, meanScore: mean(matched) } };
      })
      .sort((a, b) => a.order - b.order || compareIds(a.group.name, b.group.name));

  return {
    worstScore: scores.length ? scores[0] : null,
    p10Score: scores.length ? scores[Math.ceil(scores.length * 0.1) - 1] : null,
    meanScore: mean(scores),
    matchRate: instance.mentees.length ? Math.round((proposals.length / instance.mentees.length) * 1000) / 1000 : 0,
    bySector: summarise(sectors, (slug) => context.sector(slug)).map(({ key, group }) => ({ sector: key, ...group })),
    byRegion: summarise(regions, (slug) => context.region(slug)).map(({ key, group }) => ({ region: key, ...group })),
  };
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 10) / 10;
}
