// /admin/support/applications/:id: assess with the rubric, ask for more, approve with an allocation
// (showing how the fund moves), decline with reasons, and assign to a delivery partner.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { SUPPORT_CRITERIA, type SupportAssessmentInput, type SupportApplicationView, type SupportCriterion } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { CRITERION_LABELS, SCORE_OPTIONS, applicationQuery, fundQuery, partnersQuery, pounds, supportKeys } from '../../api/support';
import { termName, useTaxonomy } from '../../api/taxonomy';
import { ActionFeedback, Alert, Button, Card, PageTitle, RadioGroup, Select, Spinner, TextArea, TextField } from '../../components';
import { ApplicationSummary } from './supportParts';

/** What the last decision did, kept by the page: the card that made it may be gone (approved: no approve card). */
type Announce = (notice: string) => void;

function useAct(application: SupportApplicationView, announce: Announce) {
  const client = useQueryClient();
  const notice = null;
  const setNotice = announce;
  const act = useMutation({
    mutationFn: ({ method = 'post', path, body }: { method?: 'post' | 'put'; path: string; body: object; done: string }) =>
      api[method]<SupportApplicationView>(`/admin/support/applications/${application.id}/${path}`, body),
    onSuccess: async (saved, { done }) => {
      client.setQueryData(supportKeys.one(saved.id), saved);
      setNotice(done);
      await client.invalidateQueries({ queryKey: supportKeys.fund() });
      await client.invalidateQueries({ queryKey: [...supportKeys.all, 'queue'] });
    },
  });
  return { act, notice };
}

export function AdminSupportApplicationPage() {
  const { id = '' } = useParams();
  const query = useQuery(applicationQuery(id));
  if (query.isPending) return <Spinner />;
  if (query.error) return <Alert tone="danger">{errorMessage(query.error)}</Alert>;
  return <Decisions application={query.data} />;
}

function Decisions({ application }: { application: SupportApplicationView }) {
  const [notice, setNotice] = useState<string | null>(null);
  const { permissions } = application;
  return (
    <>
      <PageTitle title={`Application ${application.reference}`} lead={`${application.organisation.name}: funded advice`} />
      <ActionFeedback notice={notice} error={null} />
      <ApplicationSummary application={application} />
      {permissions.assess && <AssessCard application={application} announce={setNotice} />}
      {permissions.approve && <ApproveCard application={application} announce={setNotice} />}
      {(permissions.requestInformation || permissions.decline) && <DecideCard application={application} announce={setNotice} />}
      {permissions.assign && <AssignCard application={application} announce={setNotice} />}
    </>
  );
}

function AssessCard({ application, announce }: { application: SupportApplicationView; announce: Announce }) {
  const { act, notice } = useAct(application, announce);
  const current = application.assessment?.scores;
  const [scores, setScores] = useState<Record<SupportCriterion, { score: string; note: string }>>(
    () =>
      Object.fromEntries(
        SUPPORT_CRITERIA.map((c) => [c, { score: current ? String(current[c].score) : '', note: current?.[c].note ?? '' }]),
      ) as Record<SupportCriterion, { score: string; note: string }>,
  );
  const complete = SUPPORT_CRITERIA.every((c) => scores[c].score !== '');
  return (
    <Card title="Assessment">
      {application.assessment && (
        <p>
          Scored {application.assessment.total} of 12 by {application.assessment.assessedBy.displayName}:{' '}
          {application.assessment.approvable
            ? 'every criterion is met, so it can be approved.'
            : 'a criterion is not met, so it cannot be approved.'}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const body = Object.fromEntries(
            SUPPORT_CRITERIA.map((c) => [c, { score: Number(scores[c].score), note: scores[c].note }]),
          ) as unknown as SupportAssessmentInput;
          act.mutate({ method: 'put', path: 'assessment', body, done: 'Assessment saved.' });
        }}
      >
        {SUPPORT_CRITERIA.map((c) => (
          <div key={c} className="support-criterion">
            <RadioGroup
              name={`score-${c}`}
              label={CRITERION_LABELS[c].name}
              hint={CRITERION_LABELS[c].hint}
              inline
              options={SCORE_OPTIONS}
              value={scores[c].score}
              onChange={(score) => setScores((s) => ({ ...s, [c]: { ...s[c], score } }))}
            />
            <TextField
              label={`Note on ${CRITERION_LABELS[c].name.toLowerCase()}`}
              name={`note-${c}`}
              optional
              value={scores[c].note}
              onChange={(e) => setScores((s) => ({ ...s, [c]: { ...s[c], note: e.target.value } }))}
            />
          </div>
        ))}
        <ActionFeedback notice={notice} error={act.error} />
        <Button type="submit" busy={act.isPending} disabled={!complete}>
          Save the assessment
        </Button>
      </form>
    </Card>
  );
}

function ApproveCard({ application, announce }: { application: SupportApplicationView; announce: Announce }) {
  const { act, notice } = useAct(application, announce);
  const { taxonomy } = useTaxonomy();
  const partners = useQuery(partnersQuery());
  const fund = useQuery(fundQuery());
  const [partnerId, setPartnerId] = useState('');
  const [days, setDays] = useState<Record<string, string>>({});
  const partner = partners.data?.find((p) => p.id === partnerId);
  const allocations = application.areas.map((area) => ({ area, days: Number(days[area] ?? '') })).filter((a) => a.days > 0);
  const cost = partner ? allocations.reduce((sum, a) => sum + Math.round(a.days * partner.dayRatePence), 0) : 0;
  const remaining = fund.data?.remainingPence ?? null;
  return (
    <Card title="Approve with an allocation">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          act.mutate({ path: 'approve', body: { partnerId, allocations }, done: `Approved: ${pounds(cost)} committed from the fund.` });
        }}
      >
        <Select
          label="Delivery partner (its day rate prices the allocation)"
          name="approve-partner"
          placeholder="Choose a partner"
          options={(partners.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${pounds(p.dayRatePence)} a day)` }))}
          value={partnerId}
          onChange={(e) => setPartnerId(e.target.value)}
        />
        {application.areas.map((area) => (
          <TextField
            key={area}
            label={`Adviser days for ${termName(taxonomy?.supportAreas, area)}`}
            name={`days-${area}`}
            inputMode="decimal"
            hint="In half-day steps; leave empty for none"
            value={days[area] ?? ''}
            onChange={(e) => setDays((d) => ({ ...d, [area]: e.target.value }))}
          />
        ))}
        {remaining !== null && (
          <p className="support-fund-move" aria-live="polite">
            The fund has {pounds(remaining)} left; this allocation costs {pounds(cost)}, leaving {pounds(remaining - cost)}.
          </p>
        )}
        <ActionFeedback notice={notice} error={act.error} />
        <Button
          type="submit"
          busy={act.isPending}
          disabled={!partner || allocations.length === 0 || (application.assessment?.approvable ?? false) === false}
        >
          Approve
        </Button>
        {!application.assessment?.approvable && <p className="muted">Score every criterion, none at 0, before approving.</p>}
      </form>
    </Card>
  );
}

function DecideCard({ application, announce }: { application: SupportApplicationView; announce: Announce }) {
  const { act, notice } = useAct(application, announce);
  const [message, setMessage] = useState('');
  return (
    <Card title="Ask for more, or decline">
      <TextArea
        label="Your question or your reasons"
        name="decision-message"
        hint="The applicant sees this"
        rows={3}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
      />
      <ActionFeedback notice={notice} error={act.error} />
      <div className="forum-actions">
        {application.permissions.requestInformation && (
          <Button
            variant="secondary"
            busy={act.isPending}
            disabled={message.trim().length < 5}
            onClick={() => act.mutate({ path: 'request-information', body: { message }, done: 'More information requested.' })}
          >
            Request information
          </Button>
        )}
        {application.permissions.decline && (
          <Button
            variant="danger"
            busy={act.isPending}
            disabled={message.trim().length < 5}
            onClick={() => act.mutate({ path: 'decline', body: { reason: message }, done: 'Declined.' })}
          >
            Decline
          </Button>
        )}
      </div>
    </Card>
  );
}

function AssignCard({ application, announce }: { application: SupportApplicationView; announce: Announce }) {
  const { act, notice } = useAct(application, announce);
  const partners = useQuery(partnersQuery());
  const [partnerId, setPartnerId] = useState(application.partner?.id ?? '');
  return (
    <Card title="Assign to a delivery partner">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          act.mutate({ path: 'assign', body: { partnerId }, done: 'Assigned: the partner’s advisers are told.' });
        }}
      >
        <Select
          label="Delivery partner"
          name="assign-partner"
          placeholder="Choose a partner"
          options={(partners.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${pounds(p.dayRatePence)} a day)` }))}
          value={partnerId}
          onChange={(e) => setPartnerId(e.target.value)}
        />
        <ActionFeedback notice={notice} error={act.error} />
        <Button type="submit" busy={act.isPending} disabled={!partnerId}>
          Assign
        </Button>
      </form>
    </Card>
  );
}
