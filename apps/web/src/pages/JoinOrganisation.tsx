// Onboarding: find an organisation already on the network and ask to join it; a current member of
// it or a coordinator approves. Also the list of requests a member may answer (on /profile).
import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganisationJoinRequestView, OrganisationSummary } from '@mutuals/contracts';
import { api, errorMessage } from '../api/client';
import { joinRequestsQuery, organisationKeys, organisationSearchQuery } from '../api/organisations';
import { sessionKeys } from '../api/session';
import { termName, useTaxonomy } from '../api/taxonomy';
import { Alert, Button, Card, TextField } from '../components';

export function JoinOrganisation({ onAsked }: { onAsked: (request: OrganisationJoinRequestView) => void }) {
  const client = useQueryClient();
  const { taxonomy } = useTaxonomy();
  const resultsId = useId();
  const [q, setQ] = useState('');
  const query = q.trim();
  const found = useQuery(organisationSearchQuery(query));
  const ask = useMutation({
    mutationFn: (organisation: OrganisationSummary) =>
      api.post<OrganisationJoinRequestView>(`/organisations/${organisation.id}/join-requests`),
    onSuccess: (request) => {
      void client.invalidateQueries({ queryKey: organisationKeys.all });
      onAsked(request);
    },
  });
  return (
    <Card title="Is your organisation already on the network?">
      {ask.error && (
        <Alert tone="danger" role="alert">
          {errorMessage(ask.error)}
        </Alert>
      )}
      <TextField
        label="Find your organisation"
        hint="Type two or more letters of its name"
        name="organisation-search"
        type="search"
        value={q}
        aria-controls={resultsId}
        onChange={(event) => setQ(event.target.value)}
      />
      <ul id={resultsId} className="plain-list" aria-label="Organisations found">
        {found.data?.map((o) => (
          <li key={o.id} className="row-between">
            <span>
              <strong>{o.name}</strong>
              {taxonomy && (
                <span className="muted">
                  {' '}
                  · {termName(taxonomy.sectors, o.sector)} · {termName(taxonomy.regions, o.region)}
                </span>
              )}
            </span>
            <Button
              size="sm"
              variant="secondary"
              busy={ask.isPending && ask.variables.id === o.id}
              disabled={ask.isPending}
              onClick={() => ask.mutate(o)}
            >
              Ask to join<span className="visually-hidden"> {o.name}</span>
            </Button>
          </li>
        ))}
      </ul>
      {found.data?.length === 0 && <p className="muted">No organisation by that name yet: add yours below.</p>}
    </Card>
  );
}

/** Requests to join the member's organisation (every one, for a coordinator), to approve or decline. */
export function JoinRequestsToDecide() {
  const client = useQueryClient();
  const { data: requests } = useQuery(joinRequestsQuery('to-decide'));
  const [notice, setNotice] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: ({ request, approve }: { request: OrganisationJoinRequestView; approve: boolean }) =>
      api.post<OrganisationJoinRequestView>(`/organisation-join-requests/${request.id}/${approve ? 'approve' : 'decline'}`),
    onSuccess: (request, { approve }) => {
      void client.invalidateQueries({ queryKey: organisationKeys.all });
      void client.invalidateQueries({ queryKey: sessionKeys.me });
      setNotice(
        approve
          ? `${request.member.displayName} is now a member of ${request.organisation.name}.`
          : `You declined ${request.member.displayName}'s request.`,
      );
    },
  });
  if (!requests?.length && !notice) return null;
  return (
    <section id="join-requests" aria-labelledby="join-requests-heading" className="card">
      <h2 id="join-requests-heading">Requests to join your organisation</h2>
      <div aria-live="polite" className="live-region">
        {notice && (
          <Alert tone="success" role="none">
            {notice}
          </Alert>
        )}
      </div>
      {decide.error && (
        <Alert tone="danger" role="alert">
          {errorMessage(decide.error)}
        </Alert>
      )}
      <ul className="plain-list">
        {requests?.map((r) => (
          <li key={r.id} className="row-between">
            <span>
              <strong>{r.member.displayName}</strong>
              {r.member.jobTitle && <span className="muted">, {r.member.jobTitle}</span>} asks to join {r.organisation.name}
            </span>
            <span className="button-row">
              <Button size="sm" disabled={decide.isPending} onClick={() => decide.mutate({ request: r, approve: true })}>
                Approve<span className="visually-hidden"> {r.member.displayName}</span>
              </Button>
              <Button
                size="sm"
                variant="secondary"
                disabled={decide.isPending}
                onClick={() => decide.mutate({ request: r, approve: false })}
              >
                Decline<span className="visually-hidden"> {r.member.displayName}</span>
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
