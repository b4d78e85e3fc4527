// Mentoring: suggestions, requests, mentorships and the coordinators' matching weights.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  AdminMentorshipListQuery,
  AdminMentorshipSummaryView,
  AgreementState,
  CheckInFlagView,
  CheckInView,
  MatchingRoundSummaryView,
  MatchingWeightsView,
  MeetingView,
  MentorAvailabilityView,
  MentorSuggestionView,
  MentoringRequestView,
  MentorshipCareView,
  MentorshipChangeView,
  MentorshipSummaryView,
  MentorshipView,
  Page,
} from '@mutuals/contracts';
import { api } from './client';
import { cursorPaging } from './queryClient';

export type RequestBox = 'incoming' | 'outgoing';

export const mentoringKeys = {
  all: ['mentoring'] as const,
  suggestions: () => [...mentoringKeys.all, 'suggestions'] as const,
  requests: (box: RequestBox) => [...mentoringKeys.all, 'requests', box] as const,
  mentorships: () => [...mentoringKeys.all, 'mentorships'] as const,
  mentorship: (id: string) => [...mentoringKeys.all, 'mentorship', id] as const,
  weights: () => [...mentoringKeys.all, 'weights'] as const,
  availability: (mentorId: string) => [...mentoringKeys.all, 'availability', mentorId] as const,
  rounds: () => [...mentoringKeys.all, 'rounds'] as const,
  allMentorships: (query: AdminMentorshipListQuery) => [...mentoringKeys.all, 'all-mentorships', query] as const,
};

export const suggestionsQuery = () =>
  queryOptions({
    queryKey: mentoringKeys.suggestions(),
    queryFn: ({ signal }) => api.get<MentorSuggestionView[]>('/mentoring/suggestions', { query: { limit: 6 }, signal }),
  });

export const requestsQuery = (box: RequestBox) =>
  infiniteQueryOptions({
    queryKey: mentoringKeys.requests(box),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<MentoringRequestView>>('/mentoring/requests', { query: { box, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const mentorshipsQuery = () =>
  infiniteQueryOptions({
    queryKey: mentoringKeys.mentorships(),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<MentorshipSummaryView>>('/mentoring/mentorships', { query: { cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const mentorshipQuery = (id: string) =>
  queryOptions({
    queryKey: mentoringKeys.mentorship(id),
    queryFn: ({ signal }) => api.get<MentorshipView>(`/mentoring/mentorships/${id}`, { signal }),
  });

export const weightsQuery = () =>
  queryOptions({
    queryKey: mentoringKeys.weights(),
    queryFn: ({ signal }) => api.get<MatchingWeightsView>('/mentoring/weights', { signal }),
    staleTime: Infinity,
  });

// The pair's care: meetings, the agreement, check-ins, the record of changes.
export const careKeys = {
  meetings: (id: string) => [...mentoringKeys.all, 'meetings', id] as const,
  agreement: (id: string) => [...mentoringKeys.all, 'agreement', id] as const,
  changes: (id: string) => [...mentoringKeys.all, 'changes', id] as const,
  checkIns: () => [...mentoringKeys.all, 'check-ins'] as const,
  care: (id: string) => [...mentoringKeys.all, 'care', id] as const,
  flags: () => [...mentoringKeys.all, 'check-in-flags'] as const,
};

export const meetingsQuery = (id: string) =>
  queryOptions({
    queryKey: careKeys.meetings(id),
    queryFn: ({ signal }) => api.get<MeetingView[]>(`/mentoring/mentorships/${id}/meetings`, { signal }),
  });

export const agreementQuery = (id: string) =>
  queryOptions({
    queryKey: careKeys.agreement(id),
    queryFn: ({ signal }) => api.get<AgreementState>(`/mentoring/mentorships/${id}/agreement`, { signal }),
  });

export const changesQuery = (id: string) =>
  queryOptions({
    queryKey: careKeys.changes(id),
    queryFn: ({ signal }) => api.get<MentorshipChangeView[]>(`/mentoring/mentorships/${id}/changes`, { signal }),
  });

export const checkInsQuery = () =>
  queryOptions({
    queryKey: careKeys.checkIns(),
    queryFn: ({ signal }) => api.get<CheckInView[]>('/mentoring/check-ins', { signal }),
  });

export const careQuery = (id: string) =>
  queryOptions({
    queryKey: careKeys.care(id),
    queryFn: ({ signal }) => api.get<MentorshipCareView>(`/admin/mentoring/mentorships/${id}/care`, { signal }),
  });

export const checkInFlagsQuery = () =>
  queryOptions({
    queryKey: careKeys.flags(),
    queryFn: ({ signal }) => api.get<CheckInFlagView[]>('/admin/mentoring/check-ins/flags', { signal }),
  });

/** Whether a mentor has a place left: a full mentor is shown as full and cannot be requested. */
export const availabilityQuery = (mentorId: string) =>
  queryOptions({
    queryKey: mentoringKeys.availability(mentorId),
    queryFn: ({ signal }) => api.get<MentorAvailabilityView>(`/mentoring/mentors/${mentorId}/availability`, { signal }),
  });

/** The coordinators' history of matching rounds, newest first. */
export const roundsQuery = () =>
  infiniteQueryOptions({
    queryKey: mentoringKeys.rounds(),
    queryFn: ({ pageParam, signal }) => api.get<Page<MatchingRoundSummaryView>>('/admin/matching/rounds', { query: { cursor: pageParam }, signal }),
    ...cursorPaging,
  });

/** Every pair, for coordinators: counts and health, never goals or notes. */
export const allMentorshipsQuery = (query: Omit<AdminMentorshipListQuery, 'cursor'>) =>
  infiniteQueryOptions({
    queryKey: mentoringKeys.allMentorships(query),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AdminMentorshipSummaryView>>('/admin/mentoring/mentorships', { query: { ...query, cursor: pageParam }, signal }),
    ...cursorPaging,
  });
