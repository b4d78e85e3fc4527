import { Injectable } from '@nestjs/common';
import type { CapabilityProfileView, Page } from '@mutuals/contracts';
import { decodeCursor, toPage } from '@mutuals/core';
import type { AuthUser } from '@mutuals/identity';
import { ProfilesService } from '@mutuals/profiles';
import { CapabilitiesRepository } from './capabilities.repository';
import { CapabilityDirectoryDto, CapabilityProfileDto } from './partnerships.dto';
import { PartnershipsErrors } from './partnerships.errors';
import { toCapabilityView, unknownOrganisation } from './partnership-views';

/** What VCSE organisations offer partners: published by their members, read by every member. */
@Injectable()
export class CapabilitiesService {
  constructor(
    private readonly capabilities: CapabilitiesRepository,
    private readonly profiles: ProfilesService,
  ) {}

  async get(caller: AuthUser, organisationId: string): Promise<CapabilityProfileView> {
    const [row, organisation] = await Promise.all([this.capabilities.find(organisationId), this.organisation(organisationId)]);
    if (!row || !organisation) throw PartnershipsErrors.capabilitiesNotFound('This organisation has not published what it offers');
    return toCapabilityView(row, organisation, await this.profiles.isOrganisationMember(caller.id, organisationId));
  }

  /** Its members publish or change a VCSE organisation's profile; other kinds of organisation have none. */
  async save(caller: AuthUser, organisationId: string, input: CapabilityProfileDto): Promise<CapabilityProfileView> {
    const organisation = await this.organisation(organisationId);
    if (!organisation) throw PartnershipsErrors.capabilitiesNotFound('No such organisation');
    if (!(await this.profiles.isOrganisationMember(caller.id, organisationId))) {
      throw PartnershipsErrors.posterOnly("Only the organisation's members publish what it offers");
    }
    if (organisation.kind !== 'vcse')
      throw PartnershipsErrors.notVcse('Capability profiles are for voluntary, community and social enterprise organisations');
    const row = await this.capabilities.save({
      organisation_id: organisationId,
      summary: input.summary,
      capabilities: input.capabilities,
      regions: input.regions,
      // The organisation's own sector is always one it works in, so the directory finds it there.
      sectors: [...new Set([organisation.sector, ...input.sectors])],
      client_groups: input.clientGroups,
      updated_by: caller.id,
    });
    return toCapabilityView(row, organisation, true);
  }

  async directory(caller: AuthUser, query: CapabilityDirectoryDto): Promise<Page<CapabilityProfileView>> {
    const rows = await this.capabilities.directory(
      query,
      decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null,
      query.limit + 1,
    );
    const organisations = await this.profiles.organisationSummaries(rows.map((r) => r.organisation_id));
    const mine = (await this.profiles.ownProfile(caller.id)).organisationId;
    return toPage(
      rows,
      query.limit,
      (r) => [r.at_key, r.organisation_id],
      (r) =>
        toCapabilityView(r, organisations.get(r.organisation_id) ?? unknownOrganisation(r.organisation_id), r.organisation_id === mine),
    );
  }

  private async organisation(id: string) {
    return (await this.profiles.organisationSummaries([id])).get(id);
  }
}
