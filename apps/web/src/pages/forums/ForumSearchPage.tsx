import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useInfiniteQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { searchQuery } from '../../api/forums';
import { pageItems } from '../../api/queryClient';
import { Alert, Button, EmptyState, LoadMore, PageTitle, Spinner, TextField } from '../../components';
import { when } from './forumsShared';

export function ForumSearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [input, setInput] = useState(q);
  const results = useInfiniteQuery(searchQuery(q));
  const hits = results.data ? pageItems(results.data) : null;
  const error = results.error;

  useEffect(() => {
    setInput(q);
  }, [q]);

  return (
    <>
      <p className="forum-breadcrumb">
        <Link to="/forums">Forums</Link>
      </p>
      <PageTitle title="Search the forums" lead='Words, "an exact phrase", or -word to leave one out.' />
      <form
        role="search"
        className="forum-search-form"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(input.trim() ? { q: input.trim() } : {});
        }}
      >
        <TextField label="Search for" type="search" value={input} onChange={(e) => setInput(e.target.value)} />
        <Button type="submit">Search</Button>
      </form>
      {error && (
        <Alert tone="danger" title="Search failed">
          {errorMessage(error)}
        </Alert>
      )}
      {q && hits === null && !error && <Spinner />}
      {hits?.length === 0 && <EmptyState title="No posts match">Try fewer or different words.</EmptyState>}
      {hits && hits.length > 0 && (
        <ol className="forum-search-results" aria-label="Results">
          {hits.map((hit) => (
            <li key={hit.postId}>
              <Link to={`/forums/threads/${hit.threadId}?post=${hit.postId}`}>{hit.title}</Link>
              {/* The snippet is escaped by the server; its only markup is <mark>. */}
              <p className="forum-snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
              <p className="forum-meta">
                {hit.author.displayName} · <time dateTime={hit.createdAt}>{when(hit.createdAt)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      <LoadMore query={results} label="More results" />
    </>
  );
}
