// /admin/matching: the weights, running a round, reviewing proposals and fairness, pinning, applying
// (confirmed, saying how many requests go out) and the history of past rounds.
import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppliedRoundView, MatchingRoundView } from '@mutuals/contracts';
import { api } from '../../api/client';
import { mentoringKeys, roundsQuery, weightsQuery } from '../../api/mentoring';
import { pageItems } from '../../api/queryClient';
import { Badge, Button, Card, Confirm, EmptyState, LoadMore, PageTitle, Spinner, plural, ActionFeedback } from '../../components';
import { PersonName, Reasons, ScoreBar } from './shared';

type Pin = { menteeId: string; mentorId: string };

export function AdminMatchingPage() {
  const client = useQueryClient();
  const weightsAnswer = useQuery(weightsQuery());
  const weights = weightsAnswer.data;
  const [round, setRound] = useState<MatchingRoundView | null>(null);
  const [pins, setPins] = useState<Pin[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmingApply, setConfirmingApply] = useState(false);

  const run = useMutation({
    mutationFn: (pinned: Pin[]) => api.post<MatchingRoundView>('/admin/matching/rounds', pinned.length ? { pinned } : {}),
    onMutate: () => setNotice(null),
    onSuccess: (ran) => {
      setRound(ran);
      setConfirmingApply(false);
      void client.invalidateQueries({ queryKey: mentoringKeys.rounds() });
    },
  });

  const apply = useMutation({
    mutationFn: (applying: MatchingRoundView) => api.post<AppliedRoundView>(`/admin/matching/rounds/${applying.id}/apply`),
    onSuccess: (applied, applying) => {
      setRound({ ...applying, appliedAt: applied.appliedAt });
      setConfirmingApply(false);
      // The requests it sent show in every mentor's and mentee's boxes.
      void client.invalidateQueries({ queryKey: mentoringKeys.all });
      const skipped = applied.skipped ? ` (${plural(applied.skipped, 'pair')} already had one)` : '';
      setNotice(`Sent ${plural(applied.requests.length, 'request')}${skipped}. Each mentor still accepts.`);
    },
  });
  const busy = run.isPending ? 'run' : apply.isPending ? 'apply' : null;
  const error = run.error ?? apply.error ?? weightsAnswer.error;

  const togglePin = (pin: Pin) =>
    setPins((prev) => (prev.some((p) => p.menteeId === pin.menteeId) ? prev.filter((p) => p.menteeId !== pin.menteeId) : [...prev, pin]));
  const person = (id: string) => round?.people[id] ?? { id, displayName: id, handle: '', jobTitle: null, organisationName: null };

  return (
    <>
      <PageTitle
        title="Matching rounds"
        lead="Propose a mentor for every mentee still waiting, with the best total fit and no mentor over capacity."
      />
      <ActionFeedback notice={notice} error={error} />

      <Card title={`How pairs are scored${weights ? ` (weights ${weights.version})` : ''}`}>
        {!weights ? (
          <Spinner label="Loading weights" />
        ) : (
          <>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Factor</th>
                  <th scope="col">Up to</th>
                  <th scope="col">How</th>
                </tr>
              </thead>
              <tbody>
                {weights.factors.map((f) => (
                  <tr key={f.factor}>
                    <td data-label="Factor">{f.factor}</td>
                    <td data-label="Up to">{f.maxPoints}</td>
                    <td data-label="How">{f.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">Pairs scoring under {weights.minimumScore} are never proposed.</p>
          </>
        )}
      </Card>

      <div className="button-row">
        <Button busy={busy === 'run'} disabled={busy !== null} onClick={() => run.mutate(pins)}>
          {round ? (pins.length ? `Re-run with ${pins.length} pinned` : 'Re-run the round') : 'Run a round'}
        </Button>
        {round && !round.appliedAt && (
          <Button
            variant="secondary"
            disabled={busy !== null || round.proposals.length === 0 || confirmingApply}
            onClick={() => setConfirmingApply(true)}
          >
            Apply round
          </Button>
        )}
        {round?.appliedAt && <Badge tone="success">applied</Badge>}
      </div>
      {round && !round.appliedAt && confirmingApply && (
        <Confirm
          title={`Send ${plural(round.proposals.length, 'mentoring request')}?`}
          confirmLabel={`Send ${plural(round.proposals.length, 'request')}`}
          busy={busy === 'apply'}
          onConfirm={() => apply.mutate(round)}
          onCancel={() => setConfirmingApply(false)}
        >
          <p>
            Each proposed mentor gets a request from the programme naming their mentee and why they fit; mentees see it too. Mentors still
            accept or decline, within two weeks.
          </p>
        </Confirm>
      )}

      {round && (
        <>
          <Card title="Summary">
            <dl className="figures">
              <div>
                <dt>Proposals</dt>
                <dd>{round.proposals.length}</dd>
              </div>
              <div>
                <dt>Total score</dt>
                <dd>{round.totalScore}</dd>
              </div>
              <div>
                <dt>Greedy would score</dt>
                <dd>{round.greedyTotalScore}</dd>
              </div>
              <div>
                <dt>Match rate</dt>
                <dd>{Math.round(round.fairness.matchRate * 100)}%</dd>
              </div>
              <div>
                <dt>Worst-off mentee</dt>
                <dd>{round.fairness.worstScore ?? '–'}</dd>
              </div>
              <div>
                <dt>10th percentile</dt>
                <dd>{round.fairness.p10Score ?? '–'}</dd>
              </div>
              <div>
                <dt>Mean score</dt>
                <dd>{round.fairness.meanScore ?? '–'}</dd>
              </div>
              {round.needsCoverage && (
                <>
                  <div>
                    <dt>Needs covered</dt>
                    <dd>{round.needsCoverage.coveredShare === null ? '–' : `${Math.round(round.needsCoverage.coveredShare * 100)}%`}</dd>
                  </div>
                  <div>
                    <dt>Mentees with no need covered</dt>
                    <dd>
                      {round.needsCoverage.menteesWithNoneCovered} of {round.needsCoverage.menteesWithNeeds}
                    </dd>
                  </div>
                </>
              )}
            </dl>
          </Card>

          <Card title="Proposals">
            {round.proposals.length === 0 ? (
              <EmptyState title="Nobody could be matched in this round." />
            ) : (
              <table className="table proposals">
                <thead>
                  <tr>
                    <th scope="col">Mentee</th>
                    <th scope="col">Mentor</th>
                    <th scope="col">Score</th>
                    <th scope="col">Why</th>
                    <th scope="col">
                      <span className="visually-hidden">Pin</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {round.proposals.map((p) => {
                    const pinned = pins.some((pin) => pin.menteeId === p.menteeId);
                    return (
                      <tr key={p.menteeId}>
                        <td data-label="Mentee">
                          <PersonName person={person(p.menteeId)} />
                        </td>
                        <td data-label="Mentor">
                          <PersonName person={person(p.mentorId)} /> {p.pinned && <Badge tone="info">pinned</Badge>}
                        </td>
                        <td data-label="Score">
                          <ScoreBar score={p.score} label={`Score for ${person(p.menteeId).displayName}`} />
                        </td>
                        <td data-label="Why">
                          <Reasons reasons={p.reasons} />
                        </td>
                        <td className="row-actions">
                          {!round.appliedAt && (
                            <Button
                              size="sm"
                              variant={pinned ? 'secondary' : 'ghost'}
                              aria-pressed={pinned}
                              onClick={() => togglePin({ menteeId: p.menteeId, mentorId: p.mentorId })}
                            >
                              {pinned ? 'Unpin' : 'Pin'}
                              <span className="visually-hidden"> {person(p.menteeId).displayName}</span>
                            </Button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </Card>

          {round.unmatchedReasons.length > 0 && (
            <Card title="Not matched">
              <ul className="unmatched">
                {round.unmatchedReasons.map((u) => (
                  <li key={u.menteeId}>
                    <PersonName person={person(u.menteeId)} />: {u.reason}
                  </li>
                ))}
              </ul>
            </Card>
          )}

          <Card title="Fairness by sector and region">
            <div className="fairness">
              {(
                [
                  ['Sector', round.fairness.bySector],
                  ['Region', round.fairness.byRegion],
                ] as const
              ).map(([label, groups]) => (
                <table className="table" key={label}>
                  <thead>
                    <tr>
                      <th scope="col">{label}</th>
                      <th scope="col">Matched</th>
                      <th scope="col">Mean score</th>
                    </tr>
                  </thead>
                  <tbody>
                    {groups.map((g) => (
                      <tr key={g.name}>
                        <td data-label={label}>{g.name}</td>
                        <td data-label="Matched">
                          {g.matched} of {g.total}
                        </td>
                        <td data-label="Mean score">{g.meanScore ?? '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
            </div>
          </Card>
        </>
      )}
      <RoundHistory />
    </>
  );
}

const historyDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** Every round run so far: when and by whom, whether and by whom it was applied, and what it sent. */
function RoundHistory() {
  const list = useInfiniteQuery(roundsQuery());
  const rounds = pageItems(list.data);
  return (
    <Card title="Past rounds">
      {list.isPending ? (
        <Spinner label="Loading past rounds" />
      ) : rounds.length === 0 ? (
        <EmptyState title="No round has been run yet." />
      ) : (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Applied</th>
                <th scope="col">Proposals</th>
                <th scope="col">Total score</th>
                <th scope="col">Requests</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <td data-label="Run">
                    <time dateTime={r.createdAt}>{historyDate.format(new Date(r.createdAt))}</time> by{' '}
                    {r.createdBy?.displayName ?? 'the command line'}
                  </td>
                  <td data-label="Applied">
                    {r.appliedAt ? (
                      <>
                        <time dateTime={r.appliedAt}>{historyDate.format(new Date(r.appliedAt))}</time> by{' '}
                        {r.appliedBy?.displayName ?? 'the command line'}
                      </>
                    ) : (
                      <span className="muted">Not applied</span>
                    )}
                  </td>
                  <td data-label="Proposals">
                    {r.proposals}
                    {r.unmatched > 0 && <span className="muted"> ({r.unmatched} unmatched)</span>}
                  </td>
                  <td data-label="Total score">{r.totalScore}</td>
                  <td data-label="Requests">{r.appliedAt ? `${r.requestsSent} sent, ${r.requestsAccepted} accepted` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore query={list} />
        </>
      )}
    </Card>
  );
}
