import fc from 'fast-check';
import { REGION_SLUGS, SCORING_TAXONOMY, SECTOR_SLUGS } from '@mutuals/profiles';
import { CAPABILITIES, CAPABILITY_SLUGS } from '../partnerships-taxonomy';
import { byFit, FIT_WEIGHTS, PartnershipFit, type FitCandidate, type FitOpportunity } from './fit';

const fit = new PartnershipFit(SCORING_TAXONOMY, CAPABILITIES);

/** A VCSE wellbeing network in the North West: public health, four capabilities. */
const network: FitCandidate = {
  sectors: ['public-health'],
  regions: ['north-west'],
  capabilities: ['social-prescribing', 'community-outreach', 'volunteering', 'peer-support'],
};

/**
 * Ten published profiles: social prescribing offered by 1 (10%: the full rarity bonus), peer
 * support by 2 (20%: 7 of 10), volunteering by 5 and outreach by all 10 (common: none).
 */
const pool: string[][] = Array.from({ length: 10 }, (_, i) => [
  'community-outreach',
  ...(i < 5 ? ['volunteering'] : []),
  ...(i < 2 ? ['peer-support'] : []),
  ...(i === 0 ? ['social-prescribing'] : []),
]);
const rarity = fit.rarity(pool);

const opportunities: Record<'A' | 'B' | 'C' | 'D', FitOpportunity> = {
  // Same sector and region, both capabilities, one of them rare: 45 + 25 + 20 + 10.
  A: { sector: 'public-health', region: 'north-west', capabilitiesSought: ['social-prescribing', 'community-outreach'] },
  // A neighbouring sector (13), the same nation (8), half the capabilities (23), peer support's rarity (7).
  B: { sector: 'community-health', region: 'yorkshire-humber', capabilitiesSought: ['peer-support', 'advice-advocacy'] },
  // Unrelated sector (0), same region (20), two of three common capabilities (30), no rarity.
  C: { sector: 'sport-leisure', region: 'north-west', capabilitiesSought: ['physical-activity', 'volunteering', 'community-outreach'] },
  // Nothing but the nation: 8.
  D: { sector: 'housing', region: 'london', capabilitiesSought: ['housing-support'] },
};

describe('partnership fit', () => {
  it('ranks fixtures in the order worked out by hand, with the points of each factor', () => {
    const scored = Object.entries(opportunities).map(([id, opportunity]) => ({
      id,
      deadline: '2027-01-01',
      fit: fit.score(opportunity, network, rarity),
    }));
    const points = Object.fromEntries(scored.map((s) => [s.id, s.fit.reasons.map((r) => r.points)]));
    expect(points).toEqual({ A: [45, 25, 20, 10], B: [23, 13, 8, 7], C: [30, 0, 20, 0], D: [0, 0, 8, 0] });
    expect(scored.sort(byFit).map((s) => `${s.id}:${s.fit.score}`)).toEqual(['A:100', 'B:51', 'C:50', 'D:8']);
  });

  it('names every reason in words, from the engine’s scoring pieces', () => {
    const { reasons, uncoveredCapabilities } = fit.score(opportunities.B, network, rarity);
    expect(reasons).toEqual([
      {
        factor: 'capabilities',
        label: 'Covers 1 of 2 capabilities sought: Peer support and befriending (not Advice and advocacy)',
        points: 23,
      },
      {
        factor: 'sector',
        label: "Neighbouring sector: the partner's Public health and wellbeing experience is close to Community health",
        points: 13,
      },
      { factor: 'region', label: 'Same nation: England (partner in North West, opportunity in Yorkshire and the Humber)', points: 8 },
      { factor: 'rarity', label: 'Offers Peer support and befriending, which only 20% of organisations offer', points: 7 },
    ]);
    expect(uncoveredCapabilities).toEqual(['advice-advocacy']);
  });

  it('scores an organisation working in several regions on the nearest one', () => {
    const wide = { ...network, regions: ['london', 'yorkshire-humber'] };
    expect(fit.score(opportunities.B, wide, rarity).reasons[2]).toEqual({
      factor: 'region',
      label: 'Same region: Yorkshire and the Humber',
      points: 20,
    });
  });

  it('gives an organisation with no capability profile sector and region points only', () => {
    const mutual = { sectors: ['sport-leisure'], regions: ['north-west'], capabilities: [] };
    const { score, reasons } = fit.score(opportunities.C, mutual, rarity);
    expect(reasons[0]).toEqual({ factor: 'capabilities', label: "Covers none of the opportunity's 3 capabilities sought", points: 0 });
    expect(score).toBe(25 + 20);
  });

  it('always names four reasons whose points add up to the score, between 0 and 100', () => {
    const some = <T>(values: readonly T[], max: number) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: max });
    fc.assert(
      fc.property(
        fc.record({
          sector: fc.constantFrom(...SECTOR_SLUGS),
          region: fc.constantFrom(...REGION_SLUGS),
          capabilitiesSought: some(CAPABILITY_SLUGS, 8),
        }),
        fc.record({ sectors: some(SECTOR_SLUGS, 3), regions: some(REGION_SLUGS, 4), capabilities: some(CAPABILITY_SLUGS, 12) }),
        fc.array(some(CAPABILITY_SLUGS, 12), { maxLength: 30 }),
        (opportunity, candidate, profiles) => {
          const { score, reasons } = fit.score(opportunity, candidate, fit.rarity(profiles));
          expect(reasons.map((r) => r.factor)).toEqual(['capabilities', 'sector', 'region', 'rarity']);
          expect(reasons.every((r) => r.label.length > 0 && Number.isInteger(r.points) && r.points >= 0)).toBe(true);
          expect(reasons.reduce((sum, r) => sum + r.points, 0)).toBe(score);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          reasons.forEach((r) =>
            expect(r.points).toBeLessThanOrEqual(FIT_WEIGHTS.points[r.factor === 'capabilities' ? 'needs' : r.factor]),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
