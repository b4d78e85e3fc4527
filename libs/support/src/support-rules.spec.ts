import { SUPPORT_APPLICATION_STATUSES, SUPPORT_TRANSITIONS } from '@mutuals/contracts';
import { allocationCost, checkMove, missingFields, movesFrom, rubricVerdict, validDays } from './support-rules';

describe('support rules', () => {
  it('lets only the actor of each move make it, and only from its states', () => {
    for (const transition of SUPPORT_TRANSITIONS) {
      for (const status of SUPPORT_APPLICATION_STATUSES) {
        for (const actor of ['applicant', 'coordinator', 'adviser'] as const) {
          const check = checkMove(transition.move, status, actor);
          expect(check.ok).toBe(actor === transition.by && transition.from.includes(status));
        }
      }
    }
  });

  it('says whether the actor or the state refused', () => {
    expect(checkMove('approve', 'submitted', 'applicant')).toMatchObject({ ok: false, reason: 'wrong-actor' });
    expect(checkMove('complete', 'declined', 'adviser')).toMatchObject({ ok: false, reason: 'wrong-state' });
  });

  it('leaves nothing after closed or declined', () => {
    for (const actor of ['applicant', 'coordinator', 'adviser'] as const) {
      expect(movesFrom('closed', actor)).toEqual([]);
      expect(movesFrom('declined', actor)).toEqual([]);
    }
    expect(movesFrom('submitted', 'coordinator').sort()).toEqual(['approve', 'decline', 'request-information']);
  });

  it('approves only a full rubric with no criterion unmet', () => {
    const full = {
      eligibility: { score: 3 as const, note: '' },
      readiness: { score: 2 as const, note: '' },
      growth: { score: 1 as const, note: '' },
      matchFunding: { score: 2 as const, note: '' },
    };
    expect(rubricVerdict(full)).toEqual({ total: 8, approvable: true, missing: [], unmet: [] });
    expect(rubricVerdict({ ...full, growth: { score: 0, note: 'no case' } })).toMatchObject({ approvable: false, unmet: ['growth'] });
    expect(rubricVerdict({ eligibility: full.eligibility })).toMatchObject({
      approvable: false,
      missing: ['readiness', 'growth', 'matchFunding'],
    });
    expect(rubricVerdict(null).approvable).toBe(false);
  });

  it('prices an allocation per area at the day rate', () => {
    expect(
      allocationCost(
        [
          { area: 'a', days: 2.5 },
          { area: 'b', days: 3 },
        ],
        65_000,
      ),
    ).toBe(357_500);
    expect(validDays(0.5)).toBe(true);
    expect(validDays(0.3)).toBe(false);
    expect(validDays(61)).toBe(false);
  });

  it('names every empty field of a submission', () => {
    const fields = missingFields({
      areas: [],
      need: ' ',
      outcome: '',
      by_when: null,
      growth_case: '',
      match_funding_pence: 0,
      eligibility: null,
    });
    expect(fields.map((f) => f.field)).toEqual(['areas', 'need', 'outcome', 'byWhen', 'growthCase', 'matchFundingPence', 'eligibility']);
  });
});
