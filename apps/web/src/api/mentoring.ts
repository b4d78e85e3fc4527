// Mentoring: suggestions, requests, mentorships and the coordinators' matching weights.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { MatchingWeightsView, MentoringRequestView, MentorshipSummaryView, MentorshipView, MentorSuggestionView, Page } from '@mutuals/contracts';
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
};

export const suggestionsQuery = () =>
  queryOptions({
    queryKey: mentoringKeys.suggestions(),
    queryFn: ({ signal }) => api.get<MentorSuggestionView[]>('/mentoring/suggestions', { query: { limit: 6 }, signal }),
  });

export const requestsQuery = (box: RequestBox) =>
  infiniteQueryOptions({
    queryKey: mentoringKeys.requests(box),
    queryFn: ({ pageParam, signal }) => api.get<Page<MentoringRequestView>>('/mentoring/requests', { query: { box, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const mentorshipsQuery = () =>
  infiniteQueryOptions({
    queryKey: mentoringKeys.mentorships(),
    queryFn: ({ pageParam, signal }) => api.get<Page<MentorshipSummaryView>>('/mentoring/mentorships', { query: { cursor: pageParam }, signal }),
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
