import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Page, decodeCursor, toPage, OnDomainEvent } from '@mutuals/core';
import type { MeView, OrganisationSummary, OrganisationView, ProfileView, PublicProfileView, TaxonomyView } from '@mutuals/contracts';
import { AuthUser, IdentityService, UserChanged, isCoordinator } from '@mutuals/identity';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { CreateOrganisationDto, MemberSearchDto, UpdateOrganisationDto, UpdateProfileDto } from './dto/profile.dto';
import { OrganisationEntity, OrganisationMemberEntity } from './entities/organisation.entity';
import { ProfileEntity } from './entities/profile.entity';
import { ProfilesErrors } from './profiles.errors';
import { MatchingParticipant } from './profiles.types';
import { LEGAL_FORMS, REGIONS, SECTORS, STAGES, SUPPORT_AREAS } from './taxonomy/taxonomy';

function toOrganisationView(o: OrganisationEntity): OrganisationView {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    sector: o.sector,
    stage: o.stage,
    region: o.region,
    legalForm: o.legalForm,
    staffCount: o.staffCount,
    website: o.website,
    description: o.description,
    logoUrl: o.logoUrl,
    createdAt: o.createdAt.toISOString(),
  };
}

function toSummary(o: OrganisationEntity): OrganisationSummary {
  return { id: o.id, name: o.name, kind: o.kind, sector: o.sector, stage: o.stage, region: o.region, logoUrl: o.logoUrl };
}

function toProfileView(p: ProfileEntity, organisation: OrganisationEntity | undefined): ProfileView {
  return {
    displayName: p.displayName,
    handle: p.handle,
    avatarUrl: p.avatarUrl,
    bio: p.bio,
    jobTitle: p.jobTitle,
    organisationId: p.organisationId,
    organisation: organisation ? toSummary(organisation) : null,
    region: p.region,
    sectors: p.sectors,
    mentor: { offers: p.mentorOffers, expertise: p.mentorExpertise, capacity: p.mentorCapacity, stageReached: p.mentorStageReached },
    mentee: { seeks: p.menteeSeeks, needs: p.menteeNeeds, stage: p.menteeStage },
  };
}

@Injectable()
export class ProfilesService {
  constructor(
    @InjectRepository(ProfileEntity) private readonly profiles: Repository<ProfileEntity>,
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(OrganisationMemberEntity) private readonly memberships: Repository<OrganisationMemberEntity>,
    private readonly identity: IdentityService,
    private readonly dataSource: DataSource,
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

  /** Keeps the profile's copy of the account in step; a new account gets an empty profile. */
  @OnDomainEvent('identity.user.changed', { phase: 'after-commit' })
  async onUserChanged({ user }: UserChanged): Promise<void> {
    await this.profiles.upsert(
      { userId: user.id, displayName: user.displayName, handle: user.handle, status: user.status, avatarUrl: user.avatarUrl },
      { conflictPaths: ['userId'] },
    );
  }

  async me(userId: string): Promise<MeView> {
    const [user, profile] = await Promise.all([this.identity.me(userId), this.ownProfile(userId)]);
    return { user, profile };
  }

  async ownProfile(userId: string): Promise<ProfileView> {
    const profile = await this.profiles.findOneBy({ userId });
    if (!profile) throw ProfilesErrors.memberNotFound('No profile for this account');
    return toProfileView(profile, await this.organisationOf(profile));
  }

  async updateProfile(userId: string, change: UpdateProfileDto): Promise<ProfileView> {
    const profile = await this.profiles.findOneBy({ userId });
    if (!profile) throw ProfilesErrors.memberNotFound('No profile for this account');
    if (change.organisationId) await this.assertMember(userId, change.organisationId, 'organisationId');
    if (change.displayName !== undefined || change.handle !== undefined) {
      const account = await this.identity.updateIdentity(userId, { displayName: change.displayName, handle: change.handle });
      profile.displayName = account.displayName;
      profile.handle = account.handle;
    }
    const { mentor, mentee } = change;
    Object.assign(profile, {
      ...(change.bio !== undefined && { bio: change.bio?.trim() || null }),
      ...(change.jobTitle !== undefined && { jobTitle: change.jobTitle || null }),
      ...(change.organisationId !== undefined && { organisationId: change.organisationId }),
      ...(change.region !== undefined && { region: change.region }),
      ...(change.sectors !== undefined && { sectors: change.sectors }),
      ...(mentor?.offers !== undefined && { mentorOffers: mentor.offers }),
      ...(mentor?.expertise !== undefined && { mentorExpertise: mentor.expertise }),
      ...(mentor?.capacity !== undefined && { mentorCapacity: mentor.capacity }),
      ...(mentor?.stageReached !== undefined && { mentorStageReached: mentor.stageReached }),
      ...(mentee?.seeks !== undefined && { menteeSeeks: mentee.seeks }),
      ...(mentee?.needs !== undefined && { menteeNeeds: mentee.needs }),
      ...(mentee?.stage !== undefined && { menteeStage: mentee.stage }),
    });
    if (profile.mentorOffers && profile.mentorExpertise.length === 0) {
      throw ProfilesErrors.invalidProfile('A mentor offer needs at least one area of expertise', [
        { field: 'mentor.expertise', message: 'choose at least one support area you can help with' },
      ]);
    }
    if (profile.menteeSeeks && profile.menteeNeeds.length === 0) {
      throw ProfilesErrors.invalidProfile('Seeking a mentor needs at least one support need', [
        { field: 'mentee.needs', message: 'choose at least one support area you need help with' },
      ]);
    }
    await this.profiles.save(profile);
    return toProfileView(profile, await this.organisationOf(profile));
  }

  async createOrganisation(userId: string, input: CreateOrganisationDto): Promise<OrganisationView> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = manager.create(OrganisationEntity, {
        ...input,
        legalForm: input.legalForm ?? null,
        staffCount: input.staffCount ?? null,
        website: input.website ?? null,
        description: input.description?.trim() || null,
        createdBy: userId,
      });
      await manager.save(organisation);
      await manager.insert(OrganisationMemberEntity, { organisationId: organisation.id, userId });
      // The founder's profile points at it unless they already belong somewhere.
      await manager
        .createQueryBuilder()
        .update(ProfileEntity)
        .set({ organisationId: organisation.id })
        .where('user_id = :userId AND organisation_id IS NULL', { userId })
        .execute();
      return toOrganisationView(organisation);
    });
  }

  /** Adds a member to an organisation and points their profile at it (seeding, invitations). */
  async addOrganisationMember(organisationId: string, userId: string): Promise<void> {
    await this.memberships.upsert({ organisationId, userId }, { conflictPaths: ['organisationId', 'userId'] });
    await this.profiles.update({ userId }, { organisationId });
  }

  async getOrganisation(id: string): Promise<OrganisationView & { members: PublicProfileView[] }> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw ProfilesErrors.organisationNotFound('No such organisation');
    const members = await this.profiles.find({ where: { organisationId: id, status: 'active' }, order: { displayName: 'ASC' } });
    return { ...toOrganisationView(organisation), members: members.map((p) => ({ id: p.userId, ...toProfileView(p, organisation) })) };
  }

  async updateOrganisation(caller: AuthUser, id: string, change: UpdateOrganisationDto): Promise<OrganisationView> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw ProfilesErrors.organisationNotFound('No such organisation');
    if (!isCoordinator(caller)) await this.assertMember(caller.id, id);
    Object.assign(organisation, change);
    await this.organisations.save(organisation);
    return toOrganisationView(organisation);
  }

  /**
   * The files lib sets a logo in the transaction that stores it; only the organisation's members
   * and coordinators may.
   */
  async setLogoUrl(caller: AuthUser, organisationId: string, logoUrl: string | null, manager: EntityManager): Promise<void> {
    if (!isCoordinator(caller)) await this.assertMember(caller.id, organisationId, undefined, manager);
    const [, changed] = await manager.query(`UPDATE organisations SET logo_url = $2, updated_at = now() WHERE id = $1`, [organisationId, logoUrl]);
    if (!changed) throw ProfilesErrors.organisationNotFound('No such organisation');
  }

  /** The directory: active members only, by name; full-text over name, role and bio. */
  async searchMembers(query: MemberSearchDto): Promise<Page<PublicProfileView>> {
    const qb = this.profiles
      .createQueryBuilder('p')
      .leftJoin(OrganisationEntity, 'o', 'o.id = p.organisation_id')
      .where("p.status = 'active'");
    if (query.q) {
      qb.andWhere("(p.search_vector @@ websearch_to_tsquery('simple', :q) OR p.display_name ILIKE :like OR o.name ILIKE :like)", {
        q: query.q,
        like: `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`,
      });
    }
    if (query.sector) qb.andWhere('(:sector = ANY(p.sectors) OR o.sector = :sector)', { sector: query.sector });
    if (query.region) qb.andWhere('COALESCE(p.region, o.region) = :region', { region: query.region });
    if (query.offersMentoring !== undefined) qb.andWhere('p.mentor_offers = :offers', { offers: query.offersMentoring });
    if (query.seeksMentoring !== undefined) qb.andWhere('p.mentee_seeks = :seeks', { seeks: query.seeksMentoring });
    const after = decodeCursor(query.cursor, 2);
    if (after) qb.andWhere('(p.display_name, p.user_id) > (:name, :id)', { name: after[0], id: after[1] });
    const rows = await qb
      .orderBy('p.display_name', 'ASC')
      .addOrderBy('p.user_id', 'ASC')
      .take(query.limit + 1)
      .getMany();
    const organisations = await this.organisationsById(rows.map((p) => p.organisationId));
    return toPage(
      rows,
      query.limit,
      (p) => [p.displayName, p.userId],
      (p) => ({ id: p.userId, ...toProfileView(p, organisations.get(p.organisationId ?? '')) }),
    );
  }

  /** A member's public profile; a pending or suspended member is visible to coordinators only. */
  async getMember(id: string, caller: AuthUser | null): Promise<PublicProfileView> {
    const profile = await this.profiles.findOneBy({ userId: id });
    const visible = profile && (profile.status === 'active' || caller?.id === id || (caller && isCoordinator(caller)));
    if (!profile || !visible) throw ProfilesErrors.memberNotFound('No such member');
    return { id: profile.userId, ...toProfileView(profile, await this.organisationOf(profile)) };
  }

  /** Public profiles of many members at once, for other libs (mentor cards, authors). */
  async getPublicProfiles(ids: readonly string[]): Promise<Map<string, PublicProfileView>> {
    if (ids.length === 0) return new Map();
    const rows = await this.profiles.findBy({ userId: In([...new Set(ids)]) });
    const organisations = await this.organisationsById(rows.map((p) => p.organisationId));
    return new Map(rows.map((p) => [p.userId, { id: p.userId, ...toProfileView(p, organisations.get(p.organisationId ?? '')) }]));
  }

  /**
   * Every active member who offers or seeks mentoring, with the organisation's sector, stage and
   * region filled in where the profile leaves them open.
   */
  async matchingParticipants(userIds?: readonly string[]): Promise<MatchingParticipant[]> {
    const qb = this.profiles
      .createQueryBuilder('p')
      .leftJoin(OrganisationEntity, 'o', 'o.id = p.organisation_id')
      .select([
        'p.user_id AS user_id',
        'p.organisation_id AS organisation_id',
        'p.sectors AS sectors',
        'o.sector AS org_sector',
        'COALESCE(p.region, o.region) AS region',
        'p.mentor_offers AS mentor_offers',
        'p.mentor_expertise AS mentor_expertise',
        'p.mentor_capacity AS mentor_capacity',
        'COALESCE(p.mentor_stage_reached, o.stage) AS mentor_stage',
        'p.mentee_seeks AS mentee_seeks',
        'p.mentee_needs AS mentee_needs',
        'COALESCE(p.mentee_stage, o.stage) AS mentee_stage',
      ])
      .where("p.status = 'active'")
      .andWhere('(p.mentor_offers OR p.mentee_seeks)');
    if (userIds) qb.andWhere('p.user_id IN (:...ids)', { ids: userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000'] });
    const rows = await qb.getRawMany<{
      user_id: string;
      organisation_id: string | null;
      sectors: string[];
      org_sector: string | null;
      region: string | null;
      mentor_offers: boolean;
      mentor_expertise: string[];
      mentor_capacity: number;
      mentor_stage: string | null;
      mentee_seeks: boolean;
      mentee_needs: string[];
      mentee_stage: string | null;
    }>();
    return rows.map((r) => ({
      userId: r.user_id,
      organisationId: r.organisation_id,
      sectors: [...new Set([...r.sectors, ...(r.org_sector ? [r.org_sector] : [])])],
      region: r.region,
      mentor: { offers: r.mentor_offers, expertise: r.mentor_expertise, capacity: r.mentor_capacity, stageReached: r.mentor_stage },
      mentee: { seeks: r.mentee_seeks, needs: r.mentee_needs, stage: r.mentee_stage },
    }));
  }

  private async assertMember(userId: string, organisationId: string, field?: string, manager?: EntityManager): Promise<void> {
    const memberships = manager ? manager.getRepository(OrganisationMemberEntity) : this.memberships;
    if (!(await memberships.existsBy({ userId, organisationId }))) {
      throw ProfilesErrors.notOrganisationMember(
        'Only members of this organisation may do that',
        field ? [{ field, message: 'is not an organisation you belong to' }] : undefined,
      );
    }
  }

  private async organisationOf(profile: ProfileEntity): Promise<OrganisationEntity | undefined> {
    return profile.organisationId ? ((await this.organisations.findOneBy({ id: profile.organisationId })) ?? undefined) : undefined;
  }

  private async organisationsById(ids: (string | null)[]): Promise<Map<string, OrganisationEntity>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    return new Map((await this.organisations.findBy({ id: In(wanted) })).map((o) => [o.id, o]));
  }
}
