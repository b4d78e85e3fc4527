// /partnerships/opportunities/:id/shortlist: the poster's organisation reads the pitches with each
// organisation's fit, shortlists partners and opens the conversation with them.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InterestView, OpportunityConversationView } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { interestsQuery, opportunityQuery, partnershipKeys } from '../../api/partnerships';
import { pageItems } from '../../api/queryClient';
import { ActionFeedback, Alert, Badge, Button, EmptyState, LoadMore, PageTitle, Spinner } from '../../components';
import { FitReasons, StatusBadge } from './partnershipsShared';

export function ShortlistPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const opportunity = useQuery(opportunityQuery(id));
  const list = useInfiniteQuery(interestsQuery(id));
  const interests = pageItems(list.data);
  const [notice, setNotice] = useState('');
  const toggle = useMutation({
    mutationFn: (interest: InterestView) =>
      interest.shortlisted
        ? api.delete<InterestView>(`/partnerships/opportunities/${id}/interests/${interest.id}/shortlist`)
        : api.put<InterestView>(`/partnerships/opportunities/${id}/interests/${interest.id}/shortlist`),
    onSuccess: async (interest) => {
      setNotice(
        interest.shortlisted ? `${interest.organisation.name} is shortlisted.` : `${interest.organisation.name} is off the shortlist.`,
      );
      await client.invalidateQueries({ queryKey: partnershipKeys.all });
    },
  });
  const open = useMutation({
    mutationFn: () => api.post<OpportunityConversationView>(`/partnerships/opportunities/${id}/conversation`),
    onSuccess: async ({ conversationId }) => {
      await client.invalidateQueries({ queryKey: partnershipKeys.opportunity(id) });
      navigate(`/chat/${conversationId}`);
    },
  });

  if (opportunity.isPending) return <Spinner />;
  if (opportunity.error) return <Alert tone="danger">{errorMessage(opportunity.error)}</Alert>;
  const o = opportunity.data;
  const shortlisted = interests.filter((i) => i.shortlisted).length;
  return (
    <>
      <PageTitle
        title={`Shortlist: ${o.title}`}
        lead={`${o.interestCount} ${o.interestCount === 1 ? 'organisation has' : 'organisations have'} expressed interest.`}
        actions={<Link to={`/partnerships/opportunities/${id}`}>Back to the opportunity</Link>}
      />
      <p>
        <StatusBadge status={o.status} />
      </p>
      <ActionFeedback notice={notice} error={toggle.error ?? open.error} />
      {list.isPending && <Spinner />}
      {list.error && <Alert tone="danger">{errorMessage(list.error)}</Alert>}
      {list.isSuccess && interests.length === 0 && <EmptyState title="No interest yet" />}
      <ul className="resource-list" aria-label="Pitches">
        {interests.map((interest) => (
          <li key={interest.id} className="card resource">
            <h2 className="card-title">
              {interest.organisation.name} {interest.shortlisted && <Badge tone="success">Shortlisted</Badge>}
            </h2>
            <p className="forum-meta">Pitched by {interest.member.displayName}</p>
            <p className="prose">{interest.pitch}</p>
            <FitReasons fit={interest.fit} heading="Fit" />
            <Button
              variant={interest.shortlisted ? 'ghost' : 'secondary'}
              onClick={() => toggle.mutate(interest)}
              disabled={toggle.isPending}
            >
              {interest.shortlisted ? `Take ${interest.organisation.name} off the shortlist` : `Shortlist ${interest.organisation.name}`}
            </Button>
          </li>
        ))}
      </ul>
      <LoadMore query={list} />
      {shortlisted > 0 && (
        <p>
          <Button onClick={() => open.mutate()} busy={open.isPending}>
            {o.conversationId ? 'Go to the conversation with the shortlist' : 'Open a conversation with the shortlist'}
          </Button>
        </p>
      )}
    </>
  );
}
