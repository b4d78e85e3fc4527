import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, decodeCursor, toPage, OnDomainEvent } from '@mutuals/core';
import type {
  EligibilityRequest,
  EligibilityResult,
  MeView,
  OrganisationSummary,
  OrganisationView,
  ProfileView,
  PublicProfileView,
  StageChangeView,
  TaxonomyView,
} from '@mutuals/contracts';
import { AuthUser, IdentityService, UserChanged, isCoordinator } from '@mutuals/identity';
import type { DataSource, EntityManager } from 'typeorm';
import { CreateOrganisationDto, MemberSearchDto, RecordStageChangeDto, UpdateOrganisationDto, UpdateProfileDto } from './dto/profile.dto';
import type { MemberRef } from './member-ref.pipe';
import { ProfilesErrors } from './profiles.errors';
import { MatchingParticipant } from './profiles.types';
import { OrganisationFields, OrganisationRow, OrganisationsRepository } from './repositories/organisations.repository';
import { EditableProfile, ProfileRow, ProfilesRepository } from './repositories/profiles.repository';
import { DELIVERY_PARTNER_KIND, LEGAL_FORMS, REGIONS, SCORING_TAXONOMY, SECTORS, STAGES, SUPPORT_AREAS } from './taxonomy/taxonomy';
import { checkEligibility } from './eligibility/eligibility';

function toOrganisationView(o: OrganisationRow): OrganisationView {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    sector: o.sector,
    stage: o.stage,
    region: o.region,
    legalForm: o.legal_form,
    staffCount: o.staff_count,
    website: o.website,
    description: o.description,
    logoUrl: o.logo_url,
    createdAt: o.created_at.toISOString(),
  };
}

function toSummary(o: OrganisationRow): OrganisationSummary {
  return { id: o.id, name: o.name, kind: o.kind, sector: o.sector, stage: o.stage, region: o.region, logoUrl: o.logo_url };
}

function toProfileView(p: ProfileRow, organisation: OrganisationRow | undefined): ProfileView {
  return {
    displayName: p.display_name,
    handle: p.handle,
    avatarUrl: p.avatar_url,
    bio: p.bio,
    jobTitle: p.job_title,
    organisationId: p.organisation_id,
    organisation: organisation ? toSummary(organisation) : null,
    region: p.region,
    sectors: p.sectors,
    mentor: { offers: p.mentor_offers, expertise: p.mentor_expertise, capacity: p.mentor_capacity, stageReached: p.mentor_stage_reached },
    mentee: { seeks: p.mentee_seeks, needs: p.mentee_needs, stage: p.mentee_stage },
  };
}

/** The organisation columns a create or update request names, in the table's terms. */
function organisationFields(input: UpdateOrganisationDto): Partial<OrganisationFields> {
  return {
    name: input.name,
    kind: input.kind,
    sector: input.sector,
    stage: input.stage,
    region: input.region,
    legal_form: input.legalForm,
    staff_count: input.staffCount,
    website: input.website,
    description: input.description,
  };
}

@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly identity: IdentityService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  taxonomy(): TaxonomyView {
    return {
      sectors: [...SECTORS],
      stages: [...STAGES],
      supportAreas: [...SUPPORT_AREAS],
      regions: [...REGIONS],
      legalForms: [...LEGAL_FORMS],
    };
  }

  /** The vocabulary the matching engine scores with (the engine itself knows none). */
  scoringTaxonomy(): typeof SCORING_TAXONOMY {
    return SCORING_TAXONOMY;
  }

  /** Keeps the profile's copy of the account in step; a new account gets an empty profile. */
  @OnDomainEvent('identity.user.changed', { phase: 'after-commit' })
  async onUserChanged({ user }: UserChanged): Promise<void> {
    await this.profiles.upsertAccountCopy({
      user_id: user.id,
      display_name: user.displayName,
      handle: user.handle,
      status: user.status,
      avatar_url: user.avatarUrl,
    });
  }

  async me(userId: string): Promise<MeView> {
    const [user, profile] = await Promise.all([this.identity.me(userId), this.ownProfile(userId)]);
    return { user, profile };
  }

  async ownProfile(userId: string): Promise<ProfileView> {
    const profile = await this.profiles.findByUser(userId);
    if (!profile) throw ProfilesErrors.memberNotFound('No profile for this account');
    return toProfileView(profile, await this.organisationOf(profile));
  }

  async updateProfile(userId: string, change: UpdateProfileDto): Promise<ProfileView> {
    const current = await this.profiles.findByUser(userId);
    if (!current) throw ProfilesErrors.memberNotFound('No profile for this account');
    const profile: EditableProfile = { ...current };
    if (change.organisationId) await this.assertMember(userId, change.organisationId, 'organisationId');
    if (change.displayName !== undefined || change.handle !== undefined) {
      const account = await this.identity.updateIdentity(userId, { displayName: change.displayName, handle: change.handle });
      profile.display_name = account.displayName;
      profile.handle = account.handle;
    }
    const { mentor, mentee } = change;
    Object.assign(profile, {
      ...(change.bio !== undefined && { bio: change.bio?.trim() || null }),
      ...(change.jobTitle !== undefined && { job_title: change.jobTitle || null }),
      ...(change.organisationId !== undefined && { organisation_id: change.organisationId }),
      ...(change.region !== undefined && { region: change.region }),
      ...(change.sectors !== undefined && { sectors: change.sectors }),
      ...(mentor?.offers !== undefined && { mentor_offers: mentor.offers }),
      ...(mentor?.expertise !== undefined && { mentor_expertise: mentor.expertise }),
      ...(mentor?.capacity !== undefined && { mentor_capacity: mentor.capacity }),
      ...(mentor?.stageReached !== undefined && { mentor_stage_reached: mentor.stageReached }),
      ...(mentee?.seeks !== undefined && { mentee_seeks: mentee.seeks }),
      ...(mentee?.needs !== undefined && { mentee_needs: mentee.needs }),
      ...(mentee?.stage !== undefined && { mentee_stage: mentee.stage }),
    });
    if (profile.mentor_offers && profile.mentor_expertise.length === 0) {
      throw ProfilesErrors.invalidProfile('A mentor offer needs at least one area of expertise', [
        { field: 'mentor.expertise', message: 'choose at least one support area you can help with' },
      ]);
    }
    if (profile.mentee_seeks && profile.mentee_needs.length === 0) {
      throw ProfilesErrors.invalidProfile('Seeking a mentor needs at least one support need', [
        { field: 'mentee.needs', message: 'choose at least one support area you need help with' },
      ]);
    }
    const saved = await this.profiles.update(userId, profile);
    return toProfileView(saved, await this.organisationOf(saved));
  }

  async createOrganisation(userId: string, input: CreateOrganisationDto): Promise<OrganisationView> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = await this.organisations.insert(
        {
          name: input.name,
          kind: input.kind,
          sector: input.sector,
          stage: input.stage,
          region: input.region,
          legal_form: input.legalForm ?? null,
          staff_count: input.staffCount ?? null,
          website: input.website ?? null,
          description: input.description?.trim() || null,
          created_by: userId,
        },
        manager,
      );
      await this.organisations.addMember(organisation.id, userId, manager);
      await this.organisations.recordStageChange(
        { organisation_id: organisation.id, from_stage: null, to_stage: organisation.stage, changed_by: userId, changed_at: null },
        manager,
      );
      // The founder's profile points at it unless they already belong somewhere.
      await this.profiles.setOrganisation(userId, organisation.id, { onlyIfNone: true }, manager);
      return toOrganisationView(organisation);
    });
  }

  /** A delivery partner of the support programme: an organisation nobody joins by creating it (its advisers are added). */
  async createDeliveryPartner(
    createdBy: string,
    input: { name: string; region: string; description?: string | null },
  ): Promise<OrganisationView> {
    const organisation = await this.organisations.insert({
      name: input.name,
      kind: DELIVERY_PARTNER_KIND,
      sector: 'back-office',
      stage: 'trading',
      region: input.region,
      legal_form: null,
      staff_count: null,
      website: null,
      description: input.description?.trim() || null,
      created_by: createdBy,
    });
    return toOrganisationView(organisation);
  }

  /** The programme's eligibility test (the public check's answer). */
  eligibility(answers: EligibilityRequest): EligibilityResult {
    return checkEligibility(answers);
  }

  /** Adds a member to an organisation and points their profile at it (seeding, invitations). */
  async addOrganisationMember(organisationId: string, userId: string): Promise<void> {
    await this.organisations.addMember(organisationId, userId);
    await this.profiles.setOrganisation(userId, organisationId, { onlyIfNone: false });
  }

  async getOrganisation(id: string): Promise<OrganisationView & { members: PublicProfileView[] }> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw ProfilesErrors.organisationNotFound('No such organisation');
    const members = await this.profiles.activeMembersOf(id);
    return { ...toOrganisationView(organisation), members: members.map((p) => ({ id: p.user_id, ...toProfileView(p, organisation) })) };
  }

  async updateOrganisation(caller: AuthUser, id: string, change: UpdateOrganisationDto): Promise<OrganisationView> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw ProfilesErrors.organisationNotFound('No such organisation');
    if (!isCoordinator(caller)) await this.assertMember(caller.id, id);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.organisations.findForUpdate(id, manager);
      if (!before) throw ProfilesErrors.organisationNotFound('No such organisation');
      const after = await this.organisations.update(id, organisationFields(change), manager);
      if (after.stage !== before.stage) {
        await this.organisations.recordStageChange(
          { organisation_id: id, from_stage: before.stage, to_stage: after.stage, changed_by: caller.id, changed_at: null },
          manager,
        );
      }
      return toOrganisationView(after);
    });
  }

  /**
   * A coordinator records a step of the journey, dated when it happened ("spun out on 1 April"):
   * not in the future and not before the last recorded step, so the journey stays in order.
   */
  async recordStage(caller: AuthUser | null, id: string, input: RecordStageChangeDto): Promise<StageChangeView[]> {
    const changedAt = input.changedAt ? new Date(input.changedAt) : new Date();
    if (changedAt.getTime() > Date.now() + 60_000) {
      throw ProfilesErrors.stageDateOutOfOrder('The date the stage was reached cannot be in the future', [
        { field: 'changedAt', message: 'must not be in the future' },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      const before = await this.organisations.findForUpdate(id, manager);
      if (!before) throw ProfilesErrors.organisationNotFound('No such organisation');
      if (before.stage === input.stage) throw ProfilesErrors.stageUnchanged(`The organisation is already at that stage`);
      const last = await this.organisations.lastStageChangeAt(id, manager);
      if (last && changedAt < last) {
        throw ProfilesErrors.stageDateOutOfOrder(`The organisation's last recorded step was on ${last.toISOString().slice(0, 10)}`, [
          { field: 'changedAt', message: 'must not be before the last recorded step' },
        ]);
      }
      await this.organisations.update(id, { stage: input.stage }, manager);
      await this.organisations.recordStageChange(
        { organisation_id: id, from_stage: before.stage, to_stage: input.stage, changed_by: caller?.id ?? null, changed_at: changedAt },
        manager,
      );
    });
    return this.stageHistory(id);
  }

  /**
   * Replaces an organisation's journey with steps recorded before it was on the platform (the demo
   * data; a programme's own records), oldest first; the organisation ends at the last step's stage.
   */
  async importJourney(id: string, steps: readonly { stage: string; at: Date }[]): Promise<void> {
    const last = steps.at(-1);
    if (!last) return;
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.organisations.findForUpdate(id, manager))) throw ProfilesErrors.organisationNotFound('No such organisation');
      await this.organisations.clearStageChanges(id, manager);
      for (const [index, step] of steps.entries()) {
        const from = index === 0 ? null : steps[index - 1]!.stage;
        await this.organisations.recordStageChange(
          { organisation_id: id, from_stage: from, to_stage: step.stage, changed_by: null, changed_at: step.at },
          manager,
        );
      }
      await this.organisations.update(id, { stage: last.stage }, manager);
    });
  }

  /** The organisation's journey, oldest step first, with who recorded each step. */
  async stageHistory(id: string): Promise<StageChangeView[]> {
    if (!(await this.organisations.findById(id))) throw ProfilesErrors.organisationNotFound('No such organisation');
    const steps = await this.organisations.stageChanges(id);
    const people = await this.profiles.byUsers([...new Set(steps.flatMap((s) => (s.changed_by ? [s.changed_by] : [])))]);
    const names = new Map(people.map((p) => [p.user_id, p.display_name]));
    return steps.map((s) => ({
      id: s.id,
      fromStage: s.from_stage,
      toStage: s.to_stage,
      changedBy: s.changed_by && names.has(s.changed_by) ? { id: s.changed_by, displayName: names.get(s.changed_by)! } : null,
      changedAt: s.changed_at.toISOString(),
    }));
  }

  /**
   * The files lib sets a logo in the transaction that stores it; only the organisation's members
   * and coordinators may.
   */
  async setLogoUrl(caller: AuthUser, organisationId: string, logoUrl: string | null, manager: EntityManager): Promise<void> {
    if (!isCoordinator(caller)) await this.assertMember(caller.id, organisationId, undefined, manager);
    if (!(await this.organisations.setLogoUrl(organisationId, logoUrl, manager)))
      throw ProfilesErrors.organisationNotFound('No such organisation');
  }

  /** The directory: active members only, by name; full-text over name, role and bio. */
  async searchMembers(query: MemberSearchDto): Promise<Page<PublicProfileView>> {
    const rows = await this.profiles.directory({
      q: query.q,
      sector: query.sector,
      region: query.region,
      offersMentoring: query.offersMentoring,
      seeksMentoring: query.seeksMentoring,
      after: decodeCursor(query.cursor, ['text', 'uuid']) as [string, string] | null,
      limit: query.limit + 1,
    });
    const organisations = await this.organisationsById(rows.map((p) => p.organisation_id));
    return toPage(
      rows,
      query.limit,
      (p) => [p.display_name, p.user_id],
      (p) => ({ id: p.user_id, ...toProfileView(p, organisations.get(p.organisation_id ?? '')) }),
    );
  }

  /** Every account (any status) whose own sectors or organisation's sector, and region, match. */
  memberIdsIn(filter: { sector?: string; region?: string }): Promise<string[]> {
    return this.profiles.idsIn(filter);
  }

  /** A member's public profile; a pending or suspended member is visible to coordinators only. */
  async getMember(ref: MemberRef, caller: AuthUser | null): Promise<PublicProfileView> {
    const profile = 'id' in ref ? await this.profiles.findByUser(ref.id) : await this.profiles.findByHandle(ref.handle);
    const visible = profile && (profile.status === 'active' || caller?.id === profile.user_id || (caller && isCoordinator(caller)));
    if (!profile || !visible) throw ProfilesErrors.memberNotFound('No such member');
    return { id: profile.user_id, ...toProfileView(profile, await this.organisationOf(profile)) };
  }

  /** Public profiles of many members at once, for other libs (mentor cards, authors). */
  async getPublicProfiles(ids: readonly string[]): Promise<Map<string, PublicProfileView>> {
    if (ids.length === 0) return new Map();
    const rows = await this.profiles.byUsers([...new Set(ids)]);
    const organisations = await this.organisationsById(rows.map((p) => p.organisation_id));
    return new Map(rows.map((p) => [p.user_id, { id: p.user_id, ...toProfileView(p, organisations.get(p.organisation_id ?? '')) }]));
  }

  /**
   * Every active member who offers or seeks mentoring, with the organisation's sector, stage and
   * region filled in where the profile leaves them open.
   */
  async matchingParticipants(userIds?: readonly string[]): Promise<MatchingParticipant[]> {
    const rows = await this.profiles.participants(userIds);
    return rows.map((r) => ({
      userId: r.user_id,
      organisationId: r.organisation_id,
      sectors: [...new Set([...r.sectors, ...(r.org_sector ? [r.org_sector] : [])])],
      region: r.region,
      mentor: { offers: r.mentor_offers, expertise: r.mentor_expertise, capacity: r.mentor_capacity, stageReached: r.mentor_stage },
      mentee: { seeks: r.mentee_seeks, needs: r.mentee_needs, stage: r.mentee_stage },
    }));
  }

  /** Whether the member belongs to the organisation: other libs authorise on it (a partnership's poster). */
  isOrganisationMember(userId: string, organisationId: string): Promise<boolean> {
    return this.organisations.isMember(userId, organisationId);
  }

  /**
   * The ids of an organisation's active members (a partnership's conversation takes them in).
   * Inside another lib's transaction pass its manager: the embedded database has one connection.
   */
  async activeMemberIds(organisationId: string, manager?: EntityManager): Promise<string[]> {
    return (await this.profiles.activeMembersOf(organisationId, manager)).map((p) => p.user_id);
  }

  /** Organisation summaries by id, for other libs' views; unknown ids are left out. */
  async organisationSummaries(ids: readonly string[]): Promise<Map<string, OrganisationSummary>> {
    return new Map([...(await this.organisationsById([...ids])).values()].map((o) => [o.id, toSummary(o)]));
  }

  private async assertMember(userId: string, organisationId: string, field?: string, manager?: EntityManager): Promise<void> {
    if (!(await this.organisations.isMember(userId, organisationId, manager))) {
      throw ProfilesErrors.notOrganisationMember(
        'Only members of this organisation may do that',
        field ? [{ field, message: 'is not an organisation you belong to' }] : undefined,
      );
    }
  }

  private async organisationOf(profile: ProfileRow): Promise<OrganisationRow | undefined> {
    return profile.organisation_id ? await this.organisations.findById(profile.organisation_id) : undefined;
  }

  private async organisationsById(ids: (string | null)[]): Promise<Map<string, OrganisationRow>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    return new Map((await this.organisations.byIds(wanted)).map((o) => [o.id, o]));
  }
}
