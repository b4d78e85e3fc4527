// /my-stories: the member's own stories in every state, and the stories that ask for their consent.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { pageItems } from '../../api/queryClient';
import { STATUS_LABELS, myStoriesQuery, storyCreditsQuery } from '../../api/stories';
import { ActionFeedback, Alert, Badge, ButtonLink, EmptyState, LoadMore, PageTitle, Spinner } from '../../components';

export function MyStoriesPage() {
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;
  const list = useInfiniteQuery(myStoriesQuery());
  const credits = useQuery(storyCreditsQuery());
  const items = pageItems(list.data);
  const waiting = (credits.data ?? []).filter(
    (c) => c.consent === 'pending' && c.story.status !== 'published' && c.story.status !== 'withdrawn',
  );

  return (
    <>
      <PageTitle
        title="Your stories"
        lead="Write how your mutual spun out or grew; coordinators publish it once everyone it names agrees."
        actions={<ButtonLink to="/my-stories/new">Tell your story</ButtonLink>}
      />
      <ActionFeedback notice={notice} error={null} />
      {waiting.length > 0 && (
        <Alert tone="info" title="Stories that name you">
          {waiting.length === 1 ? 'A story asks' : `${waiting.length} stories ask`} for your consent.{' '}
          <Link to="/story-consents">Read and answer</Link>.
        </Alert>
      )}
      {list.isPending && <Spinner />}
      {list.error && <Alert tone="danger">{errorMessage(list.error)}</Alert>}
      {list.isSuccess && items.length === 0 && <EmptyState title="No stories yet">Every mutual has one: tell yours.</EmptyState>}
      <ul className="story-list">
        {items.map((story) => (
          <li key={story.id} className="card">
            <h2 className="card-title">
              <Link to={story.status === 'published' ? `/stories/${story.slug}` : `/my-stories/${story.id}`}>{story.title}</Link>
            </h2>
            <p>
              <Badge tone={story.status === 'published' ? 'success' : story.status === 'changes_requested' ? 'warning' : 'neutral'}>
                {STATUS_LABELS[story.status]}
              </Badge>
              {story.featured && (
                <>
                  {' '}
                  <Badge tone="success">Featured</Badge>
                </>
              )}
            </p>
            {story.status === 'changes_requested' && story.reason && <p>Asked: {story.reason}</p>}
            {story.memberCredits.some((c) => c.consent !== 'given') && (
              <p className="muted">
                Waiting for consent from{' '}
                {story.memberCredits
                  .filter((c) => c.consent !== 'given')
                  .map((c) => `${c.displayName} (${c.consent})`)
                  .join(', ')}
              </p>
            )}
          </li>
        ))}
      </ul>
      <LoadMore query={list} />
    </>
  );
}
