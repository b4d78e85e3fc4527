import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ForumFlagAction, ForumFlagView, Page } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { Alert, Badge, Button, EmptyState, PageTitle, Spinner, Tabs } from '../../components';
import { when } from './forumsShared';

type Queue = 'open' | 'resolved';

/** The coordinators' moderation queue: oldest flag first. */
export function AdminFlagsPage() {
  const [queue, setQueue] = useState<Queue>('open');
  const [flags, setFlags] = useState<ForumFlagView[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (after?: string) => {
    try {
      const page = await api.get<Page<ForumFlagView>>('/admin/flags', { query: { status: queue, limit: 30, cursor: after } });
      setFlags((current) => (after && current ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [queue]);

  useEffect(() => {
    setFlags(null);
    void load();
  }, [load]);

  const resolve = async (flag: ForumFlagView, action: ForumFlagAction) => {
    try {
      await api.post(`/admin/flags/${flag.id}/resolve`, { action });
      // Resolving closes every open flag on the same post.
      setFlags((current) => current?.filter((f) => f.post.id !== flag.post.id) ?? null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const restore = async (flag: ForumFlagView) => {
    try {
      await api.post(`/admin/posts/${flag.post.id}/restore`);
      void load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <>
      <PageTitle title="Flagged posts" lead="Hide what breaks the rules; dismiss what does not. Hidden posts can be restored." />
      {error && <Alert tone="danger" title="Something went wrong">{error}</Alert>}
      <Tabs label="Queue" idPrefix="flags" selected={queue} onSelect={setQueue} tabs={[{ id: 'open', label: 'Open' }, { id: 'resolved', label: 'Resolved' }]}>
        {flags === null && <Spinner />}
        {flags?.length === 0 && <EmptyState title={queue === 'open' ? 'Nothing to review' : 'Nothing resolved yet'}>Flags from members appear here.</EmptyState>}
        {flags && flags.length > 0 && (
          <ul className="forum-flag-list">
            {flags.map((flag) => (
              <li key={flag.id} className="forum-flag" aria-label={`Flag on a post by ${flag.post.author.displayName}`}>
                <p>
                  <strong>{flag.reporter.displayName}</strong> flagged a post by <strong>{flag.post.author.displayName}</strong> in{' '}
                  <Link to={`/forums/threads/${flag.post.threadId}?post=${flag.post.id}`}>{flag.post.threadTitle}</Link>, <time dateTime={flag.createdAt}>{when(flag.createdAt)}</time>
                </p>
                <blockquote className="forum-flag-reason">{flag.reason}</blockquote>
                {flag.post.status !== 'visible' && <Badge tone="danger">{flag.post.status === 'hidden' ? 'Hidden' : 'Deleted'}</Badge>}
                <div className="forum-post-body" dangerouslySetInnerHTML={{ __html: flag.post.bodyHtml }} />
                <div className="forum-actions">
                  {flag.status === 'open' ? (
                    <>
                      <Button variant="danger" onClick={() => void resolve(flag, 'hide')}>Hide post</Button>
                      <Button variant="secondary" onClick={() => void resolve(flag, 'dismiss')}>Dismiss</Button>
                    </>
                  ) : (
                    <>
                      <span className="forum-meta">Resolved: {flag.resolution === 'hide' ? 'post hidden' : 'dismissed'}</span>
                      {flag.post.status === 'hidden' && <Button variant="secondary" onClick={() => void restore(flag)}>Restore post</Button>}
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {cursor && <Button variant="secondary" onClick={() => void load(cursor)}>Show more</Button>}
      </Tabs>
    </>
  );
}
