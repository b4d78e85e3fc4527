import { Injectable } from '@nestjs/common';
import type { OrganisationSummary } from '@mutuals/contracts';
import type { AuthUser } from '@mutuals/identity';
import { ProfilesService } from '@mutuals/profiles';
import { OpportunitiesRepository, type OpportunityRow } from './opportunities.repository';
import { PartnershipsErrors } from './partnerships.errors';

/**
 * Who may see and manage an opportunity: its organisation's members manage it (and alone see it
 * as a draft); every member sees it once published.
 */
@Injectable()
export class PartnershipAccess {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly opportunities: OpportunitiesRepository,
  ) {}

  /** The organisation on the caller's profile, or null. */
  async organisationOf(userId: string): Promise<OrganisationSummary | null> {
    return (await this.profiles.ownProfile(userId)).organisation ?? null;
  }

  async requireOrganisation(userId: string, doing: string): Promise<OrganisationSummary> {
    const organisation = await this.organisationOf(userId);
    if (!organisation) throw PartnershipsErrors.noOrganisation(`${doing} needs an organisation on your profile`);
    return organisation;
  }

  /** The opportunity as the caller may see it; 404 for a draft outside its organisation. */
  async visible(caller: AuthUser, id: string): Promise<{ opportunity: OpportunityRow; canManage: boolean }> {
    const opportunity = await this.opportunities.findById(id);
    if (!opportunity) throw PartnershipsErrors.opportunityNotFound('No such opportunity');
    const canManage = await this.profiles.isOrganisationMember(caller.id, opportunity.organisation_id);
    if (opportunity.status === 'draft' && !canManage) throw PartnershipsErrors.opportunityNotFound('No such opportunity');
    return { opportunity, canManage };
  }

  /** The opportunity, for a member of the poster's organisation only (403 for others who can see it). */
  async managed(caller: AuthUser, id: string): Promise<OpportunityRow> {
    const { opportunity, canManage } = await this.visible(caller, id);
    if (!canManage)
      throw PartnershipsErrors.posterOnly("Only members of the poster's organisation manage this opportunity and read its pitches");
    return opportunity;
  }
}
