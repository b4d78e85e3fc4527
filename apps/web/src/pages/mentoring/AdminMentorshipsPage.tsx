// /admin/mentorships: every pair with its health, so a coordinator sees which ones need a word:
// a fit concern, no session for three weeks. Counts only; goals and notes stay with the pair.
import { Link, useSearchParams } from 'react-router-dom';
import { useInfiniteQuery } from '@tanstack/react-query';
import { MENTORSHIP_HEALTH, type MentorshipHealth } from '@mutuals/contracts';
import { errorMessage } from '../../api/client';
import { allMentorshipsQuery } from '../../api/mentoring';
import { pageItems } from '../../api/queryClient';
import { Alert, Badge, EmptyState, LoadMore, PageTitle, Select, Spinner, type Tone } from '../../components';
import { formatDate, PersonName } from './shared';

const HEALTH: Record<MentorshipHealth, { label: string; tone: Tone; why: string }> = {
  'on-track': { label: 'On track', tone: 'success', why: 'Meeting, and nobody has raised a concern' },
  quiet: { label: 'Quiet', tone: 'warning', why: 'No session logged for three weeks' },
  concern: { label: 'Concern', tone: 'danger', why: 'A side said it is not a good fit, or flagged a check-in' },
  closed: { label: 'Closed', tone: 'neutral', why: 'The mentorship has ended' },
};

const OUTCOME: Record<string, string> = {
  'goals-met': 'Goals met',
  'partly-met': 'Partly met',
  'ended-early': 'Ended early',
  'not-a-fit': 'Not a fit',
};

function isHealth(value: string | null): value is MentorshipHealth {
  return MENTORSHIP_HEALTH.includes(value as MentorshipHealth);
}

export function AdminMentorshipsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('health');
  const health = isHealth(raw) ? raw : undefined;
  const list = useInfiniteQuery(allMentorshipsQuery({ health }));
  const pairs = pageItems(list.data);

  return (
    <>
      <PageTitle
        title="Mentorships"
        lead="Every pair, newest first, with how it is going. Goals and session notes belong to the pair: you see counts and hours."
      />
      <form className="filters" role="search" aria-label="Filter mentorships" onSubmit={(event) => event.preventDefault()}>
        <Select
          label="Health"
          name="health"
          placeholder="Every pair"
          options={MENTORSHIP_HEALTH.map((h) => ({ value: h, label: HEALTH[h].label }))}
          value={health ?? ''}
          onChange={(event) => setParams(event.target.value ? { health: event.target.value } : {}, { replace: true })}
        />
      </form>
      {list.error && (
        <Alert tone="danger" role="alert">
          {errorMessage(list.error)}
        </Alert>
      )}
      {list.isPending ? (
        <Spinner label="Loading mentorships" />
      ) : pairs.length === 0 ? (
        <EmptyState title={health ? `No mentorship is ${HEALTH[health].label.toLowerCase()}.` : 'No mentorship has started yet.'} />
      ) : (
        <>
          <table className="table">
            <caption className="visually-hidden">Mentorships{health ? `: ${HEALTH[health].label}` : ''}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Mentee</th>
                <th scope="col">Mentor</th>
                <th scope="col">Started</th>
                <th scope="col">Health</th>
                <th scope="col">Sessions</th>
                <th scope="col">Last session</th>
                <th scope="col">Goals done</th>
                <th scope="col">Outcome</th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((m) => (
                <tr key={m.id}>
                  <td data-label="Mentee">
                    <PersonName person={m.mentee} />
                  </td>
                  <td data-label="Mentor">
                    <PersonName person={m.mentor} />
                  </td>
                  <td data-label="Started">
                    <time dateTime={m.startedAt}>{formatDate(m.startedAt)}</time>
                  </td>
                  <td data-label="Health">
                    <Badge tone={HEALTH[m.health].tone}>{HEALTH[m.health].label}</Badge>
                    <span className="visually-hidden">: {HEALTH[m.health].why}</span>
                  </td>
                  <td data-label="Sessions">
                    {m.progress.sessionCount} <span className="muted">({m.progress.hours} h)</span>
                  </td>
                  <td data-label="Last session">{m.progress.lastSessionAt ? formatDate(m.progress.lastSessionAt) : <span className="muted">None yet</span>}</td>
                  <td data-label="Goals done">
                    {m.progress.goalsDone} of {m.progress.goalCount}
                  </td>
                  <td data-label="Outcome">
                    {m.outcome ? (
                      <>
                        {OUTCOME[m.outcome] ?? m.outcome}
                        {m.rating !== null && <span className="muted"> ({m.rating} of 5)</span>}
                      </>
                    ) : (
                      <span className="muted">Ongoing</span>
                    )}
                  </td>
                  <td>
                    <Link to={`/mentoring/mentorships/${m.id}`}>
                      Open<span className="visually-hidden"> the mentorship of {m.mentee.displayName} and {m.mentor.displayName}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore query={list} />
        </>
      )}
    </>
  );
}
