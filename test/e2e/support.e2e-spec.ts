import type { SupportApplicationView, SupportFundView } from '@mutuals/contracts';
import { createCoordinator, createMember, type TestMember } from '../support/factories';
import { fetchFile, pdf, uploaded } from '../support/files';
import { api } from '../support/mentoring';
import {
  applicationInput,
  assessedApplication,
  createApplicant,
  createPartner,
  draftApplication,
  rubric,
  submittedApplication,
} from '../support/support';
import { TestApp, startTestApp } from '../support/test-app';

describe('support programme: applications, the fund and delivery', () => {
  let t: TestApp;
  let coordinator: TestMember;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false, env: { LOG_LEVEL: 'error' } });
    coordinator = await createCoordinator(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const fund = async (): Promise<SupportFundView> => (await api(t).get('/admin/support/fund', coordinator).expect(200)).body;

  /** Submitted, assessed, approved at the partner's rate and assigned to it. */
  async function inDelivery(partner: { id: string }, allocations = [{ area: 'options-appraisal', days: 3 }]) {
    const applicant = await createApplicant(t);
    const application = await assessedApplication(t, applicant, coordinator);
    await api(t)
      .post(`/admin/support/applications/${application.id}/approve`, coordinator, { partnerId: partner.id, allocations })
      .expect(200);
    const assigned: SupportApplicationView = (
      await api(t).post(`/admin/support/applications/${application.id}/assign`, coordinator, { partnerId: partner.id }).expect(200)
    ).body;
    return { applicant, application: assigned };
  }

  describe('applying', () => {
    it('saves a partial draft, shows the eligibility outcome with its reasons, and submits once complete', async () => {
      const applicant = await createApplicant(t);
      const draft = await draftApplication(t, applicant, { areas: ['business-planning'], eligibility: applicationInput().eligibility });
      expect(draft).toMatchObject({
        status: 'draft',
        areas: ['business-planning'],
        organisation: { id: applicant.organisationId, kind: 'aspiring' },
        viewerRole: 'applicant',
        permissions: { edit: true, submit: true, approve: false },
      });
      expect(draft.reference).toMatch(/^SUP-[0-9A-F]{6}$/);
      expect(['eligible', 'likely']).toContain(draft.eligibility.outcome);
      expect(draft.eligibility.reasons.length).toBeGreaterThan(0);

      const incomplete = await api(t).post(`/support/applications/${draft.id}/submit`, applicant).expect(400);
      expect(incomplete.body.code).toBe('applicationIncomplete');
      expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'need',
        'outcome',
        'byWhen',
        'growthCase',
        'matchFundingPence',
      ]);

      await api(t).patch(`/support/applications/${draft.id}`, applicant, applicationInput()).expect(200);
      const submitted = (await api(t).post(`/support/applications/${draft.id}/submit`, applicant).expect(200)).body;
      expect(submitted).toMatchObject({ status: 'submitted', permissions: { edit: false, submit: false } });
      expect(submitted.submittedAt).not.toBeNull();
    });

    it('refuses an application from someone with no organisation, and edits once submitted', async () => {
      const loner = await createMember(t);
      const refused = await api(t).post('/support/applications', loner, applicationInput()).expect(409);
      expect(refused.body.code).toBe('noOrganisation');

      const applicant = await createApplicant(t);
      const application = await submittedApplication(t, applicant);
      const edit = await api(t)
        .patch(`/support/applications/${application.id}`, applicant, { need: 'Something else entirely' })
        .expect(409);
      expect(edit.body.code).toBe('invalidSupportTransition');
      const again = await api(t).post(`/support/applications/${application.id}/submit`, applicant).expect(409);
      expect(again.body.code).toBe('invalidSupportTransition');
    });

    it('tells the coordinators of a submission, in the app and by mail', async () => {
      const applicant = await createApplicant(t);
      const application = await submittedApplication(t, applicant);
      const feed = (await api(t).get('/notifications', coordinator).expect(200)).body.items as { kind: string; link: string }[];
      expect(feed).toContainEqual(
        expect.objectContaining({ kind: 'support.review', link: `/admin/support/applications/${application.id}` }),
      );
    });
  });

  describe('assessing and deciding', () => {
    it('asks for more information; the applicant edits and resubmits', async () => {
      const applicant = await createApplicant(t);
      const application = await submittedApplication(t, applicant);
      const asked = (
        await api(t)
          .post(`/admin/support/applications/${application.id}/request-information`, coordinator, {
            message: 'How much match funding is confirmed?',
          })
          .expect(200)
      ).body;
      expect(asked).toMatchObject({ status: 'more-information-requested', informationRequest: 'How much match funding is confirmed?' });

      const seen: SupportApplicationView = (await api(t).get(`/support/applications/${application.id}`, applicant).expect(200)).body;
      expect(seen.permissions).toMatchObject({ edit: true, submit: true });
      const feed = (await api(t).get('/notifications', applicant).expect(200)).body.items as { kind: string }[];
      expect(feed.map((n) => n.kind)).toContain('support.update');

      await api(t).patch(`/support/applications/${application.id}`, applicant, { matchFundingPence: 750_000 }).expect(200);
      const resubmitted = (await api(t).post(`/support/applications/${application.id}/submit`, applicant).expect(200)).body;
      expect(resubmitted).toMatchObject({ status: 'submitted', matchFundingPence: 750_000 });

      // Asking twice needs a submission in between.
      await api(t)
        .post(`/admin/support/applications/${application.id}/request-information`, coordinator, { message: 'And the timing?' })
        .expect(200);
      const twice = await api(t)
        .post(`/admin/support/applications/${application.id}/request-information`, coordinator, { message: 'Again?' })
        .expect(409);
      expect(twice.body.code).toBe('invalidSupportTransition');
    });

    it('approves only with every criterion of the rubric scored and none unmet', async () => {
      const { partner } = await createPartner(t, coordinator);
      const applicant = await createApplicant(t);
      const application = await submittedApplication(t, applicant);
      const approve = { partnerId: partner.id, allocations: [{ area: 'options-appraisal', days: 2 }] };

      const unscored = await api(t).post(`/admin/support/applications/${application.id}/approve`, coordinator, approve).expect(409);
      expect(unscored.body.code).toBe('assessmentIncomplete');

      const weak = (await api(t).put(`/admin/support/applications/${application.id}/assessment`, coordinator, rubric(0)).expect(200)).body;
      expect(weak.assessment).toMatchObject({ total: 7, approvable: false, scores: { growth: { score: 0 } } });
      const unmet = await api(t).post(`/admin/support/applications/${application.id}/approve`, coordinator, approve).expect(409);
      expect(unmet.body.code).toBe('assessmentIncomplete');
      expect(unmet.body.detail).toContain('growth');

      const bad = await api(t)
        .put(`/admin/support/applications/${application.id}/assessment`, coordinator, { ...rubric(), readiness: { score: 5, note: '' } })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('readiness.score');

      // The applicant never sees the coordinators' scores.
      await api(t).put(`/admin/support/applications/${application.id}/assessment`, coordinator, rubric(3)).expect(200);
      const own: SupportApplicationView = (await api(t).get(`/support/applications/${application.id}`, applicant).expect(200)).body;
      expect(own.assessment).toBeNull();
    });

    it('approves with days per area at the partner’s day rate, and the fund moves by exactly their cost', async () => {
      const { partner } = await createPartner(t, coordinator, 70_000);
      const applicant = await createApplicant(t);
      const application = await assessedApplication(t, applicant, coordinator);
      const before = await fund();
      const approved: SupportApplicationView = (
        await api(t)
          .post(`/admin/support/applications/${application.id}/approve`, coordinator, {
            partnerId: partner.id,
            allocations: [
              { area: 'options-appraisal', days: 2.5 },
              { area: 'financial-modelling', days: 3 },
            ],
            note: 'Start with the appraisal',
          })
          .expect(200)
      ).body;
      expect(approved).toMatchObject({
        status: 'approved',
        allocatedPence: 385_000,
        partner: { id: partner.id, dayRatePence: 70_000 },
        allocations: [
          { area: 'financial-modelling', days: 3, dayRatePence: 70_000, costPence: 210_000, deliveredDays: 0 },
          { area: 'options-appraisal', days: 2.5, dayRatePence: 70_000, costPence: 175_000, deliveredDays: 0 },
        ],
      });
      const after = await fund();
      expect(after.committedPence - before.committedPence).toBe(385_000);
      expect(after.remainingPence).toBe(after.totalPence - after.committedPence);
      expect(after.byPartner).toContainEqual(
        expect.objectContaining({ partnerId: partner.id, allocatedDays: 5.5, committedPence: 385_000 }),
      );

      const halfStep = await api(t)
        .post(
          `/admin/support/applications/${(await assessedApplication(t, await createApplicant(t), coordinator)).id}/approve`,
          coordinator,
          {
            partnerId: partner.id,
            allocations: [{ area: 'options-appraisal', days: 1.3 }],
          },
        )
        .expect(400);
      expect(halfStep.body.code).toBe('invalidSupportRequest');

      // Days go only to the areas the mutual asked for.
      const otherArea = await api(t)
        .post(
          `/admin/support/applications/${(await assessedApplication(t, await createApplicant(t), coordinator)).id}/approve`,
          coordinator,
          { partnerId: partner.id, allocations: [{ area: 'hr-tupe-pensions', days: 1 }] },
        )
        .expect(400);
      expect(otherArea.body).toMatchObject({
        code: 'invalidSupportRequest',
        errors: [expect.objectContaining({ field: 'allocations.0.area' })],
      });
    });

    it('declines with reasons; a declined application can be neither approved, assigned nor delivered', async () => {
      const { partner, adviser } = await createPartner(t, coordinator);
      const applicant = await createApplicant(t);
      const application = await assessedApplication(t, applicant, coordinator);
      const declined = (
        await api(t)
          .post(`/admin/support/applications/${application.id}/decline`, coordinator, { reason: 'No cash match funding is confirmed yet.' })
          .expect(200)
      ).body;
      expect(declined).toMatchObject({ status: 'declined', declineReason: 'No cash match funding is confirmed yet.' });
      const seen = (await api(t).get(`/support/applications/${application.id}`, applicant).expect(200)).body;
      expect(seen.declineReason).toBe('No cash match funding is confirmed yet.');

      for (const [path, body] of [
        ['approve', { partnerId: partner.id, allocations: [{ area: 'options-appraisal', days: 1 }] }],
        ['assign', { partnerId: partner.id }],
        ['decline', { reason: 'Declined twice' }],
        ['request-information', { message: 'Anything more?' }],
      ] as const) {
        const refused = await api(t).post(`/admin/support/applications/${application.id}/${path}`, coordinator, body).expect(409);
        expect(refused.body.code).toBe('invalidSupportTransition');
      }
      // Nobody delivers it: no partner's adviser sees it, and the applicant cannot confirm it.
      await api(t)
        .post(`/adviser/assignments/${application.id}/logs`, adviser, { area: 'options-appraisal', date: '2027-01-10', days: 1, note: 'x' })
        .expect(404);
      await api(t).post(`/adviser/assignments/${application.id}/complete`, adviser).expect(404);
      const confirm = await api(t)
        .post(`/support/applications/${application.id}/confirm`, applicant, { rating: 5, feedback: 'n/a' })
        .expect(409);
      expect(confirm.body.code).toBe('invalidSupportTransition');
    });
  });

  describe('delivery', () => {
    it('assigns to a partner (re-pricing at its rate), its adviser logs days and uploads a deliverable, the applicant confirms and rates', async () => {
      const first = await createPartner(t, coordinator, 60_000);
      const second = await createPartner(t, coordinator, 80_000);
      const applicant = await createApplicant(t);
      const application = await assessedApplication(t, applicant, coordinator);
      await api(t)
        .post(`/admin/support/applications/${application.id}/approve`, coordinator, {
          partnerId: first.partner.id,
          allocations: [
            { area: 'options-appraisal', days: 3 },
            { area: 'financial-modelling', days: 2 },
          ],
        })
        .expect(200);
      const beforeAssign = await fund();
      const assigned: SupportApplicationView = (
        await api(t).post(`/admin/support/applications/${application.id}/assign`, coordinator, { partnerId: second.partner.id }).expect(200)
      ).body;
      expect(assigned).toMatchObject({ status: 'in-delivery', partner: { id: second.partner.id }, allocatedPence: 400_000 });
      expect((await fund()).committedPence - beforeAssign.committedPence).toBe(100_000);
      const adviserFeed = (await api(t).get('/notifications', second.adviser).expect(200)).body.items as { kind: string; link: string }[];
      expect(adviserFeed).toContainEqual(
        expect.objectContaining({ kind: 'support.assignment', link: `/adviser/assignments/${application.id}` }),
      );

      const { adviser } = second;
      const listed = (await api(t).get('/adviser/assignments', adviser).expect(200)).body.items as SupportApplicationView[];
      expect(listed.map((a) => a.id)).toContain(application.id);
      expect(listed[0]!.viewerRole).toBe('adviser');

      const tooEarly = await api(t).post(`/adviser/assignments/${application.id}/complete`, adviser).expect(409);
      expect(tooEarly.body.code).toBe('invalidSupportTransition');

      const beforeLogs = await fund();
      const log = (date: string, days: number, area = 'options-appraisal') =>
        api(t).post(`/adviser/assignments/${application.id}/logs`, adviser, { area, date, days, note: 'Workshop with the staff council' });
      await log('2027-01-12', 1).expect(200);
      const logged: SupportApplicationView = (await log('2027-01-19', 1).expect(200)).body;
      expect(logged.logs).toHaveLength(2);
      expect(logged.logs[0]).toMatchObject({ date: '2027-01-12', days: 1, adviser: { id: adviser.id } });
      expect(logged.allocations.find((a) => a.area === 'options-appraisal')).toMatchObject({ days: 3, deliveredDays: 2 });
      expect(logged.deliveredPence).toBe(160_000);
      expect((await fund()).deliveredPence - beforeLogs.deliveredPence).toBe(160_000);

      const over = await log('2027-01-26', 1.5).expect(409);
      expect(over.body.code).toBe('allocationExceeded');
      const notAllocated = await log('2027-01-26', 1, 'bid-writing').expect(409);
      expect(notAllocated.body.code).toBe('allocationExceeded');

      const file = await uploaded(t, adviser, 'attachment', pdf('Options appraisal'), 'options-appraisal.pdf');
      const withDoc: SupportApplicationView = (
        await api(t)
          .post(`/adviser/assignments/${application.id}/deliverables`, adviser, { fileId: file.id, title: 'Options appraisal' })
          .expect(200)
      ).body;
      expect(withDoc.deliverables).toEqual([
        expect.objectContaining({ title: 'Options appraisal', file: expect.objectContaining({ id: file.id }) }),
      ]);
      // The applicant reads it; another partner's adviser cannot.
      const doc = withDoc.deliverables[0]!.file.url;
      expect((await fetchFile(t, applicant, doc)).status).toBe(200);
      expect((await fetchFile(t, first.adviser, doc)).status).toBe(404);
      const reused = await api(t)
        .post(`/adviser/assignments/${application.id}/deliverables`, adviser, { fileId: file.id, title: 'Again' })
        .expect(400);
      expect(reused.body.code).toBe('notYourFile');

      const delivered = (await api(t).post(`/adviser/assignments/${application.id}/complete`, adviser).expect(200)).body;
      expect(delivered.status).toBe('delivered');
      const lateLog = await log('2027-02-01', 0.5).expect(409);
      expect(lateLog.body.code).toBe('invalidSupportTransition');

      const beforeClose = await fund();
      const closed: SupportApplicationView = (
        await api(t)
          .post(`/support/applications/${application.id}/confirm`, applicant, { rating: 5, feedback: 'Clear, practical and on time.' })
          .expect(200)
      ).body;
      expect(closed).toMatchObject({ status: 'closed', rating: 5, feedback: 'Clear, practical and on time.' });
      // The 3 days not delivered (£2,400) return to the fund.
      const afterClose = await fund();
      expect(beforeClose.committedPence - afterClose.committedPence).toBe(240_000);
      expect(afterClose.deliveredPence).toBe(beforeClose.deliveredPence);
      const again = await api(t)
        .post(`/support/applications/${application.id}/confirm`, applicant, { rating: 1, feedback: 'x' })
        .expect(409);
      expect(again.body.code).toBe('invalidSupportTransition');
    });
  });

  describe('who sees and does what', () => {
    it('shows an adviser only their own partner’s assignments', async () => {
      const mine = await createPartner(t, coordinator);
      const theirs = await createPartner(t, coordinator);
      const { application } = await inDelivery(theirs.partner);
      await api(t).get(`/support/applications/${application.id}`, mine.adviser).expect(404);
      const log = await api(t)
        .post(`/adviser/assignments/${application.id}/logs`, mine.adviser, {
          area: 'options-appraisal',
          date: '2027-01-10',
          days: 1,
          note: 'x',
        })
        .expect(404);
      expect(log.body.code).toBe('applicationNotFound');
      const list = (await api(t).get('/adviser/assignments', mine.adviser).expect(200)).body.items as SupportApplicationView[];
      expect(list.map((a) => a.id)).not.toContain(application.id);
      // Their own adviser sees it.
      await api(t).get(`/support/applications/${application.id}`, theirs.adviser).expect(200);
    });

    it('keeps an approved application from the partner’s advisers until it is assigned', async () => {
      const { partner, adviser } = await createPartner(t, coordinator);
      const application = await assessedApplication(t, await createApplicant(t), coordinator);
      await api(t)
        .post(`/admin/support/applications/${application.id}/approve`, coordinator, {
          partnerId: partner.id,
          allocations: [{ area: 'options-appraisal', days: 1 }],
        })
        .expect(200);
      await api(t).get(`/support/applications/${application.id}`, adviser).expect(404);
    });

    it('does not let an applicant approve, assess, assign or see the fund', async () => {
      const { partner } = await createPartner(t, coordinator);
      const applicant = await createApplicant(t);
      const application = await assessedApplication(t, applicant, coordinator);
      const approve = await api(t)
        .post(`/admin/support/applications/${application.id}/approve`, applicant, {
          partnerId: partner.id,
          allocations: [{ area: 'options-appraisal', days: 1 }],
        })
        .expect(403);
      expect(approve.body.code).toBe('coordinatorsOnly');
      await api(t).put(`/admin/support/applications/${application.id}/assessment`, applicant, rubric()).expect(403);
      await api(t).post(`/admin/support/applications/${application.id}/assign`, applicant, { partnerId: partner.id }).expect(403);
      await api(t).get('/admin/support/fund', applicant).expect(403);
      await api(t).post('/admin/support/partners', applicant, { name: 'Mine', region: 'london', dayRatePence: 10_000 }).expect(403);
      const notAdviser = await api(t).get('/adviser/assignments', applicant).expect(403);
      expect(notAdviser.body.code).toBe('notAnAdviser');
    });

    it('shows applicants their own organisation’s applications alone', async () => {
      const applicant = await createApplicant(t);
      const stranger = await createApplicant(t);
      const draft = await draftApplication(t, applicant);
      const submitted = await submittedApplication(t, applicant);
      for (const id of [draft.id, submitted.id]) {
        const hidden = await api(t).get(`/support/applications/${id}`, stranger).expect(404);
        expect(hidden.body.code).toBe('applicationNotFound');
      }
      await api(t).patch(`/support/applications/${draft.id}`, stranger, { need: 'Taking it over' }).expect(404);
      await api(t).post(`/support/applications/${draft.id}/submit`, stranger).expect(404);
      const theirs = (await api(t).get('/support/applications', stranger).expect(200)).body.items as SupportApplicationView[];
      expect(theirs).toEqual([]);
      const own = (await api(t).get('/support/applications', applicant).expect(200)).body.items as SupportApplicationView[];
      expect(own.map((a) => a.id).sort()).toEqual([draft.id, submitted.id].sort());
    });

    it('shows coordinators everything submitted, never a draft, and keeps the applicant’s and adviser’s moves theirs', async () => {
      const { partner, adviser } = await createPartner(t, coordinator);
      const applicant = await createApplicant(t);
      const draft = await draftApplication(t, applicant);
      await api(t).get(`/support/applications/${draft.id}`, coordinator).expect(404);
      const { application } = await inDelivery(partner);
      const queue = (await api(t).get('/admin/support/applications?status=in-delivery&limit=100', coordinator).expect(200)).body
        .items as SupportApplicationView[];
      expect(queue.map((a) => a.id)).toContain(application.id);
      expect(queue.map((a) => a.id)).not.toContain(draft.id);
      const coordinatorView = (await api(t).get(`/support/applications/${application.id}`, coordinator).expect(200)).body;
      expect(coordinatorView.viewerRole).toBe('coordinator');

      // A coordinator cannot log days or confirm; an adviser cannot confirm; an applicant cannot log.
      const byCoordinator = await api(t).post(`/adviser/assignments/${application.id}/complete`, coordinator).expect(403);
      expect(byCoordinator.body.code).toBe('notYourMove');
      const byAdviser = await api(t)
        .post(`/support/applications/${application.id}/confirm`, adviser, { rating: 5, feedback: 'Great' })
        .expect(403);
      expect(byAdviser.body.code).toBe('notYourMove');
      const otherApplicant = await api(t)
        .post(`/adviser/assignments/${application.id}/logs`, await createMember(t), {
          area: 'options-appraisal',
          date: '2027-01-10',
          days: 1,
          note: 'x',
        })
        .expect(404);
      expect(otherApplicant.body.code).toBe('applicationNotFound');
    });

    it('makes advisers only of existing partners, and of active members', async () => {
      const missing = await api(t)
        .post('/admin/support/partners/3f1c1d2e-4a5b-4c6d-8e7f-9a0b1c2d3e4f/advisers', coordinator, { userId: coordinator.id })
        .expect(404);
      expect(missing.body.code).toBe('partnerNotFound');
      const { partner } = await createPartner(t, coordinator);
      const pending = await createMember(t, { status: 'pending' });
      const refused = await api(t).post(`/admin/support/partners/${partner.id}/advisers`, coordinator, { userId: pending.id }).expect(400);
      expect(refused.body.code).toBe('invalidSupportRequest');
      const partnerOrg = (await api(t).get(`/organisations/${partner.id}`, coordinator).expect(200)).body;
      expect(partnerOrg.kind).toBe('delivery-partner');
    });
  });

  describe('the fund', () => {
    it('cannot be set below what is committed', async () => {
      const now = await fund();
      const refused = await api(t)
        .put('/admin/support/fund', coordinator, { totalPence: now.committedPence - 1 })
        .expect(409);
      expect(refused.body.code).toBe('fundBelowCommitted');
      const raised: SupportFundView = (
        await api(t)
          .put('/admin/support/fund', coordinator, { totalPence: now.totalPence + 100 })
          .expect(200)
      ).body;
      expect(raised.remainingPence).toBe(now.remainingPence + 100);
    });

    it('lets exactly 5 of 30 concurrent approvals through a fund with room for 5', async () => {
      const { partner } = await createPartner(t, coordinator, 50_000);
      const applications: SupportApplicationView[] = [];
      for (let i = 0; i < 30; i += 1) applications.push(await assessedApplication(t, await createApplicant(t), coordinator));
      const cost = 2 * 50_000;
      const before = await fund();
      await api(t)
        .put('/admin/support/fund', coordinator, { totalPence: before.committedPence + 5 * cost })
        .expect(200);

      const answers = await Promise.all(
        applications.map((a) =>
          api(t).post(`/admin/support/applications/${a.id}/approve`, coordinator, {
            partnerId: partner.id,
            allocations: [{ area: 'options-appraisal', days: 2 }],
          }),
        ),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(5);
      expect(statuses.filter((s) => s === 409)).toHaveLength(25);
      expect(new Set(answers.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(new Set(['fundExhausted']));

      const after = await fund();
      expect(after.committedPence).toBe(after.totalPence);
      expect(after.committedPence - before.committedPence).toBe(5 * cost);
      expect(after.remainingPence).toBe(0);
      const approved = (await api(t).get('/admin/support/applications?status=approved&limit=100', coordinator).expect(200)).body
        .items as SupportApplicationView[];
      expect(approved.filter((a) => applications.some((b) => b.id === a.id))).toHaveLength(5);

      // The 25 refused are still submitted, and nothing more fits.
      const refusedOne = answers.findIndex((r) => r.status === 409);
      const still = (await api(t).get(`/support/applications/${applications[refusedOne]!.id}`, coordinator).expect(200)).body;
      expect(still.status).toBe('submitted');
      await api(t)
        .put('/admin/support/fund', coordinator, { totalPence: before.totalPence + 10 * cost })
        .expect(200);
    }, 120_000);
  });
});
