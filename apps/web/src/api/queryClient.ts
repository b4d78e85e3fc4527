// The one TanStack Query client: every server read of the app lives in its cache.
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import type { Page } from '@mutuals/contracts';
import { isApiError } from './client';

/** A 4xx is an answer, not a hiccup: only network failures and 5xx are worth another try. */
function retryable(failures: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Live data arrives over the socket and writes into the cache, so a short staleness is enough.
      queries: { staleTime: 30_000, retry: retryable, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();

/** The options every cursor list (`{ items, nextCursor }`) shares with useInfiniteQuery. */
export const cursorPaging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: Page<unknown>) => last.nextCursor ?? undefined,
};

/** Every item of the pages loaded so far, in order. */
export function pageItems<T>(data: InfiniteData<Page<T>, unknown> | undefined): T[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

/** Rewrites every item of a cached cursor list (e.g. a post edited, a row that changed tab). */
export function mapPageItems<T>(data: InfiniteData<Page<T>, unknown> | undefined, change: (items: T[]) => T[]): InfiniteData<Page<T>, unknown> | undefined {
  return data && { ...data, pages: data.pages.map((page) => ({ ...page, items: change(page.items) })) };
}
