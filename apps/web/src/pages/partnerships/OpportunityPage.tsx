// /partnerships/opportunities/:id: an opportunity, the caller's fit, the interest form (or their
// pitch), and for the poster's organisation the way through: publish, shortlist, partnered, won.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InterestView, OpportunityStatusRequest, OpportunityView } from '@mutuals/contracts';
import { api, errorMessage, isApiError } from '../../api/client';
import { opportunityQuery, partnershipKeys, pounds } from '../../api/partnerships';
import {
  ActionFeedback,
  Alert,
  Button,
  ButtonLink,
  Card,
  FormError,
  PageTitle,
  Spinner,
  TextArea,
  TextField,
  useForm,
  type FieldErrors,
} from '../../components';
import { CapabilityList, FitReasons, formatDate, OpportunityFacts, StatusBadge } from './partnershipsShared';

export function OpportunityPage() {
  const { id = '' } = useParams();
  const opportunity = useQuery(opportunityQuery(id));
  if (opportunity.isPending) return <Spinner />;
  if (opportunity.error) {
    return (
      <Alert tone="danger" title={isApiError(opportunity.error, 404) ? 'No such opportunity' : 'Could not load the opportunity'}>
        {errorMessage(opportunity.error)} <Link to="/partnerships">Back to partnerships</Link>
      </Alert>
    );
  }
  const o = opportunity.data;
  return (
    <>
      <PageTitle title={o.title} lead={`Posted by ${o.organisation.name} for ${o.commissioner}`} />
      <p>
        <StatusBadge status={o.status} /> {o.valueWon !== null && <strong>Won: {pounds(o.valueWon)}</strong>}
      </p>
      <OpportunityFacts opportunity={o} />
      <p className="prose">{o.description}</p>
      <CapabilityList label="Partners sought for" slugs={o.capabilitiesSought} />
      {o.conversationId && (
        <p>
          <ButtonLink to={`/chat/${o.conversationId}`} variant="secondary">
            Open the partnership conversation
          </ButtonLink>
        </p>
      )}
      {o.fit && (
        <Card title="Fit for your organisation" level={2}>
          <FitReasons fit={o.fit} heading="Score" />
        </Card>
      )}
      {o.canManage ? <ManageOpportunity opportunity={o} /> : <Interest opportunity={o} />}
    </>
  );
}

function Interest({ opportunity }: { opportunity: OpportunityView }) {
  const mine = opportunity.myInterest;
  if (mine) {
    return (
      <Card title="Your pitch" level={2}>
        <p className="prose">{mine.pitch}</p>
        <p>
          {mine.shortlisted
            ? 'Your organisation is shortlisted.'
            : `Sent on ${formatDate(mine.createdAt)}; the poster will be in touch if you are shortlisted.`}
        </p>
      </Card>
    );
  }
  if (opportunity.status !== 'open') return <Alert tone="info">This opportunity is no longer taking interest.</Alert>;
  return <InterestForm opportunityId={opportunity.id} />;
}

/** The interest form: a short pitch on behalf of the member's organisation. */
function InterestForm({ opportunityId }: { opportunityId: string }) {
  const client = useQueryClient();
  const form = useForm(
    { pitch: '' },
    {
      validate: (v): FieldErrors =>
        v.pitch.trim().length >= 20 ? {} : { pitch: 'Write at least 20 characters about why you would be a good partner' },
    },
  );
  const submit = form.handleSubmit(async (values) => {
    const interest = await api.post<InterestView>(`/partnerships/opportunities/${opportunityId}/interests`, values);
    client.setQueryData<OpportunityView>(
      partnershipKeys.opportunity(opportunityId),
      (o) => o && { ...o, myInterest: interest, interestCount: o.interestCount + 1 },
    );
    await client.invalidateQueries({ queryKey: partnershipKeys.all });
  });
  return (
    <Card title="Express interest" level={2}>
      <form onSubmit={submit} noValidate className="stack">
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
        <TextArea
          label="Your pitch"
          hint="What your organisation would bring to the bid: reach, services, track record. 20 to 3000 characters."
          rows={5}
          maxLength={3000}
          {...form.text('pitch')}
        />
        <Button type="submit" busy={form.submitting}>
          Send your interest
        </Button>
      </form>
    </Card>
  );
}

const MOVES: { to: OpportunityStatusRequest['status']; label: string; from: OpportunityView['status'][] }[] = [
  { to: 'open', label: 'Publish', from: ['draft'] },
  { to: 'closed', label: 'Close for interest', from: ['open'] },
  { to: 'partnered', label: 'Mark partnered', from: ['open', 'closed'] },
  { to: 'lost', label: 'Mark not won', from: ['partnered'] },
  { to: 'withdrawn', label: 'Withdraw', from: ['draft', 'open', 'closed', 'partnered'] },
];

function ManageOpportunity({ opportunity }: { opportunity: OpportunityView }) {
  const client = useQueryClient();
  const [notice, setNotice] = useState('');
  const move = useMutation({
    mutationFn: (body: OpportunityStatusRequest) => api.post<OpportunityView>(`/partnerships/opportunities/${opportunity.id}/status`, body),
    onSuccess: async (updated) => {
      client.setQueryData(partnershipKeys.opportunity(opportunity.id), updated);
      setNotice(`The opportunity is now ${updated.status}.`);
      await client.invalidateQueries({ queryKey: partnershipKeys.all });
    },
  });
  const moves = MOVES.filter((m) => m.from.includes(opportunity.status));
  return (
    <Card title="Manage this opportunity" level={2}>
      <ActionFeedback notice={notice} error={move.error} />
      <p>
        {opportunity.interestCount} {opportunity.interestCount === 1 ? 'organisation has' : 'organisations have'} expressed interest.{' '}
        {opportunity.status !== 'draft' && (
          <Link to={`/partnerships/opportunities/${opportunity.id}/shortlist`}>Read the pitches and shortlist</Link>
        )}
      </p>
      <div className="button-row">
        {moves.map((m) => (
          <Button
            key={m.to}
            variant={m.to === 'withdrawn' ? 'ghost' : 'secondary'}
            onClick={() => move.mutate({ status: m.to })}
            disabled={move.isPending}
          >
            {m.label}
          </Button>
        ))}
      </div>
      {opportunity.status === 'partnered' && (
        <WonForm onWon={(valueWon) => move.mutateAsync({ status: 'won', valueWon }).then(() => undefined)} />
      )}
    </Card>
  );
}

function WonForm({ onWon }: { onWon: (valueWon: number) => Promise<void> }) {
  const form = useForm(
    { valueWon: '' },
    {
      validate: (v): FieldErrors =>
        /^\d+$/.test(v.valueWon.replace(/[£,\s]/g, '')) ? {} : { valueWon: 'Give the contract value in whole pounds' },
    },
  );
  const submit = form.handleSubmit(async (values) => onWon(Number(values.valueWon.replace(/[£,\s]/g, ''))));
  return (
    <form onSubmit={submit} noValidate className="stack" aria-label="Mark won">
      <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
      <TextField label="Value won (£)" inputMode="numeric" {...form.text('valueWon')} />
      <Button type="submit" busy={form.submitting}>
        Mark won
      </Button>
    </form>
  );
}
