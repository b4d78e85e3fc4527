// /support/applications/:id: the applicant follows their application: edits it while it is theirs
// to write, reads decisions, allocations, delivered days and deliverables, and confirms and rates
// the advice once delivered.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import type { SupportApplicationView } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { applicationQuery, supportKeys } from '../../api/support';
import { ActionFeedback, Alert, Button, Card, PageTitle, RadioGroup, Spinner, TextArea } from '../../components';
import { ApplicationForm } from './ApplicationForm';
import { ApplicationSummary } from './supportParts';

export function SupportApplicationPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const query = useQuery(applicationQuery(id));
  if (query.isPending) return <Spinner />;
  if (query.error) return <Alert tone="danger">{errorMessage(query.error)}</Alert>;
  const application = query.data;
  return (
    <>
      <PageTitle title={`Application ${application.reference}`} lead={`${application.organisation.name}: funded advice`} />
      {application.permissions.edit ? (
        <>
          {application.status === 'more-information-requested' && application.informationRequest && (
            <Alert tone="warning" title="More information requested">
              {application.informationRequest}
            </Alert>
          )}
          <ApplicationForm key={application.id} application={application} step={Number(search.get('step') ?? 0)} />
        </>
      ) : (
        <ApplicationSummary application={application} />
      )}
      {application.permissions.confirm && <ConfirmForm application={application} />}
    </>
  );
}

function ConfirmForm({ application }: { application: SupportApplicationView }) {
  const client = useQueryClient();
  const [rating, setRating] = useState('');
  const [feedback, setFeedback] = useState('');
  const confirm = useMutation({
    mutationFn: () =>
      api.post<SupportApplicationView>(`/support/applications/${application.id}/confirm`, { rating: Number(rating), feedback }),
    onSuccess: async (saved) => {
      client.setQueryData(supportKeys.one(saved.id), saved);
      await client.invalidateQueries({ queryKey: supportKeys.mine() });
    },
  });
  return (
    <Card title="Confirm the advice was delivered">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          confirm.mutate();
        }}
      >
        <RadioGroup
          name="rating"
          label="How useful was the advice?"
          inline
          options={['1', '2', '3', '4', '5'].map((value) => ({ value, label: `${value} of 5` }))}
          value={rating}
          onChange={setRating}
        />
        <TextArea
          label="What difference did it make?"
          name="feedback"
          rows={3}
          value={feedback}
          onChange={(e) => setFeedback(e.target.value)}
        />
        <ActionFeedback notice={null} error={confirm.error} />
        <Button type="submit" busy={confirm.isPending} disabled={!rating}>
          Confirm and rate
        </Button>
      </form>
    </Card>
  );
}
