import type { EligibilityRequest } from '@mutuals/contracts';
import { checkEligibility } from './eligibility';

const newMutual: EligibilityRequest = {
  deliversPublicService: true,
  leftPublicSector: true,
  employeeInfluence: 'majority',
  sector: 'adult-social-care',
  nation: 'england',
  yearsTrading: 2,
  canMatchFund: true,
};

describe('checkEligibility', () => {
  it('finds a new English mutual with match funding eligible', () => {
    expect(checkEligibility(newMutual).outcome).toBe('eligible');
  });

  it('counts an aspiring mutual that intends to spin out', () => {
    const result = checkEligibility({ ...newMutual, leftPublicSector: false, planningToLeave: true, yearsTrading: undefined });
    expect(result.outcome).toBe('eligible');
  });

  it('says likely, with what to confirm, when match funding is not known', () => {
    const result = checkEligibility({ ...newMutual, canMatchFund: undefined });
    expect(result.outcome).toBe('likely');
    expect(result.nextSteps.join(' ')).toMatch(/match funding/);
  });

  it('says not yet for an established mutual whose contract was re-tendered, and suggests mentoring', () => {
    const result = checkEligibility({ ...newMutual, yearsTrading: 9, onOriginalContract: false });
    expect(result.outcome).toBe('not-yet');
    expect(result.nextSteps.join(' ')).toMatch(/mentoring/);
  });

  it('keeps an established mutual eligible while it is on its original contract', () => {
    expect(checkEligibility({ ...newMutual, yearsTrading: 9, onOriginalContract: true }).outcome).toBe('eligible');
  });

  it('says not yet outside England, and why', () => {
    const result = checkEligibility({ ...newMutual, nation: 'wales' });
    expect(result.outcome).toBe('not-yet');
    expect(result.reasons).toContain('The programme funds organisations based in England only.');
  });

  it('says not yet when staff have no influence', () => {
    expect(checkEligibility({ ...newMutual, employeeInfluence: 'none' }).outcome).toBe('not-yet');
  });

  it('says likely when staff have only some say', () => {
    expect(checkEligibility({ ...newMutual, employeeInfluence: 'some' }).outcome).toBe('likely');
  });
});
