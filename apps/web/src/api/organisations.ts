// Organisations a new member can join: search by name, asking to join, and the requests to join
// that the caller made or may answer (as a member of the organisation, or a coordinator); an
// organisation's journey through the stages, and coordinators recording a step of it.
import { queryOptions } from '@tanstack/react-query';
import type { OrganisationJoinRequestView, OrganisationSummary, RecordStageChangeRequest, StageChangeView } from '@mutuals/contracts';
import { api } from './client';

export const organisationKeys = {
  all: ['organisations'] as const,
  search: (q: string) => [...organisationKeys.all, 'search', q] as const,
  joinRequests: (box: 'mine' | 'to-decide') => [...organisationKeys.all, 'join-requests', box] as const,
  stages: (id: string) => [...organisationKeys.all, 'stages', id] as const,
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

export const stagesQuery = (organisationId: string) =>
  queryOptions({
    queryKey: organisationKeys.stages(organisationId),
    queryFn: ({ signal }) => api.get<StageChangeView[]>(`/organisations/${organisationId}/stages`, { signal }),
  });

/** Answers the whole journey, with the new step. */
export const recordStage = (organisationId: string, step: RecordStageChangeRequest) =>
  api.post<StageChangeView[]>(`/admin/organisations/${organisationId}/stages`, step);
