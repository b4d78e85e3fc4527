// Organisations a new member can join: search by name, asking to join, and the requests to join
// that the caller made or may answer (as a member of the organisation, or a coordinator).
import { queryOptions } from '@tanstack/react-query';
import type { OrganisationJoinRequestView, OrganisationSummary } from '@mutuals/contracts';
import { api } from './client';

export const organisationKeys = {
  all: ['organisations'] as const,
  search: (q: string) => [...organisationKeys.all, 'search', q] as const,
  joinRequests: (box: 'mine' | 'to-decide') => [...organisationKeys.all, 'join-requests', box] as const,
};

export const organisationSearchQuery = (q: string) =>
  queryOptions({
    queryKey: organisationKeys.search(q),
    queryFn: ({ signal }) => api.get<OrganisationSummary[]>('/organisations', { query: { q }, signal }),
    enabled: q.length >= 2,
  });

export const joinRequestsQuery = (box: 'mine' | 'to-decide') =>
  queryOptions({
    queryKey: organisationKeys.joinRequests(box),
    queryFn: ({ signal }) => api.get<OrganisationJoinRequestView[]>('/organisation-join-requests', { query: { box }, signal }),
  });
