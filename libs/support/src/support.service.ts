import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainEvents, OnDomainEvent, type Page, type UnitOfWork, decodeCursor, toPage } from '@mutuals/core';
import {
  SUPPORT_APPLICATION_STATUSES,
  type SupportActor,
  type SupportApplicationStatus,
  type SupportApplicationView,
  type SupportAssessmentInput,
  type SupportFundView,
  type SupportMove,
  type SupportPartnerView,
  type SupportRoleView,
} from '@mutuals/contracts';
import { FilesService } from '@mutuals/files';
import { type AccountDeleted, AuthUser, IdentityService, isCoordinator } from '@mutuals/identity';
import type { EntityManager } from 'typeorm';
import { ProfilesService, SUPPORT_AREAS } from '@mutuals/profiles';
import type { SupportApplicationMoved } from './support.events';
import type {
  AddSupportDeliverableDto,
  ApproveSupportApplicationDto,
  ConfirmSupportDeliveryDto,
  CreateSupportPartnerDto,
  LogSupportDeliveryDto,
  SupportApplicationDto,
} from './support.dto';
import { SupportErrors } from './support.errors';
import { AdviserRow, ApplicationContent, ApplicationRow, ApplicationScope, FundRow, SupportRepository } from './support.repository';
import {
  ASSESSABLE,
  EDITABLE,
  allocationCost,
  checkMove,
  costOf,
  missingFields,
  movesFrom,
  referenceOf,
  rubricVerdict,
  validDays,
} from './support-rules';

/** The files kind of a deliverable: files asks this lib back who may see it. */
export const DELIVERABLE_KIND = 'support-deliverable';

const DELIVERY_STATES: readonly SupportApplicationStatus[] = ['in-delivery', 'delivered', 'closed'];
const areaName = new Map(SUPPORT_AREAS.map((a) => [a.slug, a.name]));
const label = (status: SupportApplicationStatus) => status.replace(/-/g, ' ');
const links = (id: string) => ({
  applicant: `/support/applications/${id}`,
  coordinator: `/admin/support/applications/${id}`,
  adviser: `/adviser/assignments/${id}`,
});

/** Who the caller is to the programme, read once per request (before any transaction). */
interface Viewer {
  user: AuthUser;
  organisationId: string | null;
  adviser: AdviserRow | undefined;
}

/** Applications for funded advice, their assessment and allocation, the fund, and delivery. */
@Injectable()
export class SupportService {
  constructor(
    private readonly support: SupportRepository,
    private readonly events: DomainEvents,
    private readonly identity: IdentityService,
    private readonly profiles: ProfilesService,
    private readonly files: FilesService,
  ) {}

  /** What the member's "download my data" holds from this lib. */
  exportOf(userId: string) {
    return this.support.exportOf(userId);
  }

  // In the deleting transaction: no adviser's access may outlive the account.
  @OnDomainEvent('identity.account.deleted', { phase: 'in-transaction' })
  async onAccountDeleted({ userId }: AccountDeleted, manager: EntityManager): Promise<void> {
    await this.support.removeMember(manager, userId);
  }

  // ---- who may see what ----

  private async viewer(user: AuthUser): Promise<Viewer> {
    const [profile, adviser] = await Promise.all([this.profiles.ownProfile(user.id).catch(() => null), this.support.adviser(user.id)]);
    return { user, organisationId: profile?.organisationId ?? null, adviser };
  }

  /** How the viewer relates to the application, or null when they may not see it (404, never a hint). */
  private roleOf(viewer: Viewer, row: ApplicationRow): SupportActor | null {
    if (viewer.organisationId !== null && row.organisation_id === viewer.organisationId) return 'applicant';
    if (isCoordinator(viewer.user)) return row.status === 'draft' ? null : 'coordinator';
    if (viewer.adviser && row.partner_id === viewer.adviser.partner_id && DELIVERY_STATES.includes(row.status)) return 'adviser';
    return null;
  }

  /** files asks this for a deliverable: whoever may see the application may see its documents. */
  async mayViewApplication(user: AuthUser, id: string): Promise<boolean> {
    const row = await this.support.find(id);
    return row !== undefined && this.roleOf(await this.viewer(user), row) !== null;
  }

  async role(user: AuthUser): Promise<SupportRoleView> {
    const viewer = await this.viewer(user);
    const partner = viewer.adviser ? await this.support.partner(viewer.adviser.partner_id) : undefined;
    const organisation = viewer.organisationId
      ? (await this.profiles.organisationSummaries([viewer.organisationId])).get(viewer.organisationId)
      : undefined;
    return {
      coordinator: isCoordinator(user),
      adviser: partner ? { partner: { id: partner.organisation_id, name: partner.name, dayRatePence: partner.day_rate_pence } } : null,
      organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
    };
  }

  // ---- reading ----

  async get(user: AuthUser, id: string): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    const row = await this.support.find(id);
    const role = row ? this.roleOf(viewer, row) : null;
    if (!row || !role) throw SupportErrors.applicationNotFound('No such application');
    return (await this.views([row], viewer))[0]!;
  }

  /** The caller's organisation's applications, in every state. */
  async mine(user: AuthUser, query: { limit: number; cursor?: string }): Promise<Page<SupportApplicationView>> {
    const viewer = await this.viewer(user);
    if (!viewer.organisationId) return { items: [], nextCursor: null };
    return this.page({ organisationId: viewer.organisationId }, query, viewer);
  }

  /** The coordinators' queue: everything submitted or beyond, newest change first. */
  async queue(
    user: AuthUser,
    query: { limit: number; cursor?: string; status?: SupportApplicationStatus },
  ): Promise<Page<SupportApplicationView>> {
    return this.page({ status: query.status }, query, await this.viewer(user));
  }

  /** An adviser's assignments: their partner's applications from in-delivery on. */
  async assignments(user: AuthUser, query: { limit: number; cursor?: string }): Promise<Page<SupportApplicationView>> {
    const viewer = await this.viewer(user);
    if (!viewer.adviser) throw SupportErrors.notAnAdviser('Only advisers of a delivery partner have assignments');
    return this.page({ partnerId: viewer.adviser.partner_id }, query, viewer);
  }

  private async page(
    scope: ApplicationScope,
    query: { limit: number; cursor?: string },
    viewer: Viewer,
  ): Promise<Page<SupportApplicationView>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.support.list(scope, after, query.limit + 1);
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.updated_at.toISOString(), r.id],
      (r) => r,
    );
    return { items: await this.views(page.items, viewer), nextCursor: page.nextCursor };
  }

  // ---- the applicant ----

  async create(user: AuthUser, input: SupportApplicationDto): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    if (!viewer.organisationId) {
      throw SupportErrors.noOrganisation('Add your organisation to your profile first: an application is made for an organisation');
    }
    const id = randomUUID();
    const content: ApplicationContent = {
      areas: [],
      need: '',
      outcome: '',
      by_when: null,
      growth_case: '',
      match_funding_pence: 0,
      match_funding_source: '',
      eligibility: null,
      ...contentOf(input),
    };
    await this.support.insert({ ...content, id, organisation_id: viewer.organisationId, applicant_id: user.id });
    return this.get(user, id);
  }

  /** Any field, while the application is the applicant's to write (a draft, or more information requested). */
  async update(user: AuthUser, id: string, input: SupportApplicationDto): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    await this.events.transaction(async ({ manager }) => {
      const row = await this.lockAs(manager, viewer, id, 'applicant');
      if (!EDITABLE.includes(row.status)) {
        throw SupportErrors.invalidSupportTransition(`A ${label(row.status)} application cannot be edited`);
      }
      await this.support.updateContent(manager, id, contentOf(input));
    });
    return this.get(user, id);
  }

  async submit(user: AuthUser, id: string): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    const coordinatorIds = await this.identity.activeCoordinatorIds();
    await this.move(viewer, id, 'submit', async (unit, row) => {
      const missing = missingFields(row);
      if (missing.length > 0) throw SupportErrors.applicationIncomplete('Some answers are still missing', missing);
      await this.support.setState(unit.manager, id, { status: 'submitted', submitted_at: new Date() });
      return { coordinatorIds };
    });
    return this.get(user, id);
  }

  /** Confirms the advice was delivered and rates it; whatever was allocated and not delivered returns to the fund. */
  async confirm(user: AuthUser, id: string, input: ConfirmSupportDeliveryDto): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    const coordinatorIds = await this.identity.activeCoordinatorIds();
    await this.move(viewer, id, 'confirm', async (unit, row) => {
      const unspent = row.allocated_pence - row.delivered_pence;
      if (unspent > 0 && !(await this.support.commit(unit.manager, -unspent))) {
        throw new Error('the fund refused a release; its counters disagree with the applications');
      }
      await this.support.setState(unit.manager, id, {
        status: 'closed',
        rating: input.rating,
        feedback: input.feedback,
        closed_at: new Date(),
      });
      return { coordinatorIds, adviserIds: await this.adviserIds(unit, row.partner_id), detail: `Rated ${input.rating} of 5` };
    });
    return this.get(user, id);
  }

  // ---- coordinators ----

  async assess(user: AuthUser, id: string, scores: SupportAssessmentInput): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    await this.events.transaction(async ({ manager }) => {
      const row = await this.lockAs(manager, viewer, id, 'coordinator');
      if (!ASSESSABLE.includes(row.status)) {
        throw SupportErrors.invalidSupportTransition(`A ${label(row.status)} application is no longer assessed`);
      }
      await this.support.setAssessment(manager, id, scores, user.id);
    });
    return this.get(user, id);
  }

  async requestInformation(user: AuthUser, id: string, message: string): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    await this.move(viewer, id, 'request-information', async (unit) => {
      await this.support.setState(unit.manager, id, { status: 'more-information-requested', information_request: message });
      return { detail: message };
    });
    return this.get(user, id);
  }

  async decline(user: AuthUser, id: string, reason: string): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    await this.move(viewer, id, 'decline', async (unit) => {
      await this.support.setState(unit.manager, id, { status: 'declined', decline_reason: reason, decided_at: new Date() });
      return { detail: reason };
    });
    return this.get(user, id);
  }

  /**
   * Approves with an allocation of days per area priced at the partner's day rate, committing its
   * cost against the fund in the same transaction through the guarded counter: if it does not fit
   * in what remains, nothing changes and the answer is 409 fundExhausted.
   */
  async approve(user: AuthUser, id: string, input: ApproveSupportApplicationDto): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    const invalid = input.allocations.flatMap((a, i) =>
      validDays(a.days) ? [] : [{ field: `allocations.${i}.days`, message: 'must be in half-day steps' }],
    );
    const areas = input.allocations.map((a) => a.area);
    areas.forEach((area, i) => {
      if (areas.indexOf(area) !== i) invalid.push({ field: `allocations.${i}.area`, message: 'is allocated twice' });
    });
    if (invalid.length > 0) throw SupportErrors.invalidSupportRequest('The allocation is not valid', invalid);
    await this.move(viewer, id, 'approve', async (unit, row) => {
      const verdict = rubricVerdict(row.assessment);
      if (!verdict.approvable) {
        throw SupportErrors.assessmentIncomplete(
          verdict.missing.length > 0
            ? `Score every criterion before approving (missing: ${verdict.missing.join(', ')})`
            : `A criterion scored 0 is not met: ${verdict.unmet.join(', ')}`,
        );
      }
      const notAppliedFor = input.allocations.flatMap((a, i) =>
        row.areas.includes(a.area) ? [] : [{ field: `allocations.${i}.area`, message: 'is not an area this application asks for' }],
      );
      if (notAppliedFor.length > 0) throw SupportErrors.invalidSupportRequest('Allocate days only to the areas applied for', notAppliedFor);
      const partner = await this.support.partner(input.partnerId, unit.manager);
      if (!partner)
        throw SupportErrors.invalidSupportRequest('No such delivery partner', [
          { field: 'partnerId', message: 'is not a delivery partner' },
        ]);
      const cost = allocationCost(input.allocations, partner.day_rate_pence);
      const fund = await this.support.commit(unit.manager, cost);
      if (!fund) {
        const now = await this.support.fund(unit.manager);
        throw SupportErrors.fundExhausted(
          `The allocation costs ${pounds(cost)} and the fund has ${pounds(now.total_pence - now.committed_pence)} left`,
        );
      }
      await this.support.replaceAllocations(unit.manager, id, input.allocations, partner.day_rate_pence);
      await this.support.setState(unit.manager, id, {
        status: 'approved',
        decided_at: new Date(),
        partner_id: partner.organisation_id,
        allocated_pence: cost,
        decision_note: input.note ?? null,
      });
      return { detail: `${pounds(cost)} for ${input.allocations.reduce((sum, a) => sum + a.days, 0)} adviser days` };
    });
    return this.get(user, id);
  }

  /** Hands the work to a delivery partner; a partner at another day rate re-prices the allocation through the same guarded counter. */
  async assign(user: AuthUser, id: string, partnerId: string): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    await this.move(viewer, id, 'assign', async (unit, row) => {
      const partner = await this.support.partner(partnerId, unit.manager);
      if (!partner)
        throw SupportErrors.invalidSupportRequest('No such delivery partner', [
          { field: 'partnerId', message: 'is not a delivery partner' },
        ]);
      const allocations = await this.support.allocationsOf([id], unit.manager);
      const cost = allocations.reduce((sum, a) => sum + costOf(a.days, partner.day_rate_pence), 0);
      const delta = cost - row.allocated_pence;
      if (delta !== 0) {
        if (!(await this.support.commit(unit.manager, delta))) {
          throw SupportErrors.fundExhausted(
            `At ${pounds(partner.day_rate_pence)} a day the allocation costs ${pounds(delta)} more than the fund has left`,
          );
        }
        await this.support.repriceAllocations(unit.manager, id, partner.day_rate_pence);
      }
      await this.support.setState(unit.manager, id, {
        status: 'in-delivery',
        partner_id: partner.organisation_id,
        allocated_pence: cost,
        assigned_at: new Date(),
      });
      return { adviserIds: await this.adviserIds(unit, partner.organisation_id), detail: partner.name };
    });
    return this.get(user, id);
  }

  // ---- advisers ----

  /** Days delivered in one area; they never pass the days allocated to it, and their cost moves to "delivered". */
  async logDays(user: AuthUser, id: string, input: LogSupportDeliveryDto): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    if (!validDays(input.days))
      throw SupportErrors.invalidSupportRequest('Days come in half-day steps', [{ field: 'days', message: 'must be in half-day steps' }]);
    await this.delivering(viewer, id, 'days-logged', async (unit) => {
      const rate = await this.support.deliverDays(unit.manager, id, input.area, input.days);
      if (rate === undefined) {
        throw SupportErrors.allocationExceeded(`That is more days of ${areaName.get(input.area) ?? input.area} than were allocated`);
      }
      const pence = costOf(input.days, rate);
      await this.support.addDelivered(unit.manager, id, pence);
      await this.support.deliver(unit.manager, pence);
      await this.support.insertLog(unit.manager, {
        application_id: id,
        area: input.area,
        date: input.date,
        days: input.days,
        note: input.note,
        adviser_id: user.id,
      });
      return `${input.days} day${input.days === 1 ? '' : 's'} of ${areaName.get(input.area) ?? input.area}`;
    });
    return this.get(user, id);
  }

  /** A document delivered (an options appraisal, a business plan, a financial model), claimed from the adviser's uploads. */
  async addDeliverable(user: AuthUser, id: string, input: AddSupportDeliverableDto): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    await this.delivering(viewer, id, 'deliverable-added', async (unit) => {
      await this.files.attach(unit.manager, user.id, DELIVERABLE_KIND, id, [{ fileId: input.fileId }]);
      await this.support.insertDeliverable(unit.manager, {
        application_id: id,
        file_id: input.fileId,
        title: input.title,
        adviser_id: user.id,
      });
      return input.title;
    });
    return this.get(user, id);
  }

  /** The adviser says the work is done; the applicant is asked to confirm and rate it. */
  async complete(user: AuthUser, id: string): Promise<SupportApplicationView> {
    const viewer = await this.viewer(user);
    await this.move(viewer, id, 'complete', async (unit, row) => {
      if (row.delivered_pence === 0)
        throw SupportErrors.invalidSupportTransition('Log the days delivered before marking the work delivered');
      await this.support.setState(unit.manager, id, { status: 'delivered', delivered_at: new Date() });
      return {};
    });
    return this.get(user, id);
  }

  // ---- the fund, partners and advisers ----

  /** Makes the fund's row if it is missing (after the demo seed's recovery emptied the tables). */
  ensureFund(): Promise<void> {
    return this.support.ensureFund();
  }

  async fund(): Promise<SupportFundView> {
    const [fund, byArea, byPartner, partners, counts, meanRating] = await Promise.all([
      this.support.fund(),
      this.support.spendBy('area'),
      this.support.spendBy('partner'),
      this.support.partners(),
      this.support.countsByStatus(),
      this.support.meanRating(),
    ]);
    const partnerName = new Map(partners.map((p) => [p.organisation_id, p.name]));
    const applications = Object.fromEntries(SUPPORT_APPLICATION_STATUSES.map((s) => [s, 0])) as Record<SupportApplicationStatus, number>;
    for (const c of counts) applications[c.status] = c.n;
    const spend = (r: (typeof byArea)[number]) => ({
      allocatedDays: r.allocated_days,
      deliveredDays: r.delivered_days,
      committedPence: r.committed_pence,
      deliveredPence: r.delivered_pence,
    });
    return {
      ...fundView(fund),
      byArea: byArea.map((r) => ({ area: r.key, name: areaName.get(r.key) ?? r.key, ...spend(r) })),
      byPartner: byPartner.map((r) => ({ partnerId: r.key, name: partnerName.get(r.key) ?? 'Former partner', ...spend(r) })),
      applications,
      meanRating,
    };
  }

  async setFundTotal(user: AuthUser, totalPence: number): Promise<SupportFundView> {
    if (!(await this.support.setTotal(totalPence, user.id))) {
      const fund = await this.support.fund();
      throw SupportErrors.fundBelowCommitted(`${pounds(fund.committed_pence)} is already committed: the total cannot be less`);
    }
    return this.fund();
  }

  async partners(): Promise<SupportPartnerView[]> {
    const partners = await this.support.partners();
    const advisers = await this.support.advisersOf(partners.map((p) => p.organisation_id));
    const names = await this.identity.getUserSummaries(advisers.map((a) => a.user_id));
    return partners.map((p) => ({
      id: p.organisation_id,
      name: p.name,
      dayRatePence: p.day_rate_pence,
      region: p.region,
      description: p.description,
      advisers: advisers
        .filter((a) => a.partner_id === p.organisation_id)
        .map((a) => ({ id: a.user_id, displayName: names.get(a.user_id)?.displayName ?? 'Former member' })),
    }));
  }

  /** A delivery partner: an organisation of kind delivery-partner, with its day rate. */
  async createPartner(user: AuthUser, input: CreateSupportPartnerDto): Promise<SupportPartnerView> {
    if (input.dayRatePence % 100 !== 0) {
      throw SupportErrors.invalidSupportRequest('Day rates are in whole pounds', [
        { field: 'dayRatePence', message: 'must be whole pounds' },
      ]);
    }
    const organisation = await this.profiles.createDeliveryPartner(user.id, input);
    await this.support.insertPartner({
      organisation_id: organisation.id,
      name: input.name,
      region: input.region,
      day_rate_pence: input.dayRatePence,
      description: input.description ?? null,
    });
    return (await this.partners()).find((p) => p.id === organisation.id)!;
  }

  /** Makes a member an adviser of the partner (moving them from another partner if they were one). */
  async addAdviser(user: AuthUser, partnerId: string, userId: string): Promise<SupportPartnerView> {
    if (!(await this.support.partner(partnerId))) throw SupportErrors.partnerNotFound('No such delivery partner');
    const member = (await this.identity.getUserSummaries([userId])).get(userId);
    if (member?.status !== 'active') {
      throw SupportErrors.invalidSupportRequest('Advisers are active members', [{ field: 'userId', message: 'is not an active member' }]);
    }
    await this.support.upsertAdviser(userId, partnerId, user.id);
    await this.profiles.addOrganisationMember(partnerId, userId);
    return (await this.partners()).find((p) => p.id === partnerId)!;
  }

  // ---- inside ----

  /** The row locked, for a viewer acting as `actor`: 404 when they may not see it, 403 when it is not theirs to act on. */
  private async lockAs(manager: UnitOfWork['manager'], viewer: Viewer, id: string, actor: SupportActor): Promise<ApplicationRow> {
    const row = await this.support.lock(manager, id);
    const role = row ? this.roleOf(viewer, row) : null;
    // A coordinator acting through the console is a coordinator even on their own organisation's application.
    const acting = actor === 'coordinator' && isCoordinator(viewer.user) && row?.status !== 'draft' ? 'coordinator' : role;
    if (!row || !role) throw SupportErrors.applicationNotFound('No such application');
    if (acting !== actor)
      throw SupportErrors.notYourMove(
        `Only ${actor === 'applicant' ? 'the applying organisation' : actor === 'adviser' ? 'the assigned adviser' : 'a coordinator'} may do this`,
      );
    return row;
  }

  /** One workflow move: the row locked, the table checked, the work done and the step announced, all in one transaction. */
  private async move(
    viewer: Viewer,
    id: string,
    move: SupportMove,
    work: (
      unit: UnitOfWork,
      row: ApplicationRow,
    ) => Promise<Partial<Pick<SupportApplicationMoved, 'coordinatorIds' | 'adviserIds' | 'detail'>>>,
  ): Promise<void> {
    const actor = actorOf(move);
    const organisationNames = await this.organisationNameFor(id);
    await this.events.transaction(async (unit) => {
      const row = await this.lockAs(unit.manager, viewer, id, actor);
      const check = checkMove(move, row.status, actor);
      if (!check.ok) {
        throw check.reason === 'wrong-actor'
          ? SupportErrors.notYourMove(check.detail)
          : SupportErrors.invalidSupportTransition(check.detail);
      }
      const told = await work(unit, row);
      await unit.emit('support.application.moved', {
        applicationId: id,
        reference: referenceOf(id),
        organisationName: organisationNames,
        step: move,
        status: check.transition.to,
        actorId: viewer.user.id,
        applicantId: row.applicant_id,
        coordinatorIds: told.coordinatorIds ?? [],
        adviserIds: told.adviserIds ?? [],
        detail: told.detail ?? null,
        links: links(id),
      });
    });
  }

  /** Delivery recorded by the partner's adviser while the application is in delivery. */
  private async delivering(
    viewer: Viewer,
    id: string,
    step: 'days-logged' | 'deliverable-added',
    work: (unit: UnitOfWork, row: ApplicationRow) => Promise<string>,
  ): Promise<void> {
    const organisationName = await this.organisationNameFor(id);
    await this.events.transaction(async (unit) => {
      const row = await this.lockAs(unit.manager, viewer, id, 'adviser');
      if (row.status !== 'in-delivery') {
        throw SupportErrors.invalidSupportTransition(
          `Delivery is recorded while the application is in delivery; this one is ${label(row.status)}`,
        );
      }
      const detail = await work(unit, row);
      await unit.emit('support.application.moved', {
        applicationId: id,
        reference: referenceOf(id),
        organisationName,
        step,
        status: row.status,
        actorId: viewer.user.id,
        applicantId: row.applicant_id,
        coordinatorIds: [],
        adviserIds: [],
        detail,
        links: links(id),
      });
    });
  }

  /** Read before a transaction opens: the embedded database has one connection, which the transaction holds. */
  private async organisationNameFor(id: string): Promise<string> {
    const row = await this.support.find(id);
    if (!row) return 'An organisation';
    return (await this.profiles.organisationSummaries([row.organisation_id])).get(row.organisation_id)?.name ?? 'An organisation';
  }

  private async adviserIds(unit: UnitOfWork, partnerId: string | null): Promise<string[]> {
    return partnerId ? (await this.support.advisersOf([partnerId], unit.manager)).map((a) => a.user_id) : [];
  }

  private async views(rows: ApplicationRow[], viewer: Viewer): Promise<SupportApplicationView[]> {
    const ids = rows.map((r) => r.id);
    const [organisations, allocations, logs, deliverables, files, partners] = await Promise.all([
      this.profiles.organisationSummaries(rows.map((r) => r.organisation_id)),
      this.support.allocationsOf(ids),
      this.support.logsOf(ids),
      this.support.deliverablesOf(ids),
      this.files.attachmentsOf(DELIVERABLE_KIND, ids),
      this.support.partners(),
    ]);
    const people = await this.identity.getUserSummaries([
      ...rows.flatMap((r) => [r.applicant_id, r.assessed_by].filter((x): x is string => x !== null)),
      ...logs.map((l) => l.adviser_id),
      ...deliverables.map((d) => d.adviser_id),
    ]);
    const person = (id: string) => ({ id, displayName: people.get(id)?.displayName ?? 'Former member' });
    const partnerById = new Map(partners.map((p) => [p.organisation_id, p]));
    return rows.map((row) => {
      const role = this.roleOf(viewer, row) ?? 'coordinator';
      const organisation = organisations.get(row.organisation_id);
      const eligibility = row.eligibility ? this.profiles.eligibility(row.eligibility) : null;
      const verdict = rubricVerdict(row.assessment);
      const partner = row.partner_id ? partnerById.get(row.partner_id) : undefined;
      const moves = new Set(movesFrom(row.status, role));
      const seesAssessment = role !== 'applicant';
      const fileById = new Map((files.get(row.id) ?? []).map((f) => [f.id, f]));
      return {
        id: row.id,
        reference: referenceOf(row.id),
        status: row.status,
        organisation: {
          id: row.organisation_id,
          name: organisation?.name ?? 'Former organisation',
          kind: organisation?.kind ?? 'aspiring',
          stage: organisation?.stage ?? '',
          region: organisation?.region ?? '',
          sector: organisation?.sector ?? '',
        },
        applicant: person(row.applicant_id),
        areas: row.areas,
        need: row.need,
        outcome: row.outcome,
        byWhen: row.by_when,
        growthCase: row.growth_case,
        matchFundingPence: row.match_funding_pence,
        matchFundingSource: row.match_funding_source,
        eligibility: {
          answers: row.eligibility,
          outcome: eligibility?.outcome ?? null,
          reasons: eligibility?.reasons ?? [],
          nextSteps: eligibility?.nextSteps ?? [],
        },
        informationRequest: row.information_request,
        declineReason: row.decline_reason,
        decisionNote: row.decision_note,
        assessment:
          seesAssessment && row.assessment && row.assessed_by && row.assessed_at
            ? {
                scores: row.assessment,
                total: verdict.total,
                approvable: verdict.approvable,
                assessedBy: person(row.assessed_by),
                assessedAt: row.assessed_at.toISOString(),
              }
            : null,
        allocations: allocations
          .filter((a) => a.application_id === row.id)
          .map((a) => ({
            area: a.area,
            days: a.days,
            deliveredDays: a.delivered_days,
            dayRatePence: a.day_rate_pence,
            costPence: costOf(a.days, a.day_rate_pence),
          })),
        allocatedPence: row.allocated_pence,
        deliveredPence: row.delivered_pence,
        partner: partner ? { id: partner.organisation_id, name: partner.name, dayRatePence: partner.day_rate_pence } : null,
        logs: logs
          .filter((l) => l.application_id === row.id)
          .map((l) => ({
            id: l.id,
            area: l.area,
            date: l.date,
            days: l.days,
            note: l.note,
            adviser: person(l.adviser_id),
            createdAt: l.created_at.toISOString(),
          })),
        deliverables: deliverables
          .filter((d) => d.application_id === row.id && fileById.has(d.file_id))
          .map((d) => {
            const file = fileById.get(d.file_id)!;
            return {
              id: d.id,
              title: d.title,
              file: { id: file.id, name: file.name, url: file.url, size: file.size, contentType: file.contentType },
              adviser: person(d.adviser_id),
              createdAt: d.created_at.toISOString(),
            };
          }),
        rating: row.rating,
        feedback: row.feedback,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        submittedAt: row.submitted_at?.toISOString() ?? null,
        decidedAt: row.decided_at?.toISOString() ?? null,
        assignedAt: row.assigned_at?.toISOString() ?? null,
        deliveredAt: row.delivered_at?.toISOString() ?? null,
        closedAt: row.closed_at?.toISOString() ?? null,
        permissions: {
          edit: role === 'applicant' && EDITABLE.includes(row.status),
          submit: moves.has('submit'),
          assess: role === 'coordinator' && ASSESSABLE.includes(row.status),
          requestInformation: moves.has('request-information'),
          approve: moves.has('approve'),
          decline: moves.has('decline'),
          assign: moves.has('assign'),
          log: role === 'adviser' && row.status === 'in-delivery',
          complete: moves.has('complete'),
          confirm: moves.has('confirm'),
        },
        viewerRole: role,
      };
    });
  }
}

function actorOf(move: SupportMove): SupportActor {
  return move === 'submit' || move === 'confirm' ? 'applicant' : move === 'complete' ? 'adviser' : 'coordinator';
}

function contentOf(input: SupportApplicationDto): Partial<ApplicationContent> {
  const content: Partial<ApplicationContent> = {
    areas: input.areas,
    need: input.need,
    outcome: input.outcome,
    by_when: input.byWhen,
    growth_case: input.growthCase,
    match_funding_pence: input.matchFundingPence,
    match_funding_source: input.matchFundingSource,
    eligibility: input.eligibility ? { ...input.eligibility } : undefined,
  };
  return Object.fromEntries(Object.entries(content).filter(([, v]) => v !== undefined)) as Partial<ApplicationContent>;
}

function fundView(
  fund: FundRow,
): Pick<SupportFundView, 'totalPence' | 'committedPence' | 'deliveredPence' | 'remainingPence' | 'updatedAt'> {
  return {
    totalPence: fund.total_pence,
    committedPence: fund.committed_pence,
    deliveredPence: fund.delivered_pence,
    remainingPence: fund.total_pence - fund.committed_pence,
    updatedAt: fund.updated_at.toISOString(),
  };
}

const pounds = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
