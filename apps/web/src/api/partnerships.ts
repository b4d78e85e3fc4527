// Partnerships: the opportunity board, opportunities, pitches and the shortlist, the VCSE
// directory and capability profiles, and the console's figures.
import { infiniteQueryOptions, queryOptions, useQuery } from '@tanstack/react-query';
import type {
  CapabilityDirectoryQuery,
  CapabilityProfileView,
  InterestView,
  OpportunityListQuery,
  OpportunityView,
  Page,
  PartnershipFiguresView,
  PartnershipsTaxonomyView,
} from '@mutuals/contracts';
import { api } from './client';
import { cursorPaging } from './queryClient';

export const partnershipKeys = {
  all: ['partnerships'] as const,
  taxonomy: () => [...partnershipKeys.all, 'taxonomy'] as const,
  opportunities: (query: OpportunityListQuery) => [...partnershipKeys.all, 'opportunities', query] as const,
  opportunity: (id: string) => [...partnershipKeys.all, 'opportunity', id] as const,
  interests: (id: string) => [...partnershipKeys.all, 'interests', id] as const,
  directory: (query: CapabilityDirectoryQuery) => [...partnershipKeys.all, 'directory', query] as const,
  capabilities: (organisationId: string) => [...partnershipKeys.all, 'capabilities', organisationId] as const,
  figures: () => [...partnershipKeys.all, 'figures'] as const,
};

export const partnershipsTaxonomyQuery = queryOptions({
  queryKey: partnershipKeys.taxonomy(),
  queryFn: ({ signal }) => api.get<PartnershipsTaxonomyView>('/partnerships/taxonomy', { signal }),
  staleTime: Infinity,
});

export const usePartnershipsTaxonomy = () => useQuery(partnershipsTaxonomyQuery).data ?? null;

export const opportunitiesQuery = (query: OpportunityListQuery) =>
  infiniteQueryOptions({
    queryKey: partnershipKeys.opportunities(query),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<OpportunityView>>('/partnerships/opportunities', { query: { ...query, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const opportunityQuery = (id: string) =>
  queryOptions({
    queryKey: partnershipKeys.opportunity(id),
    queryFn: ({ signal }) => api.get<OpportunityView>(`/partnerships/opportunities/${id}`, { signal }),
  });

export const interestsQuery = (id: string) =>
  infiniteQueryOptions({
    queryKey: partnershipKeys.interests(id),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<InterestView>>(`/partnerships/opportunities/${id}/interests`, { query: { cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const directoryQuery = (query: CapabilityDirectoryQuery) =>
  infiniteQueryOptions({
    queryKey: partnershipKeys.directory(query),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CapabilityProfileView>>('/partnerships/organisations', { query: { ...query, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const capabilitiesQuery = (organisationId: string) =>
  queryOptions({
    queryKey: partnershipKeys.capabilities(organisationId),
    queryFn: ({ signal }) => api.get<CapabilityProfileView>(`/partnerships/organisations/${organisationId}/capabilities`, { signal }),
    retry: false,
  });

export const partnershipFiguresQuery = () =>
  queryOptions({
    queryKey: partnershipKeys.figures(),
    queryFn: ({ signal }) => api.get<PartnershipFiguresView>('/admin/partnerships/figures', { signal }),
  });

/** Whole pounds, as people write them: £1,200,000. */
export const pounds = (value: number) => `£${value.toLocaleString('en-GB')}`;

export const STATUS_LABELS: Record<OpportunityView['status'], string> = {
  draft: 'Draft',
  open: 'Open for interest',
  closed: 'Closed for interest',
  partnered: 'Partnered',
  won: 'Won',
  lost: 'Not won',
  withdrawn: 'Withdrawn',
};
