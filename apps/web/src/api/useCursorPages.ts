// A keyset-paginated list (`{ items, nextCursor }`): the first page loads whenever `key` changes
// (a stale answer is dropped), and loadMore appends the next one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@mutuals/contracts';
import { errorMessage } from './client';

export type PageFetcher<T> = (cursor: string | undefined, signal?: AbortSignal) => Promise<Page<T>>;

export function useCursorPages<T>(fetchPage: PageFetcher<T>, key: string) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The fetcher closes over the page's current filters; the list reloads on `key`, not on identity.
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetcher
      .current(undefined, controller.signal)
      .then((page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [key]);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await fetcher.current(nextCursor);
      setItems((prev) => [...prev, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  }, [nextCursor]);

  return { items, setItems, nextCursor, loading, loadingMore, error, setError, loadMore };
}
