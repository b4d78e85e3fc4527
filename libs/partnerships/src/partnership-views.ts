import type { CapabilityProfileView, FitView, InterestView, OpportunityView, OrganisationSummary } from '@mutuals/contracts';
import type { UserSummary } from '@mutuals/identity';
import type { CapabilityProfileRow } from './capabilities.repository';
import type { InterestRow, OpportunityRow } from './opportunities.repository';

/** An organisation that has gone (or that the caller may not know): named, never a crash. */
export function unknownOrganisation(id: string): OrganisationSummary {
  return { id, name: 'An organisation', kind: 'mutual', sector: '', stage: '', region: '', logoUrl: null };
}

export function toOpportunityView(
  row: OpportunityRow,
  extra: {
    organisation: OrganisationSummary;
    fit: FitView | null;
    canManage: boolean;
    myInterest: InterestView | null;
  },
): OpportunityView {
  const inConversation = extra.canManage || extra.myInterest?.shortlisted === true;
  return {
    id: row.id,
    organisation: extra.organisation,
    title: row.title,
    commissioner: row.commissioner,
    description: row.description,
    sector: row.sector,
    region: row.region,
    valueBand: row.value_band,
    capabilitiesSought: row.capabilities_sought,
    deadline: row.deadline.toISOString(),
    status: row.status,
    valueWon: row.value_won === null ? null : Number(row.value_won),
    interestCount: row.interest_count,
    fit: extra.fit,
    canManage: extra.canManage,
    myInterest: extra.myInterest,
    conversationId: inConversation ? row.conversation_id : null,
    createdAt: row.created_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}

export function toInterestView(
  row: InterestRow,
  organisation: OrganisationSummary,
  member: UserSummary | undefined,
  fit: FitView,
): InterestView {
  return {
    id: row.id,
    opportunityId: row.opportunity_id,
    organisation,
    member: { id: row.member_id, displayName: member?.displayName ?? 'Former member', handle: member?.handle ?? '' },
    pitch: row.pitch,
    shortlisted: row.shortlisted_at !== null,
    fit,
    createdAt: row.created_at.toISOString(),
  };
}

export function toCapabilityView(row: CapabilityProfileRow, organisation: OrganisationSummary, canEdit: boolean): CapabilityProfileView {
  return {
    organisation,
    summary: row.summary,
    capabilities: row.capabilities,
    regions: row.regions,
    sectors: row.sectors,
    clientGroups: row.client_groups,
    updatedAt: row.updated_at.toISOString(),
    canEdit,
  };
}
