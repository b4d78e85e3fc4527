// Success stories: the public list and page, the author's own, consent requests, the review queue.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Page, StoryCreditRequestView, StoryStatus, StorySummary, StoryView } from '@mutuals/contracts';
import { api } from './client';
import { cursorPaging } from './queryClient';

export interface StoryFilter {
  sector?: string;
  region?: string;
  stage?: string;
  outcome?: string;
  featured?: boolean;
}

export const storyKeys = {
  all: ['stories'] as const,
  list: (filter: StoryFilter) => [...storyKeys.all, 'list', filter] as const,
  bySlug: (slug: string) => [...storyKeys.all, 'slug', slug] as const,
  byId: (id: string) => [...storyKeys.all, 'id', id] as const,
  mine: () => [...storyKeys.all, 'mine'] as const,
  credits: () => [...storyKeys.all, 'credits'] as const,
  queue: (status: StoryStatus) => [...storyKeys.all, 'queue', status] as const,
};

export const storiesQuery = (filter: StoryFilter, limit = 12) =>
  infiniteQueryOptions({
    queryKey: [...storyKeys.list(filter), limit],
    queryFn: ({ pageParam, signal }) => api.get<Page<StorySummary>>('/stories', { query: { ...filter, limit, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const storyBySlugQuery = (slug: string) =>
  queryOptions({
    queryKey: storyKeys.bySlug(slug),
    queryFn: ({ signal }) => api.get<StoryView>(`/stories/${encodeURIComponent(slug)}`, { signal }),
  });

export const storyByIdQuery = (id: string) =>
  queryOptions({ queryKey: storyKeys.byId(id), queryFn: ({ signal }) => api.get<StoryView>(`/stories/by-id/${id}`, { signal }) });

export const myStoriesQuery = () =>
  infiniteQueryOptions({
    queryKey: storyKeys.mine(),
    queryFn: ({ pageParam, signal }) => api.get<Page<StoryView>>('/me/stories', { query: { limit: 20, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const storyCreditsQuery = () =>
  queryOptions({
    queryKey: storyKeys.credits(),
    queryFn: ({ signal }) => api.get<StoryCreditRequestView[]>('/me/story-credits', { signal }),
  });

export const reviewQueueQuery = (status: StoryStatus) =>
  infiniteQueryOptions({
    queryKey: storyKeys.queue(status),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<StoryView>>('/admin/stories', { query: { status, limit: 20, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const STATUS_LABELS: Record<StoryStatus, string> = {
  draft: 'Draft',
  submitted: 'Awaiting review',
  changes_requested: 'Changes requested',
  published: 'Published',
  withdrawn: 'Withdrawn',
};
