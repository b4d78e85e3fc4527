import { bruteForceRound, greedyRound, runRound } from './testing/programme';
import { mentee, mentor } from './testing/candidates';
import { MATCHING_WEIGHTS } from './weights';

// Two mentors of one place each and two mentees who both score 90 with mentor A. Greedy gives
// A to mentee X (lower id) and leaves Y with B at 63 (B covers one of Y's two needs); the optimum
// swaps: X-B 80 + Y-A 90.
const mentorA = mentor({
  id: 'mentor-a',
  sectors: ['housing'],
  expertise: ['business-planning', 'hr-tupe-pensions'],
  stageReached: 'spun-out',
  region: 'london',
  capacity: 1,
});
const mentorB = mentor({
  id: 'mentor-b',
  organisationId: 'mutual-2',
  sectors: ['housing'],
  expertise: ['hr-tupe-pensions'],
  stageReached: 'spun-out',
  region: 'wales',
  capacity: 1,
});
const menteeX = mentee({ id: 'mentee-x', organisationId: 'aspiring-x', needs: ['hr-tupe-pensions'] });
const menteeY = mentee({ id: 'mentee-y', organisationId: 'aspiring-y', needs: ['business-planning', 'hr-tupe-pensions'] });
const pairsOf = (result: { proposals: { menteeId: string; mentorId: string; score: number }[] }) =>
  result.proposals.map((p) => `${p.menteeId}>${p.mentorId}:${p.score}`);

describe('runRound', () => {
  it('maximises the total score where greedy does not', () => {
    const optimal = runRound([menteeX, menteeY], [mentorA, mentorB]);
    const greedy = greedyRound([menteeX, menteeY], [mentorA, mentorB]);
    expect(pairsOf(greedy)).toEqual(['mentee-x>mentor-a:90', 'mentee-y>mentor-b:63']);
    expect(pairsOf(optimal)).toEqual(['mentee-x>mentor-b:80', 'mentee-y>mentor-a:90']);
    expect(optimal.totalScore).toBe(170);
    expect(optimal.solver).toMatchObject({ method: 'optimal', upperBound: 170 });
    expect(bruteForceRound([menteeX, menteeY], [mentorA, mentorB]).totalScore).toBe(170);
  });

  it('explains each proposal and records the weights version', () => {
    const result = runRound([menteeX], [mentorA]);
    expect(result.weightsVersion).toBe(MATCHING_WEIGHTS.version);
    expect(result.proposals[0].pinned).toBe(false);
    expect(result.proposals[0].reasons.map((r) => r.label)).toContain("Covers the mentee's one need: HR, TUPE and pensions");
  });

  it('never proposes a pair under the minimum score, and says why', () => {
    const manyNeeds = mentee({ needs: ['business-planning', 'hr-tupe-pensions', 'bid-writing', 'social-value', 'marketing-brand'] });
    const result = runRound([manyNeeds], [mentor({ id: 'weak' })]);
    expect(result.proposals).toEqual([]);
    expect(result.unmatched).toEqual([
      {
        menteeId: 'mentee-1',
        code: 'below-minimum',
        reason: `No eligible mentor with capacity left reaches the minimum score of ${MATCHING_WEIGHTS.minimumScore} (the best, weak, scores 12)`,
      },
    ]);
  });

  it('never proposes a mentor who covers none of the needs, however well the rest scores, and says why', () => {
    // Same sector, same region, the right stage: 50 points without covering the one need.
    const closeButNoHelp = mentor({
      id: 'close',
      sectors: ['housing'],
      region: 'london',
      stageReached: 'spun-out',
      expertise: ['marketing-brand'],
    });
    const result = runRound([mentee()], [closeButNoHelp, mentor({ id: 'other', organisationId: 'mutual-9' })]);
    expect(result.proposals).toEqual([]);
    expect(result.unmatched).toEqual([
      {
        menteeId: 'mentee-1',
        code: 'no-needs-covered',
        reason: "No mentor with a place covers any of the mentee's needs (none of the 2 eligible mentors with a place offers any of them)",
      },
    ]);
    expect(result.needsCoverage).toEqual({ coveredShare: 0, menteesWithNoneCovered: 1, menteesWithNeeds: 1 });
  });

  it('reports the share of stated needs the proposals cover', () => {
    const result = runRound([menteeX, menteeY], [mentorA, mentor({ ...mentorB, expertise: ['hr-tupe-pensions'] })]);
    // X-B covers X's one need; Y-A covers both of Y's: 3 of 3.
    expect(result.needsCoverage).toEqual({ coveredShare: 1, menteesWithNoneCovered: 0, menteesWithNeeds: 2 });
    const greedy = greedyRound([menteeX, menteeY], [mentorA, mentorB]);
    // X-A covers 1 of 1, Y-B covers 1 of 2.
    expect(greedy.needsCoverage).toEqual({ coveredShare: 0.667, menteesWithNoneCovered: 0, menteesWithNeeds: 2 });
  });

  it('says when no mentor is eligible at all', () => {
    const colleague = mentor({ organisationId: 'aspiring-1' });
    const declined = mentor({ id: 'declined', organisationId: 'mutual-7' });
    const { unmatched } = runRound([mentee()], [colleague, declined, mentor({ id: 'mentee-1', organisationId: 'x' })], {
      excludedPairs: [{ menteeId: 'mentee-1', mentorId: 'declined' }],
    });
    expect(unmatched).toEqual([
      {
        menteeId: 'mentee-1',
        code: 'no-eligible-mentor',
        reason: 'No eligible mentor: every mentor is the mentee themself, from the same organisation, or a pair already declined or closed',
      },
    ]);
  });

  it('says when every eligible mentor is full', () => {
    const full = [mentor({ ...mentorA, activeMentorships: 1 }), mentor({ ...mentorB, capacity: 2, activeMentorships: 3 })];
    expect(runRound([menteeX], full).unmatched[0]).toMatchObject({
      code: 'no-capacity',
      reason: 'No eligible mentor with capacity left (all 2 eligible mentors are full)',
    });
  });

  it('says when the eligible mentors went to mentees with a higher combined score', () => {
    const rival = mentee({ ...menteeY, id: 'mentee-z', organisationId: 'aspiring-z' });
    const { unmatched } = runRound([menteeX, menteeY, rival], [mentorA, mentorB]);
    expect(unmatched).toEqual([
      {
        menteeId: 'mentee-z',
        code: 'outscored',
        reason:
          'All 2 eligible mentors scoring 30 or more were assigned to mentees with a higher combined score (the best, mentor-a, scores 90)',
      },
    ]);
    expect(greedyRound([menteeY, rival], [mentorA]).unmatched[0].reason).toBe(
      'The one eligible mentor scoring 30 or more was filled first by higher-scoring pairs (the best, mentor-a, scores 90)',
    );
  });

  it('keeps pinned pairs, even weak ones, and counts them against capacity', () => {
    const result = runRound([menteeX, menteeY], [mentorA, mentorB], { pinned: [{ menteeId: 'mentee-x', mentorId: 'mentor-a' }] });
    expect(pairsOf(result)).toEqual(['mentee-x>mentor-a:90', 'mentee-y>mentor-b:63']);
    expect(result.proposals.map((p) => p.pinned)).toEqual([true, false]);

    const weak = runRound([mentee()], [mentor()], { pinned: [{ menteeId: 'mentee-1', mentorId: 'mentor-1' }] });
    expect(pairsOf(weak)).toEqual(['mentee-1>mentor-1:5']);
  });

  it('refuses pins that cannot hold', () => {
    const pin = (menteeId: string, mentorId: string) => ({ menteeId, mentorId });
    expect(() => runRound([menteeX, menteeY], [mentorA], { pinned: [pin('mentee-x', 'mentor-a'), pin('mentee-y', 'mentor-a')] })).toThrow(
      'pinned pairs take mentor mentor-a over capacity',
    );
    expect(() =>
      runRound([menteeX], [mentorA], { pinned: [pin('mentee-x', 'mentor-a')], excludedPairs: [pin('mentee-x', 'mentor-a')] }),
    ).toThrow(/is excluded/);
    expect(() => runRound([menteeX], [mentorA], { pinned: [pin('nobody', 'mentor-a')] })).toThrow(
      'pinned mentee nobody is not in the round',
    );
  });

  it('never proposes an excluded pair', () => {
    const result = runRound([menteeX, menteeY], [mentorA, mentorB], { excludedPairs: [{ menteeId: 'mentee-y', mentorId: 'mentor-a' }] });
    expect(pairsOf(result)).toEqual(['mentee-x>mentor-a:90', 'mentee-y>mentor-b:63']);
  });

  it('gives the same round whatever the order of its inputs', () => {
    const mentors = [mentorA, mentorB, mentor({ ...mentorB, id: 'mentor-c', organisationId: 'mutual-3' })];
    const mentees = [menteeX, menteeY, mentee({ ...menteeX, id: 'mentee-w' }), mentee({ ...menteeY, id: 'mentee-v' })];
    expect(runRound([...mentees].reverse(), [...mentors].reverse())).toEqual(runRound(mentees, mentors));
    expect(greedyRound([...mentees].reverse(), [...mentors].reverse())).toEqual(greedyRound(mentees, mentors));
  });

  it('reports fairness overall, by sector and by region', () => {
    const libraries = mentee({ id: 'mentee-l', sectors: ['libraries', 'housing'], region: null, needs: ['astrology'] });
    const { fairness } = runRound([menteeX, menteeY, libraries], [mentorA, mentorB]);
    expect(fairness).toMatchObject({ worstScore: 80, p10Score: 80, meanScore: 85, matchRate: 0.667 });
    expect(fairness.bySector).toEqual([
      { sector: 'libraries', name: 'Libraries and archives', matched: 0, total: 1, meanScore: null },
      { sector: 'housing', name: 'Housing', matched: 2, total: 3, meanScore: 85 },
    ]);
    expect(fairness.byRegion).toEqual([
      { region: 'london', name: 'London', matched: 2, total: 2, meanScore: 85 },
      { region: null, name: 'Region not given', matched: 0, total: 1, meanScore: null },
    ]);
  });

  it('handles an empty round', () => {
    const result = runRound([], []);
    expect(result).toMatchObject({ proposals: [], totalScore: 0, unmatched: [], fairness: { worstScore: null, matchRate: 0 } });
  });
});

describe('bruteForceRound', () => {
  it('refuses rounds too large to enumerate', () => {
    const mentees = Array.from({ length: 12 }, (_, i) => mentee({ ...menteeX, id: `m-${i}`, organisationId: `o-${i}` }));
    const mentors = Array.from({ length: 6 }, (_, i) => mentor({ ...mentorA, id: `t-${i}`, organisationId: `p-${i}` }));
    expect(() => bruteForceRound(mentees, mentors)).toThrow(/brute force would try/);
  });
});
