// Forums: categories, a category's threads, a thread and its posts (cursor lists), search and the
// coordinators' flag queue; plus sending a new post so that a retry never doubles it.
import { infiniteQueryOptions, queryOptions, type InfiniteData } from '@tanstack/react-query';
import type { CreateForumPostRequest, CreateForumThreadRequest, ForumCategoryView, ForumFlagView, ForumPostView, ForumSearchPage, ForumThreadSummary, ForumThreadView, Page } from '@mutuals/contracts';
import { api, isApiError } from './client';
import { cursorPaging, mapPageItems } from './queryClient';

export type FlagQueue = 'open' | 'resolved';

export const forumKeys = {
  all: ['forums'] as const,
  categories: () => [...forumKeys.all, 'categories'] as const,
  adminCategories: () => [...forumKeys.all, 'categories', 'admin'] as const,
  threads: (slug: string) => [...forumKeys.all, 'threads', slug] as const,
  thread: (id: string) => [...forumKeys.all, 'thread', id] as const,
  posts: (threadId: string) => [...forumKeys.all, 'posts', threadId] as const,
  search: (q: string) => [...forumKeys.all, 'search', q] as const,
  flags: (queue: FlagQueue) => [...forumKeys.all, 'flags', queue] as const,
};

export const categoriesQuery = () =>
  queryOptions({
    queryKey: forumKeys.categories(),
    queryFn: ({ signal }) => api.get<ForumCategoryView[]>('/forums/categories', { signal }),
  });

/** Every category, archived ones too: the coordinators' list. */
export const adminCategoriesQuery = () =>
  queryOptions({
    queryKey: forumKeys.adminCategories(),
    queryFn: ({ signal }) => api.get<ForumCategoryView[]>('/admin/forums/categories', { signal }),
  });

export const threadsQuery = (slug: string) =>
  infiniteQueryOptions({
    queryKey: forumKeys.threads(slug),
    queryFn: ({ pageParam, signal }) => api.get<Page<ForumThreadSummary>>(`/forums/categories/${slug}/threads`, { query: { limit: 30, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const threadQuery = (id: string) =>
  queryOptions({
    queryKey: forumKeys.thread(id),
    queryFn: ({ signal }) => api.get<ForumThreadView>(`/forums/threads/${id}`, { signal }),
  });

export const postsQuery = (threadId: string) =>
  infiniteQueryOptions({
    queryKey: forumKeys.posts(threadId),
    queryFn: ({ pageParam, signal }) => api.get<Page<ForumPostView>>(`/forums/threads/${threadId}/posts`, { query: { limit: 20, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const searchQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: forumKeys.search(q),
    queryFn: ({ pageParam, signal }) => api.get<ForumSearchPage>('/forums/search', { query: { q, limit: 20, cursor: pageParam }, signal }),
    ...cursorPaging,
    enabled: q !== '',
  });

export const flagsQuery = (queue: FlagQueue) =>
  infiniteQueryOptions({
    queryKey: forumKeys.flags(queue),
    queryFn: ({ pageParam, signal }) => api.get<Page<ForumFlagView>>('/admin/flags', { query: { status: queue, limit: 30, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

type PostPages = InfiniteData<Page<ForumPostView>, unknown>;

/** Puts a post into a loaded thread: replaces its older copy, or adds it at the end when the last page is in. */
export function withPost(data: PostPages | undefined, post: ForumPostView): PostPages | undefined {
  if (!data) return data;
  if (data.pages.some((page) => page.items.some((p) => p.id === post.id))) return mapPageItems(data, (items) => items.map((p) => (p.id === post.id ? post : p)));
  const last = data.pages[data.pages.length - 1];
  // Not at the end of the thread yet: the post arrives with the next page.
  if (!last || last.nextCursor !== null) return data;
  return { ...data, pages: [...data.pages.slice(0, -1), { ...last, items: [...last.items, post] }] };
}

const RETRY_DELAYS_MS = [1000, 3000];

/**
 * POSTs a new thread or reply with its clientId; when the network fails (no answer at all), sends
 * it again with the same clientId, which the server answers with the post it already stored.
 */
export async function sendNewPost<T>(path: string, body: CreateForumPostRequest | CreateForumThreadRequest): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.post<T>(path, body);
    } catch (error) {
      if (!isApiError(error, 0) || attempt >= RETRY_DELAYS_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
    }
  }
}
