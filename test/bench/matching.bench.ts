// Matching engine benchmark: rounds at programme scale and beyond, suggestions over a large pool,
// and brute force on small rounds. Every round's total is printed against greedy on the same
// instance and against the optimum (or a proven upper bound), so the figures are ratios from
// this run rather than bare times.
//   npx ts-node --transpile-only -r tsconfig-paths/register test/bench/matching.bench.ts
import { performance } from 'node:perf_hooks';
import type { MenteeCandidate, MentorCandidate, PairRef, RoundResult } from '../../libs/matching/src/engine';
// The engine with the programme's taxonomy, as the matching service gives it.
import { bruteForceRound, buildPool, greedyRound, runRound, suggestMentors } from '../../libs/matching/src/engine/testing/programme';
import { REGION_SLUGS, SECTOR_SLUGS, STAGE_SLUGS, SUPPORT_AREA_SLUGS } from '@mutuals/profiles';

/** mulberry32: small, fast and seedable, so every run measures the same instances. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const integer = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function weightedPick(random: Random, items: readonly string[], weights: readonly number[]): string {
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) if ((r -= weights[i]) < 0) return items[i];
  return items[items.length - 1];
}

function weightedSample(random: Random, items: readonly string[], weights: readonly number[], count: number): string[] {
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(weightedPick(random, items, weights));
  return [...chosen];
}

// Health and social care heavy, as the sector is (DOMAIN.md, demo data shape).
const SECTOR_WEIGHTS = [14, 16, 8, 6, 5, 5, 4, 4, 4, 6, 2, 1, 2, 2];
// Regions roughly by population, with fewer mutuals in the devolved nations.
const REGION_WEIGHTS = [4, 11, 8, 7, 9, 9, 14, 14, 9, 3, 2, 1];
// What mentees ask for most (early journey) and what mentors offer (rare: re-tender, IT transition).
const NEED_WEIGHTS = [10, 12, 9, 9, 7, 9, 6, 6, 5, 4, 3, 3, 5, 2, 4, 3, 2];
const EXPERTISE_WEIGHTS = [8, 12, 8, 6, 6, 10, 7, 5, 7, 4, 6, 4, 5, 1, 6, 5, 1];

function generateRound(seed: number, menteeCount: number, mentorCount: number, maxCapacity: number) {
  const random = prng(seed);
  const mentors: MentorCandidate[] = [];
  for (let i = 0; mentors.length < mentorCount; i++) {
    // One to three mentors from each experienced mutual.
    const organisationId = `mutual-${i}`;
    const sector = weightedPick(random, SECTOR_SLUGS, SECTOR_WEIGHTS);
    const region = weightedPick(random, REGION_SLUGS, REGION_WEIGHTS);
    const stageReached = weightedPick(random, STAGE_SLUGS.slice(4), [2, 5, 3]);
    for (let k = integer(random, 1, 3); k > 0 && mentors.length < mentorCount; k--) {
      const capacity = integer(random, 1, maxCapacity);
      mentors.push({
        id: `mentor-${String(mentors.length).padStart(5, '0')}`,
        organisationId,
        sectors: random() < 0.3 ? [sector, weightedPick(random, SECTOR_SLUGS, SECTOR_WEIGHTS)] : [sector],
        expertise: weightedSample(random, SUPPORT_AREA_SLUGS, EXPERTISE_WEIGHTS, integer(random, 2, 6)),
        stageReached,
        region: random() < 0.05 ? null : region,
        capacity,
        activeMentorships: random() < 0.2 ? integer(random, 0, capacity) : 0,
      });
    }
  }
  const mentees: MenteeCandidate[] = Array.from({ length: menteeCount }, (_, i) => ({
    id: `mentee-${String(i).padStart(5, '0')}`,
    organisationId: random() < 0.9 ? `aspiring-${Math.floor(i / 2)}` : null,
    sectors: [weightedPick(random, SECTOR_SLUGS, SECTOR_WEIGHTS)],
    needs: weightedSample(random, SUPPORT_AREA_SLUGS, NEED_WEIGHTS, integer(random, 2, 5)),
    stage: STAGE_SLUGS[integer(random, 0, 3)],
    region: random() < 0.05 ? null : weightedPick(random, REGION_SLUGS, REGION_WEIGHTS),
  }));
  // Some earlier requests were declined.
  const excludedPairs: PairRef[] = mentees
    .filter(() => random() < 0.1)
    .map((mentee) => ({ menteeId: mentee.id, mentorId: mentors[integer(random, 0, mentors.length - 1)].id }));
  return { mentees, mentors, excludedPairs };
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

const rows: string[][] = [];
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const peakRssMiB = () => fmt(process.resourceUsage().maxRSS / 1024, 0);
function report(benchmark: string, ms: number | string, result: string, comparison: string) {
  rows.push([benchmark, typeof ms === 'number' ? fmt(ms) : ms, peakRssMiB(), result, comparison]);
  console.error(`  done: ${benchmark}`);
}

function roundBenchmark(label: string, seed: number, menteeCount: number, mentorCount: number, fullGraphExact: boolean) {
  const { mentees, mentors, excludedPairs } = generateRound(seed, menteeCount, mentorCount, 4);
  const places = mentors.reduce((sum, m) => sum + Math.max(0, m.capacity - m.activeMentorships), 0);
  const instance = `${menteeCount} x ${mentorCount} (${places} places)`;
  const optimal = timed(() => runRound(mentees, mentors, { excludedPairs }));
  const greedy = timed(() => greedyRound(mentees, mentors, { excludedPairs }));
  const best = optimal.value;
  report(
    `${label} round ${instance}: optimal`,
    optimal.ms,
    summarise(best),
    `vs greedy ${fmt(best.totalScore / greedy.value.totalScore, 4)}; proven bound ${best.solver.upperBound} ` +
      `(gap ${fmt(gapPercent(best.totalScore, best.solver.upperBound ?? best.totalScore), 3)}%); ` +
      `${best.solver.passes} passes over ${best.solver.candidatePairs} pairs`,
  );
  report(
    `${label} round ${instance}: greedy`,
    greedy.ms,
    summarise(greedy.value),
    `vs optimal ${fmt(greedy.value.totalScore / best.totalScore, 4)}`,
  );
  if (fullGraphExact) {
    const full = timed(() => runRound(mentees, mentors, { excludedPairs, candidatesPerMentee: Infinity }));
    const same = full.value.totalScore === best.totalScore ? 'equal' : `DIFFERENT (${full.value.totalScore})`;
    report(
      `${label} round ${instance}: exact on the full graph`,
      full.ms,
      summarise(full.value),
      `total ${same} to the candidate-pruned solve; ${full.value.solver.candidatePairs} pairs`,
    );
  }
}

function summarise(result: RoundResult): string {
  const { fairness } = result;
  return (
    `total ${result.totalScore}, ${result.proposals.length} matched, mean ${fairness.meanScore}, ` +
    `p10 ${fairness.p10Score}, worst ${fairness.worstScore}`
  );
}

const gapPercent = (value: number, bound: number) => (bound === 0 ? 0 : ((bound - value) / bound) * 100);

function suggestionBenchmark(seed: number, mentorCount: number, queries: number) {
  const { mentees, mentors } = generateRound(seed, queries, mentorCount, 3);
  const built = timed(() => buildPool(mentors));
  report(`pool of ${mentorCount} mentors: build (rarity, masks)`, built.ms, '', 'once per pool, reused by every query');
  const times = mentees.map((mentee) => timed(() => suggestMentors(mentee, built.value, { limit: 10 })).ms);
  const sorted = [...times].sort((a, b) => a - b);
  const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
  const coldPool = timed(() => suggestMentors(mentees[0], mentors, { limit: 10 }));
  report(
    `top 10 suggestions among ${mentorCount} mentors, ${queries} queries`,
    `p50 ${fmt(percentile(0.5), 3)} / p99 ${fmt(percentile(0.99), 3)}`,
    `max ${fmt(sorted[sorted.length - 1], 3)} ms`,
    `with the pool built per call: ${fmt(coldPool.ms, 2)} ms`,
  );
}

function bruteForceBenchmark(seed: number, instances: number) {
  const random = prng(seed);
  let agree = 0;
  let greedyBelow = 0;
  let worstGreedyRatio = 1;
  let bruteMs = 0;
  let optimalMs = 0;
  for (let n = 0; n < instances; n++) {
    const { mentees, mentors, excludedPairs } = generateRound(integer(random, 1, 1e9), integer(random, 1, 7), integer(random, 1, 4), 2);
    const brute = timed(() => bruteForceRound(mentees, mentors, { excludedPairs }));
    const optimal = timed(() => runRound(mentees, mentors, { excludedPairs }));
    const greedy = greedyRound(mentees, mentors, { excludedPairs });
    bruteMs += brute.ms;
    optimalMs += optimal.ms;
    if (brute.value.totalScore === optimal.value.totalScore) agree++;
    if (greedy.totalScore < optimal.value.totalScore) greedyBelow++;
    if (optimal.value.totalScore > 0) worstGreedyRatio = Math.min(worstGreedyRatio, greedy.totalScore / optimal.value.totalScore);
  }
  report(
    `brute force, ${instances} rounds of up to 7 x 4`,
    `${fmt(bruteMs / instances, 3)} brute / ${fmt(optimalMs / instances, 3)} optimal, each`,
    `optimal = brute force on ${agree} of ${instances}`,
    `greedy below optimum on ${greedyBelow}, worst greedy/optimal ${fmt(worstGreedyRatio, 3)}`,
  );
}

function printTable() {
  const header = ['benchmark', 'ms', 'peak RSS MiB', 'result', 'against the same instance'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((r) => console.log(line(r)));
  const memory = process.memoryUsage();
  console.log(
    `\npeak RSS ${peakRssMiB()} MiB; ` +
      `heap used now ${fmt(memory.heapUsed / 2 ** 20, 0)} MiB, array buffers ${fmt(memory.arrayBuffers / 2 ** 20, 0)} MiB; node ${process.version}`,
  );
}

console.error('matching benchmark: warming up');
const warmUp = generateRound(1, 200, 50, 4);
runRound(warmUp.mentees, warmUp.mentors);
bruteForceBenchmark(7, 300);
roundBenchmark('programme', 2026, 2_000, 500, true);
suggestionBenchmark(42, 5_000, 200);
roundBenchmark('large', 2027, 10_000, 2_000, process.env.MATCHING_BENCH_SKIP_FULL !== '1');
printTable();
