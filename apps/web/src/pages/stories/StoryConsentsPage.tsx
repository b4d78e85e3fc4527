// /story-consents: stories that name the member; they read each one and give or decline consent.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StoryCreditRequestView, StoryView } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { STATUS_LABELS, storyByIdQuery, storyCreditsQuery, storyKeys } from '../../api/stories';
import { ActionFeedback, Alert, Badge, Button, Card, EmptyState, PageTitle, Spinner } from '../../components';
import { StoryArticle } from './storyParts';

const ANSWERS = { given: 'You agreed to be named', declined: 'You declined to be named', pending: 'Waiting for your answer' } as const;

export function StoryConsentsPage() {
  const credits = useQuery(storyCreditsQuery());
  return (
    <>
      <PageTitle
        title="Stories that name you"
        lead="Nobody is named in a published story without their consent. Read each story and answer."
      />
      {credits.isPending && <Spinner />}
      {credits.error && <Alert tone="danger">{errorMessage(credits.error)}</Alert>}
      {credits.isSuccess && credits.data.length === 0 && <EmptyState title="No story names you yet" />}
      {credits.data?.map((credit) => (
        <ConsentRequest key={credit.story.id} credit={credit} />
      ))}
    </>
  );
}

function ConsentRequest({ credit }: { credit: StoryCreditRequestView }) {
  const client = useQueryClient();
  const story = useQuery(storyByIdQuery(credit.story.id));
  const answer = useMutation({
    mutationFn: (consent: 'given' | 'declined') => api.post<StoryView>(`/stories/${credit.story.id}/consent`, { consent }),
    onSuccess: (view) => {
      client.setQueryData(storyKeys.byId(view.id), view);
      return client.invalidateQueries({ queryKey: storyKeys.credits() });
    },
  });
  // Consent to a published story can be withdrawn at any time; doing so takes the story off the public pages.
  const open = credit.story.status !== 'withdrawn';
  const published = credit.story.status === 'published';
  return (
    <Card title={credit.story.title}>
      <p>
        By {credit.story.author.displayName}, naming you{credit.role ? ` as ${credit.role}` : ''}.{' '}
        <Badge>{STATUS_LABELS[credit.story.status]}</Badge>{' '}
        <Badge tone={credit.consent === 'given' ? 'success' : credit.consent === 'declined' ? 'danger' : 'warning'}>
          {ANSWERS[credit.consent]}
        </Badge>
      </p>
      {story.data && <StoryArticle story={story.data} />}
      <ActionFeedback notice={answer.isSuccess ? 'Your answer is recorded.' : null} error={answer.error} />
      {open && (
        <div className="forum-actions">
          {!published && (
            <Button onClick={() => answer.mutate('given')} busy={answer.isPending} disabled={credit.consent === 'given'}>
              I agree to be named
            </Button>
          )}
          <Button
            variant="secondary"
            onClick={() => answer.mutate('declined')}
            busy={answer.isPending}
            disabled={credit.consent === 'declined'}
          >
            {published ? 'Withdraw my consent and take the story down' : 'Do not name me'}
          </Button>
        </div>
      )}
    </Card>
  );
}
