import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ForumFlagAction, ForumFlagView } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { flagsQuery, forumKeys, type FlagQueue } from '../../api/forums';
import { pageItems } from '../../api/queryClient';
import { Alert, Badge, Button, EmptyState, LoadMore, PageTitle, Spinner, Tabs } from '../../components';
import { when } from './forumsShared';

/** The coordinators' moderation queue: oldest flag first. */
export function AdminFlagsPage() {
  const [queue, setQueue] = useState<FlagQueue>('open');
  const client = useQueryClient();
  const list = useInfiniteQuery(flagsQuery(queue));
  const flags = list.data ? pageItems(list.data) : null;
  // Resolving closes every open flag on the same post; restoring changes the post everywhere.
  const moderate = useMutation({
    mutationFn: ({ flag, action }: { flag: ForumFlagView; action: ForumFlagAction | 'restore' }) =>
      action === 'restore' ? api.post(`/admin/posts/${flag.post.id}/restore`) : api.post(`/admin/flags/${flag.id}/resolve`, { action }),
    onSuccess: () => client.invalidateQueries({ queryKey: forumKeys.all }),
  });
  const resolve = (flag: ForumFlagView, action: ForumFlagAction) => moderate.mutate({ flag, action });
  const restore = (flag: ForumFlagView) => moderate.mutate({ flag, action: 'restore' });
  const error = list.error ?? moderate.error;

  return (
    <>
      <PageTitle title="Flagged posts" lead="Hide what breaks the rules; dismiss what does not. Hidden posts can be restored." />
      {error && (
        <Alert tone="danger" title="Something went wrong">
          {errorMessage(error)}
        </Alert>
      )}
      <Tabs
        label="Queue"
        idPrefix="flags"
        selected={queue}
        onSelect={setQueue}
        tabs={[
          { id: 'open', label: 'Open' },
          { id: 'resolved', label: 'Resolved' },
        ]}
      >
        {flags === null && <Spinner />}
        {flags?.length === 0 && (
          <EmptyState title={queue === 'open' ? 'Nothing to review' : 'Nothing resolved yet'}>Flags from members appear here.</EmptyState>
        )}
        {flags && flags.length > 0 && (
          <ul className="forum-flag-list">
            {flags.map((flag) => (
              <li key={flag.id} className="forum-flag" aria-label={`Flag on a post by ${flag.post.author.displayName}`}>
                <p>
                  <strong>{flag.reporter.displayName}</strong> flagged a post by <strong>{flag.post.author.displayName}</strong> in{' '}
                  <Link to={`/forums/threads/${flag.post.threadId}?post=${flag.post.id}`}>{flag.post.threadTitle}</Link>,{' '}
                  <time dateTime={flag.createdAt}>{when(flag.createdAt)}</time>
                </p>
                <blockquote className="forum-flag-reason">{flag.reason}</blockquote>
                {flag.post.status !== 'visible' && <Badge tone="danger">{flag.post.status === 'hidden' ? 'Hidden' : 'Deleted'}</Badge>}
                <div className="forum-post-body" dangerouslySetInnerHTML={{ __html: flag.post.bodyHtml }} />
                <div className="forum-actions">
                  {flag.status === 'open' ? (
                    <>
                      <Button variant="danger" onClick={() => resolve(flag, 'hide')}>
                        Hide post
                      </Button>
                      <Button variant="secondary" onClick={() => resolve(flag, 'dismiss')}>
                        Dismiss
                      </Button>
                    </>
                  ) : (
                    <>
                      <span className="forum-meta">Resolved: {flag.resolution === 'hide' ? 'post hidden' : 'dismissed'}</span>
                      {flag.post.status === 'hidden' && (
                        <Button variant="secondary" onClick={() => restore(flag)}>
                          Restore post
                        </Button>
                      )}
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <LoadMore query={list} label="Show more" />
      </Tabs>
    </>
  );
}
