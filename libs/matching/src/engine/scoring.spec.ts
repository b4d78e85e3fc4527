import { SCORING_TAXONOMY } from '@mutuals/profiles';
import { createMatchingContext } from './context';
import { buildPool, scorePair } from './testing/programme';
import { mentee, mentor } from './testing/candidates';
import type { MenteeCandidate, MentorCandidate, PairScore } from './types';
import { describeWeights, MATCHING_WEIGHTS, type Factor } from './weights';

/** Scores a pair in a pool of just that mentor, where no expertise is rare. */
function score(menteeOverrides: Partial<MenteeCandidate>, mentorOverrides: Partial<MentorCandidate>): PairScore {
  const theMentor = mentor(mentorOverrides);
  const pair = scorePair(mentee(menteeOverrides), theMentor, [theMentor]);
  if (!pair) throw new Error('expected the pair to be eligible');
  return pair;
}

function reason(pair: PairScore, factor: Factor) {
  const found = pair.reasons.find((r) => r.factor === factor);
  if (!found) throw new Error(`no ${factor} reason`);
  return found;
}

const points = MATCHING_WEIGHTS.points;

describe('scorePair', () => {
  it('gives full sector points for a shared sector, named from the taxonomy', () => {
    const sector = reason(score({ sectors: ['adult-social-care'] }, { sectors: ['adult-social-care', 'housing'] }), 'sector');
    expect(sector).toEqual({ factor: 'sector', label: 'Same sector: Adult social care', points: points.sector });
  });

  it('gives partial credit for an adjacent sector', () => {
    const sector = reason(score({ sectors: ['adult-social-care'] }, { sectors: ['community-health'] }), 'sector');
    expect(sector.points).toBe(Math.round(points.sector * MATCHING_WEIGHTS.adjacentSectorShare));
    expect(sector.points).toBeGreaterThan(0);
    expect(sector.label).toBe("Neighbouring sector: the mentor's Community health experience is close to Adult social care");
  });

  it('gives no sector points for unrelated sectors', () => {
    expect(reason(score({ sectors: ['housing'] }, { sectors: ['libraries'] }), 'sector')).toMatchObject({
      points: 0,
      label: 'No shared or neighbouring sector',
    });
  });

  it('reports which needs are covered and which stay uncovered, by name', () => {
    const pair = score(
      { needs: ['business-planning', 'hr-tupe-pensions', 'financial-modelling', 'marketing-brand'] },
      { expertise: ['hr-tupe-pensions', 'business-planning', 'financial-modelling', 'social-value'] },
    );
    expect(reason(pair, 'needs')).toEqual({
      factor: 'needs',
      label: 'Covers 3 of 4 needs: Business planning; Financial modelling; HR, TUPE and pensions (not Marketing and brand)',
      points: Math.round((points.needs * 3) / 4),
    });
    expect(pair.uncoveredNeeds).toEqual(['marketing-brand']);
  });

  it('gives full needs points when every need is covered and none when none is', () => {
    expect(reason(score({ needs: ['legal-governance'] }, { expertise: ['legal-governance'] }), 'needs')).toMatchObject({
      points: points.needs,
      label: "Covers the mentee's one need: Legal form and governance",
    });
    expect(reason(score({ needs: ['legal-governance', 'bid-writing'] }, { expertise: [] }), 'needs')).toMatchObject({
      points: 0,
      label: "Covers none of the mentee's 2 needs",
    });
  });

  it('counts a need outside the taxonomy as uncovered', () => {
    const pair = score({ needs: ['business-planning', 'astrology'] }, { expertise: ['business-planning', 'astrology'] });
    expect(reason(pair, 'needs').points).toBe(Math.round(points.needs / 2));
    expect(pair.uncoveredNeeds).toEqual(['astrology']);
  });

  it.each([
    ['one', 'mobilisation'],
    ['two', 'spun-out'],
    ['three', 'trading'],
  ])('gives full stage points to a mentor %s stage(s) further along', (_, stageReached) => {
    expect(reason(score({ stage: 'business-case' }, { stageReached }), 'stage').points).toBe(points.stage);
  });

  it('gives partial stage credit to a mentor more than three stages ahead', () => {
    const stage = reason(score({ stage: 'exploring' }, { stageReached: 'growing' }), 'stage');
    expect(stage.points).toBe(Math.round(points.stage * MATCHING_WEIGHTS.farAheadShare));
    expect(stage.label).toBe('6 stages further along, more than 3 ahead (mentor at Growing, mentee at Exploring)');
  });

  it('gives no stage points to a mentor at the same stage or behind', () => {
    expect(reason(score({ stage: 'mobilisation' }, { stageReached: 'mobilisation' }), 'stage').points).toBe(0);
    expect(reason(score({ stage: 'mobilisation' }, { stageReached: 'exploring' }), 'stage')).toMatchObject({
      points: 0,
      label: 'Not further along the journey (mentor at Exploring, mentee at Mobilisation)',
    });
  });

  it('gives full region points for the same region and partial for the same nation', () => {
    expect(reason(score({ region: 'london' }, { region: 'london' }), 'region')).toMatchObject({
      points: points.region,
      label: 'Same region: London',
    });
    expect(reason(score({ region: 'london' }, { region: 'north-east' }), 'region')).toMatchObject({
      points: Math.round(points.region * MATCHING_WEIGHTS.sameNationShare),
      label: 'Same nation: England (mentor in North East, mentee in London)',
    });
    expect(reason(score({ region: 'london' }, { region: 'scotland' }), 'region').points).toBe(0);
    expect(reason(score({ region: null }, { region: 'london' }), 'region').points).toBe(0);
  });

  it('adds a rarity bonus for a covered need that few mentors in the pool offer', () => {
    const expert = mentor({ id: 'expert', expertise: ['contract-retender', 'business-planning'] });
    const others = Array.from({ length: 19 }, (_, i) => mentor({ id: `other-${i}`, expertise: ['business-planning'] }));
    const pool = buildPool([expert, ...others]);
    const needsRare = scorePair(mentee({ needs: ['contract-retender'] }), expert, pool);
    const needsCommon = scorePair(mentee({ needs: ['business-planning'] }), expert, pool);
    expect(needsRare && reason(needsRare, 'rarity')).toEqual({
      factor: 'rarity',
      label: 'Offers Contract re-tender, which only 5% of mentors offer',
      points: points.rarity,
    });
    expect(needsCommon && reason(needsCommon, 'rarity').points).toBe(0);
  });

  it('gives less load credit as a mentor has fewer free places', () => {
    const load = (activeMentorships: number) => reason(score({}, { capacity: 4, activeMentorships }), 'load').points;
    expect([0, 1, 2, 3, 4].map(load)).toEqual([5, 4, 3, 1, 0]);
    expect(reason(score({}, { capacity: 3, activeMentorships: 1 }), 'load').label).toBe('2 of 3 mentoring places free');
  });

  it('lists every factor once, and the reasons add up to the score', () => {
    const pair = score(
      { sectors: ['youth-services'], needs: ['board-leadership', 'bid-writing'], stage: 'exploring', region: 'wales' },
      { sectors: ['education'], expertise: ['board-leadership'], stageReached: 'business-case', region: 'wales' },
    );
    expect(pair.reasons.map((r) => r.factor).sort()).toEqual(['load', 'needs', 'rarity', 'region', 'sector', 'stage']);
    expect(pair.score).toBe(pair.reasons.reduce((sum, r) => sum + r.points, 0));
    expect(pair.score).toBe(18 + 13 + 15 + 10 + 0 + 5);
  });

  it('never scores a mentee with themself, their own organisation, or an excluded pair', () => {
    const theMentee = mentee({ id: 'user-7', organisationId: 'org-a' });
    const pool = [mentor()];
    expect(scorePair(theMentee, mentor({ id: 'user-7' }), pool)).toBeNull();
    expect(scorePair(theMentee, mentor({ organisationId: 'org-a' }), pool)).toBeNull();
    expect(scorePair(theMentee, mentor({ id: 'm-9' }), pool, [{ menteeId: 'user-7', mentorId: 'm-9' }])).toBeNull();
    expect(scorePair(mentee({ organisationId: null }), mentor({ organisationId: null }), pool)).not.toBeNull();
  });
});

describe('MATCHING_WEIGHTS', () => {
  it('is versioned and its factor points add up to 100', () => {
    expect(MATCHING_WEIGHTS.version).toMatch(/^\d{4}-\d{2}\.\d+$/);
    expect(Object.values(MATCHING_WEIGHTS.points).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('is described factor by factor for coordinators', () => {
    const described = describeWeights();
    expect(described.map((d) => d.factor)).toEqual(['needs', 'sector', 'stage', 'region', 'rarity', 'load']);
    expect(described.reduce((sum, d) => sum + d.maxPoints, 0)).toBe(100);
    expect(described.find((d) => d.factor === 'sector')?.description).toContain('13 for a neighbouring one');
  });

  it('refuses weights that would not add up to 100', () => {
    const weights = { ...MATCHING_WEIGHTS, points: { ...MATCHING_WEIGHTS.points, load: 15 } };
    expect(() => createMatchingContext(SCORING_TAXONOMY, weights)).toThrow(/add up to 100 \(got 110\)/);
  });
});
