// /admin/stories: the coordinators' review queue: read a submitted story, see who consented,
// publish it or ask for changes with a reason; feature, unfeature or withdraw published ones.
import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { StoryStatus, StoryView } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { pageItems } from '../../api/queryClient';
import { STATUS_LABELS, reviewQueueQuery, storyKeys } from '../../api/stories';
import { ActionFeedback, Alert, Badge, Button, Card, EmptyState, LoadMore, PageTitle, Spinner, Tabs, TextArea } from '../../components';
import { StoryArticle } from './storyParts';

const QUEUES: Exclude<StoryStatus, 'draft'>[] = ['submitted', 'published', 'changes_requested', 'withdrawn'];

export function AdminStoriesPage() {
  const [status, setStatus] = useState<Exclude<StoryStatus, 'draft'>>('submitted');
  const list = useInfiniteQuery(reviewQueueQuery(status));
  const items = pageItems(list.data);
  return (
    <>
      <PageTitle
        title="Stories"
        lead="Publish members' success stories once everyone they name has consented, and feature the best on the landing page."
      />
      <Tabs
        label="Stories by state"
        idPrefix="story-queue"
        selected={status}
        onSelect={setStatus}
        tabs={QUEUES.map((id) => ({ id, label: STATUS_LABELS[id] }))}
      >
        {list.isPending && <Spinner />}
        {list.error && <Alert tone="danger">{errorMessage(list.error)}</Alert>}
        {list.isSuccess && items.length === 0 && <EmptyState title={`No ${STATUS_LABELS[status].toLowerCase()} stories`} />}
        {items.map((story) => (
          <ReviewCard key={story.id} story={story} />
        ))}
        <LoadMore query={list} />
      </Tabs>
    </>
  );
}

function ReviewCard({ story }: { story: StoryView }) {
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: object; done: string }) =>
      api.post<StoryView>(`/admin/stories/${story.id}/${path}`, body ?? {}),
    onSuccess: async (_view, { done }) => {
      setNotice(done);
      setAsking(false);
      await client.invalidateQueries({ queryKey: storyKeys.all });
    },
  });
  const waiting = story.memberCredits.filter((c) => c.consent !== 'given');
  return (
    <Card title={story.title}>
      <p>
        <Badge>{STATUS_LABELS[story.status]}</Badge> {story.featured && <Badge tone="success">Featured</Badge>}{' '}
        {story.status === 'published' && <Link to={`/stories/${story.slug}`}>Open the public page</Link>}
      </p>
      <StoryArticle story={story} />
      <h3>Consent</h3>
      {story.memberCredits.length === 0 ? (
        <p className="muted">The story names no other member.</p>
      ) : (
        <ul>
          {story.memberCredits.map((c) => (
            <li key={c.userId}>
              {c.displayName}
              {c.role && ` (${c.role})`}: {c.consent === 'given' ? 'consented' : c.consent === 'declined' ? 'declined' : 'not answered yet'}
            </li>
          ))}
        </ul>
      )}
      {story.reason && story.status !== 'submitted' && <p>Reason given: {story.reason}</p>}
      <ActionFeedback notice={notice} error={act.error} />
      <div className="forum-actions">
        {story.status === 'submitted' && (
          <>
            <Button onClick={() => act.mutate({ path: 'publish', done: 'Published.' })} busy={act.isPending} disabled={waiting.length > 0}>
              Publish
            </Button>
            <Button variant="secondary" onClick={() => setAsking((open) => !open)}>
              Request changes
            </Button>
          </>
        )}
        {story.status === 'published' && (
          <Button
            variant="secondary"
            onClick={() =>
              act.mutate({ path: 'feature', body: { value: !story.featured }, done: story.featured ? 'No longer featured.' : 'Featured.' })
            }
            busy={act.isPending}
          >
            {story.featured ? 'Unfeature' : 'Feature'}
          </Button>
        )}
        {story.permissions.withdraw && (
          <Button
            variant="ghost"
            onClick={() => act.mutate({ path: 'withdraw', body: reason.trim() ? { reason: reason.trim() } : {}, done: 'Withdrawn.' })}
            busy={act.isPending}
          >
            Withdraw
          </Button>
        )}
      </div>
      {story.status === 'submitted' && waiting.length > 0 && <p className="muted">Publishing waits until everyone named has consented.</p>}
      {asking && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act.mutate({ path: 'reject', body: { reason }, done: 'Sent back to the author.' });
          }}
        >
          <TextArea
            label="What should change"
            name={`reason-${story.id}`}
            hint="The author sees this"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
          />
          <Button type="submit" busy={act.isPending} disabled={reason.trim().length < 3}>
            Send back to the author
          </Button>
        </form>
      )}
    </Card>
  );
}
