// Builders for the support programme's e2e and browser specs: applicants, partners, advisers, applications.
import type { SupportApplicationFields, SupportApplicationView, SupportPartnerView } from '@mutuals/contracts';
import { createMember, createOrganisation, type TestMember } from './factories';
import { api } from './mentoring';
import type { TestApp } from './test-app';

/** A complete application: every field a submission needs. */
export const applicationInput = (overrides: SupportApplicationFields = {}): SupportApplicationFields => ({
  areas: ['options-appraisal', 'financial-modelling'],
  need: 'An options appraisal of spinning our community nursing team out of the trust, and a financial model for it.',
  outcome: 'A board-ready options appraisal and a five-year financial model.',
  byWhen: '2027-06-30',
  growthCase: 'As a mutual we can bid for the integrated care board’s new prevention contracts and diversify beyond one contract.',
  matchFundingPence: 500_000,
  matchFundingSource: 'Reserves agreed by the trust',
  eligibility: {
    deliversPublicService: true,
    leftPublicSector: false,
    planningToLeave: true,
    employeeInfluence: 'significant',
    sector: 'community-health',
    nation: 'england',
    canMatchFund: true,
  },
  ...overrides,
});

/** A member of a new aspiring organisation, ready to apply. */
export async function createApplicant(t: TestApp): Promise<TestMember & { organisationId: string }> {
  const member = await createMember(t);
  const organisation = await createOrganisation(t, member, { kind: 'aspiring', stage: 'options-appraisal', sector: 'community-health' });
  return { ...member, organisationId: organisation.id };
}

export async function draftApplication(t: TestApp, applicant: TestMember, fields = applicationInput()): Promise<SupportApplicationView> {
  return (await api(t).post('/support/applications', applicant, fields).expect(201)).body;
}

export async function submittedApplication(
  t: TestApp,
  applicant: TestMember,
  fields = applicationInput(),
): Promise<SupportApplicationView> {
  const draft = await draftApplication(t, applicant, fields);
  return (await api(t).post(`/support/applications/${draft.id}/submit`, applicant).expect(200)).body;
}

/** Scores every criterion; `growth` 0 makes it unapprovable. */
export const rubric = (growth: 0 | 1 | 2 | 3 = 2) => ({
  eligibility: { score: 3, note: 'Meets the three tests; based in England' },
  readiness: { score: 2, note: 'Board and staff engaged' },
  growth: { score: growth, note: 'Prevention contracts' },
  matchFunding: { score: 2, note: '£5,000 in cash' },
});

export async function assessedApplication(t: TestApp, applicant: TestMember, coordinator: TestMember): Promise<SupportApplicationView> {
  const application = await submittedApplication(t, applicant);
  return (await api(t).put(`/admin/support/applications/${application.id}/assessment`, coordinator, rubric()).expect(200)).body;
}

/** A delivery partner at a day rate, with one adviser. */
export async function createPartner(
  t: TestApp,
  coordinator: TestMember,
  dayRatePence = 65_000,
): Promise<{ partner: SupportPartnerView; adviser: TestMember }> {
  const created: SupportPartnerView = (
    await api(t)
      .post('/admin/support/partners', coordinator, {
        name: `Partner ${Math.random().toString(36).slice(2, 7)}`,
        region: 'london',
        dayRatePence,
      })
      .expect(201)
  ).body;
  const adviser = await createMember(t);
  const partner: SupportPartnerView = (
    await api(t).post(`/admin/support/partners/${created.id}/advisers`, coordinator, { userId: adviser.id }).expect(200)
  ).body;
  return { partner, adviser };
}
