import { performance } from 'node:perf_hooks';
import { buildPool, scorePair } from './testing/programme';
import { suggestMentors } from './testing/programme';
import { mentee, mentor } from './testing/candidates';
import { SECTOR_SLUGS, STAGE_SLUGS, SUPPORT_AREA_SLUGS, REGION_SLUGS } from '@mutuals/profiles';

const strong = { sectors: ['housing'], expertise: ['business-planning'], stageReached: 'spun-out', region: 'london' };

describe('suggestMentors', () => {
  it('puts the best mentor first, with its reasons', () => {
    const mentors = [
      mentor({ id: 'weak', ...strong, sectors: ['libraries'] }),
      mentor({ id: 'best', ...strong }),
      mentor({ id: 'middle', ...strong, region: 'south-east' }),
    ];
    const suggestions = suggestMentors(mentee(), mentors, { minimumScore: 0 });
    expect(suggestions.map((s) => s.mentorId)).toEqual(['best', 'middle', 'weak']);
    expect(suggestions[0].reasons.find((r) => r.factor === 'sector')?.label).toBe('Same sector: Housing');
  });

  it('breaks ties by mentor id whatever the order of the pool', () => {
    const twins = ['m-c', 'm-a', 'm-b'].map((id) => mentor({ id, ...strong }));
    expect(suggestMentors(mentee(), twins).map((s) => s.mentorId)).toEqual(['m-a', 'm-b', 'm-c']);
    expect(suggestMentors(mentee(), [...twins].reverse()).map((s) => s.mentorId)).toEqual(['m-a', 'm-b', 'm-c']);
  });

  it('leaves out mentors with no free place', () => {
    const mentors = [mentor({ id: 'full', ...strong, capacity: 2, activeMentorships: 2 }), mentor({ id: 'free', ...strong })];
    expect(suggestMentors(mentee(), mentors).map((s) => s.mentorId)).toEqual(['free']);
  });

  it('leaves out excluded pairs, the mentee themself and their own organisation', () => {
    const mentors = [
      mentor({ id: 'declined', ...strong }),
      mentor({ id: 'mentee-1', ...strong }),
      mentor({ id: 'colleague', ...strong, organisationId: 'aspiring-1' }),
      mentor({ id: 'ok', ...strong }),
    ];
    const excludedPairs = [{ menteeId: 'mentee-1', mentorId: 'declined' }];
    expect(suggestMentors(mentee(), mentors, { excludedPairs }).map((s) => s.mentorId)).toEqual(['ok']);
  });

  it('returns at most the limit, and nothing under the minimum score', () => {
    const mentors = Array.from({ length: 30 }, (_, i) => mentor({ id: `m-${String(i).padStart(2, '0')}`, ...strong }));
    expect(suggestMentors(mentee(), mentors, { limit: 5 })).toHaveLength(5);
    const manyNeeds = mentee({ needs: ['business-planning', 'hr-tupe-pensions', 'bid-writing', 'social-value', 'marketing-brand'] });
    expect(suggestMentors(manyNeeds, [mentor()])).toEqual([]);
    expect(suggestMentors(manyNeeds, [mentor()], { minimumScore: 0 })).toHaveLength(1);
  });

  it('never suggests a mentor who covers none of the needs, whatever the minimum', () => {
    const closeButNoHelp = mentor({ sectors: ['housing'], region: 'london', stageReached: 'spun-out', expertise: ['marketing-brand'] });
    expect(suggestMentors(mentee(), [closeButNoHelp], { minimumScore: 0 })).toEqual([]);
    // A mentee who stated no needs is matched on the rest.
    expect(suggestMentors(mentee({ needs: [] }), [closeButNoHelp])).toHaveLength(1);
  });

  it('scores each suggestion exactly as scorePair does', () => {
    const mentors = generateMentors(300);
    const pool = buildPool(mentors);
    const theMentee = mentee({ sectors: ['community-health'], needs: ['hr-tupe-pensions', 'contract-retender'], stage: 'exploring' });
    for (const suggestion of suggestMentors(theMentee, pool, { limit: 50, minimumScore: 0 })) {
      const mentorOfSuggestion = mentors.find((m) => m.id === suggestion.mentorId)!;
      expect(scorePair(theMentee, mentorOfSuggestion, pool)).toEqual(suggestion);
    }
  });

  it('answers within 20 ms for one mentee among 5,000 mentors', () => {
    const pool = buildPool(generateMentors(5000));
    const times = Array.from({ length: 21 }, (_, i) => {
      const start = performance.now();
      suggestMentors(mentee({ id: `q-${i}`, needs: ['business-planning', 'bid-writing'] }), pool);
      return performance.now() - start;
    });
    expect(times.sort((a, b) => a - b)[10]).toBeLessThan(20);
  });
});

/** Deterministic variety without a random generator: cycle through the taxonomy at different strides. */
function generateMentors(count: number) {
  return Array.from({ length: count }, (_, i) =>
    mentor({
      id: `gen-${String(i).padStart(5, '0')}`,
      organisationId: `mutual-${Math.floor(i / 2)}`,
      sectors: [SECTOR_SLUGS[i % SECTOR_SLUGS.length]],
      expertise: [0, 1, 2].map((k) => SUPPORT_AREA_SLUGS[(i * (k + 3) + k) % SUPPORT_AREA_SLUGS.length]),
      stageReached: STAGE_SLUGS[3 + (i % 4)],
      region: REGION_SLUGS[(i * 5) % REGION_SLUGS.length],
      capacity: 1 + (i % 3),
      activeMentorships: i % 4 === 0 ? 1 : 0,
    }),
  );
}
