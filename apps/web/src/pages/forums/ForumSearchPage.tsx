import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ForumSearchHit, ForumSearchPage as SearchPage } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { Alert, Button, EmptyState, PageTitle, Spinner, TextField } from '../../components';
import { when } from './forumsShared';

export function ForumSearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [input, setInput] = useState(q);
  const [hits, setHits] = useState<ForumSearchHit[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (after?: string) => {
    try {
      const page = await api.get<SearchPage>('/forums/search', { query: { q, limit: 20, cursor: after } });
      setHits((current) => (after && current ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  useEffect(() => {
    setInput(q);
    setHits(null);
    setError(null);
    if (q) void load();
  }, [q]);

  return (
    <>
      <p className="forum-breadcrumb"><Link to="/forums">Forums</Link></p>
      <PageTitle title="Search the forums" lead='Words, "an exact phrase", or -word to leave one out.' />
      <form role="search" className="forum-search-form" onSubmit={(e) => { e.preventDefault(); setParams(input.trim() ? { q: input.trim() } : {}); }}>
        <TextField label="Search for" type="search" value={input} onChange={(e) => setInput(e.target.value)} />
        <Button type="submit">Search</Button>
      </form>
      {error && <Alert tone="danger" title="Search failed">{error}</Alert>}
      {q && hits === null && !error && <Spinner />}
      {hits?.length === 0 && <EmptyState title="No posts match">Try fewer or different words.</EmptyState>}
      {hits && hits.length > 0 && (
        <ol className="forum-search-results" aria-label="Results">
          {hits.map((hit) => (
            <li key={hit.postId}>
              <Link to={`/forums/threads/${hit.threadId}?post=${hit.postId}`}>{hit.title}</Link>
              {/* The snippet is escaped by the server; its only markup is <mark>. */}
              <p className="forum-snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
              <p className="forum-meta">{hit.author.displayName} · <time dateTime={hit.createdAt}>{when(hit.createdAt)}</time></p>
            </li>
          ))}
        </ol>
      )}
      {cursor && <Button variant="secondary" onClick={() => void load(cursor)}>More results</Button>}
    </>
  );
}
