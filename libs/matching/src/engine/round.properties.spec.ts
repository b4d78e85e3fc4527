import fc from 'fast-check';
import { solveAssignment } from './assignment';
import { buildPool, scorePair } from './testing/programme';
import { bruteForceRound, greedyRound, runRound } from './testing/programme';
import type { RoundOptions } from './round-instance';
import type { RoundResult } from './round-result';
import { suggestMentors } from './testing/programme';
import type { MenteeCandidate, MentorCandidate, PairRef, PairScore } from './types';
import { REGION_SLUGS, SECTOR_SLUGS, STAGE_SLUGS, SUPPORT_AREA_SLUGS } from '@mutuals/profiles';

// Small vocabularies make overlaps, ties, shared organisations and full mentors common.
const sectors = fc.subarray(['community-health', 'adult-social-care', 'public-health', 'housing', 'libraries'], { maxLength: 2 });
const areas = fc.subarray(SUPPORT_AREA_SLUGS.slice(0, 6), { maxLength: 4 });
const stage = fc.constantFrom(...STAGE_SLUGS);
const region = fc.option(fc.constantFrom('london', 'south-east', 'wales', 'scotland'), { nil: null });
const organisation = fc.option(fc.constantFrom('org-1', 'org-2', 'org-3', 'org-4', 'org-5', 'org-6'), { nil: null });

const menteeArb = (id: string): fc.Arbitrary<MenteeCandidate> =>
  fc.record({ id: fc.constant(id), organisationId: organisation, sectors, needs: areas, stage, region });

const mentorArb = (id: string): fc.Arbitrary<MentorCandidate> =>
  fc.record({
    id: fc.constant(id),
    organisationId: organisation,
    sectors,
    expertise: areas,
    stageReached: stage,
    region,
    capacity: fc.integer({ min: 0, max: 3 }),
    activeMentorships: fc.integer({ min: 0, max: 2 }),
  });

interface Round {
  mentees: MenteeCandidate[];
  mentors: MentorCandidate[];
  options: RoundOptions;
}

/** A random round: some declined pairs, a few pins (kept only when they can hold), a minimum score. */
function roundArb(maxMentees: number, maxMentors: number): fc.Arbitrary<Round> {
  return fc
    .tuple(fc.integer({ min: 0, max: maxMentees }), fc.integer({ min: 0, max: maxMentors }))
    .chain(([menteeCount, mentorCount]) =>
      fc.record({
        // Ids are shared across sides so that a mentee is sometimes also a mentor (self-pairs).
        mentees: fc.tuple(...Array.from({ length: menteeCount }, (_, i) => menteeArb(`u${i}`))),
        mentors: fc.tuple(
          ...Array.from({ length: mentorCount }, (_, i) =>
            mentorArb(`u${(i * 3 + 1) % 7}-${i}`).map((m) => (i === 0 ? { ...m, id: 'u0' } : m)),
          ),
        ),
        excluded: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
        pins: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
        minimumScore: fc.constantFrom(undefined, 0, 20, 50),
      }),
    )
    .map(({ mentees, mentors, excluded, pins, minimumScore }) => {
      const pick = <T>(items: T[], n: number) => items[n % items.length];
      const excludedPairs: PairRef[] =
        mentees.length && mentors.length
          ? excluded.map(([a, b]) => ({ menteeId: pick(mentees, a).id, mentorId: pick(mentors, b).id }))
          : [];
      const pinned: PairRef[] = [];
      const placesTaken = new Map<string, number>();
      for (const [a, b] of mentees.length && mentors.length ? pins : []) {
        const pinnedMentee = pick(mentees, a);
        const pinnedMentor = pick(mentors, b);
        const taken = placesTaken.get(pinnedMentor.id) ?? 0;
        const canHold =
          !pinned.some((p) => p.menteeId === pinnedMentee.id) &&
          taken < pinnedMentor.capacity - pinnedMentor.activeMentorships &&
          scorePair(pinnedMentee, pinnedMentor, mentors, excludedPairs) !== null;
        if (!canHold) continue;
        placesTaken.set(pinnedMentor.id, taken + 1);
        pinned.push({ menteeId: pinnedMentee.id, mentorId: pinnedMentor.id });
      }
      return { mentees, mentors, options: { excludedPairs, pinned, minimumScore } };
    });
}

function checkFeasible(round: Round, result: RoundResult): void {
  const mentorById = new Map(round.mentors.map((m) => [m.id, m]));
  const menteeById = new Map(round.mentees.map((m) => [m.id, m]));
  const minimum = result.minimumScore;
  const menteesSeen = new Set<string>();
  const placesUsed = new Map<string, number>();
  for (const proposal of result.proposals) {
    expect(menteesSeen.has(proposal.menteeId)).toBe(false);
    menteesSeen.add(proposal.menteeId);
    placesUsed.set(proposal.mentorId, (placesUsed.get(proposal.mentorId) ?? 0) + 1);
    const theMentor = mentorById.get(proposal.mentorId)!;
    const theMentee = menteeById.get(proposal.menteeId)!;
    // Eligible, scored as scorePair would, never under the minimum unless pinned.
    expect(scorePair(theMentee, theMentor, round.mentors, round.options.excludedPairs)).toEqual(
      (({ pinned: _pinned, ...pair }) => pair)(proposal),
    );
    if (!proposal.pinned) expect(proposal.score).toBeGreaterThanOrEqual(Math.max(1, minimum));
    expect(proposal.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(proposal.score);
  }
  for (const [mentorId, used] of placesUsed) {
    const theMentor = mentorById.get(mentorId)!;
    expect(used).toBeLessThanOrEqual(Math.max(0, theMentor.capacity - theMentor.activeMentorships));
  }
  expect(result.totalScore).toBe(result.proposals.reduce((sum, p) => sum + p.score, 0));
  expect(result.unmatched.length + result.proposals.length).toBe(round.mentees.length);
  for (const pin of round.options.pinned ?? []) {
    expect(result.proposals).toContainEqual(expect.objectContaining({ ...pin, pinned: true }));
  }
}

describe('round properties', () => {
  it('never puts a mentor over capacity or a mentee twice, and keeps every pinned pair', () => {
    fc.assert(
      fc.property(roundArb(8, 5), (round) => {
        checkFeasible(round, runRound(round.mentees, round.mentors, round.options));
        checkFeasible(round, greedyRound(round.mentees, round.mentors, round.options));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same total as brute force on small rounds', () => {
    fc.assert(
      fc.property(roundArb(6, 4), (round) => {
        const optimal = runRound(round.mentees, round.mentors, round.options);
        const brute = bruteForceRound(round.mentees, round.mentors, round.options);
        checkFeasible(round, brute);
        expect(optimal.totalScore).toBe(brute.totalScore);
        expect(optimal.solver.upperBound).toBe(optimal.totalScore);
      }),
      { numRuns: 500 },
    );
  });

  it('is never below greedy', () => {
    fc.assert(
      fc.property(roundArb(12, 6), (round) => {
        const optimal = runRound(round.mentees, round.mentors, round.options);
        expect(optimal.totalScore).toBeGreaterThanOrEqual(greedyRound(round.mentees, round.mentors, round.options).totalScore);
      }),
      { numRuns: 300 },
    );
  });

  it('is optimal over all pairs however few candidates per mentee the first solve takes', () => {
    fc.assert(
      fc.property(roundArb(30, 8), fc.integer({ min: 1, max: 4 }), (round, candidatesPerMentee) => {
        const full = runRound(round.mentees, round.mentors, { ...round.options, candidatesPerMentee: Infinity });
        const pruned = runRound(round.mentees, round.mentors, { ...round.options, candidatesPerMentee });
        expect(pruned.totalScore).toBe(full.totalScore);
        expect(pruned.solver.upperBound).toBe(full.totalScore);
      }),
      { numRuns: 200 },
    );
  });

  it("never proposes a mentor who covers none of the mentee's stated needs, unless the coordinator pinned the pair", () => {
    fc.assert(
      fc.property(roundArb(6, 4), (round) => {
        const menteeById = new Map(round.mentees.map((m) => [m.id, m]));
        for (const method of [runRound, greedyRound, bruteForceRound]) {
          const result = method(round.mentees, round.mentors, round.options);
          for (const proposal of result.proposals) {
            if (!proposal.pinned) expect(coversANeed(menteeById.get(proposal.menteeId)!, proposal)).toBe(true);
          }
          const withNone = round.mentees.filter(
            (m) => new Set(m.needs).size > 0 && !result.proposals.some((p) => p.menteeId === m.id && coversANeed(m, p)),
          );
          expect(result.needsCoverage.menteesWithNoneCovered).toBe(withNone.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('suggests the mentors with a free place in score order, scored as scorePair does', () => {
    fc.assert(
      fc.property(roundArb(1, 8), (round) => {
        fc.pre(round.mentees.length === 1);
        const [theMentee] = round.mentees;
        const pool = buildPool(round.mentors);
        const suggestions = suggestMentors(theMentee, pool, { limit: 3, minimumScore: 0, excludedPairs: round.options.excludedPairs });
        const expected = round.mentors
          .filter((m) => m.capacity - m.activeMentorships > 0)
          .map((m) => scorePair(theMentee, m, pool, round.options.excludedPairs))
          .filter((pair) => pair !== null && pair.score > 0 && coversANeed(theMentee, pair))
          .sort((a, b) => b!.score - a!.score || (a!.mentorId < b!.mentorId ? -1 : 1))
          .slice(0, 3);
        expect(suggestions).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

function coversANeed(mentee: MenteeCandidate, pair: PairScore): boolean {
  const needs = new Set(mentee.needs).size;
  return needs === 0 || pair.uncoveredNeeds.length < needs;
}

describe('solveAssignment', () => {
  /** Random weights for rows in groups (a mentor's places) and columns (mentees); 0 means no edge. */
  const problemArb = fc
    .tuple(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 5 }))
    .chain(([places, columnCount]) =>
      fc.tuple(
        fc.constant(places),
        fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: columnCount, maxLength: columnCount }), {
          minLength: places.length,
          maxLength: places.length,
        }),
      ),
    );

  it('matches exhaustive search and proves its total with its prices', () => {
    fc.assert(
      fc.property(problemArb, ([places, weights]) => {
        const columnCount = weights[0].length;
        const groupStart = [0];
        const column: number[] = [];
        const weight: number[] = [];
        weights.forEach((row) => {
          row.forEach((w, c) => {
            if (w > 0) {
              column.push(c);
              weight.push(w);
            }
          });
          groupStart.push(column.length);
        });
        const groupOfRow = places.flatMap((n, g) => Array<number>(n).fill(g));
        const solution = solveAssignment({
          columnCount,
          groupOfRow: Int32Array.from(groupOfRow),
          groupStart: Int32Array.from(groupStart),
          column: Int32Array.from(column),
          weight: Int32Array.from(weight),
        });

        // Exhaustive: each column to no group or to a group with a place left.
        const best = (c: number, left: number[]): number =>
          c === columnCount
            ? 0
            : Math.max(
                best(c + 1, left),
                ...left.map((n, g) =>
                  n > 0 && weights[g][c] > 0
                    ? weights[g][c] +
                      best(
                        c + 1,
                        left.map((m, h) => (h === g ? m - 1 : m)),
                      )
                    : 0,
                ),
              );
        expect(solution.total).toBe(best(0, places));

        const { rowPrice, columnPrice } = solution;
        expect([...rowPrice, ...columnPrice].every((p) => p >= 0)).toBe(true);
        groupOfRow.forEach((g, r) => {
          weights[g].forEach((w, c) => {
            if (w > 0) expect(rowPrice[r] + columnPrice[c]).toBeGreaterThanOrEqual(w);
          });
        });
        const dual = rowPrice.reduce((a, b) => a + b, 0) + columnPrice.reduce((a, b) => a + b, 0);
        expect(dual).toBe(solution.total);
      }),
      { numRuns: 500 },
    );
  });
});

// The generators above only use part of the taxonomy; keep the names checked against it.
test('uses taxonomy slugs', () => {
  expect(SECTOR_SLUGS).toEqual(expect.arrayContaining(['community-health', 'adult-social-care', 'public-health', 'housing', 'libraries']));
  expect(REGION_SLUGS).toEqual(expect.arrayContaining(['london', 'south-east', 'wales', 'scotland']));
});
