// /mentoring: suggestions for mentees, incoming and outgoing requests, and my mentorships.
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MentoringRequestView } from '@mutuals/contracts';
import { errorMessage, api } from '../../api/client';
import { memberQuery } from '../../api/members';
import { mentoringKeys, mentorshipsQuery, requestsQuery, suggestionsQuery, type RequestBox } from '../../api/mentoring';
import { pageItems } from '../../api/queryClient';
import { useSession } from '../../api/session';
import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  LoadMore,
  PageTitle,
  Spinner,
  Tabs,
  TextField,
  plural,
  type TabItem,
  type Tone,
} from '../../components';
import { CheckIns } from './MentorshipCare';
import { RequestForm } from './RequestForm';
import { formatDate, PersonName, Reasons, ScoreBar } from './shared';

type Box = RequestBox | 'mentorships';
const tabs: TabItem<Box>[] = [
  { id: 'incoming', label: 'Incoming requests' },
  { id: 'outgoing', label: 'Outgoing requests' },
  { id: 'mentorships', label: 'My mentorships' },
];
const statusTone: Record<MentoringRequestView['status'], Tone> = {
  pending: 'warning',
  accepted: 'success',
  declined: 'danger',
  withdrawn: 'neutral',
  expired: 'neutral',
};

export function MentoringPage() {
  const { me } = useSession();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const raw = params.get('box');
  const [notice, setNotice] = useState<string | null>(null);
  /** The request just sent: it takes focus when it shows in the outgoing list. */
  const [sentId, setSentId] = useState<string | null>(null);
  const seeks = me?.profile.mentee.seeks ?? false;
  const offers = me?.profile.mentor.offers ?? false;
  // A mentor sees incoming requests, a mentee outgoing ones, someone on neither side yet both;
  // a box named in the address (a link, a request just sent) always shows.
  const shownTabs = tabs.filter(
    (t) => t.id === 'mentorships' || t.id === raw || (!seeks && !offers) || (t.id === 'incoming' ? offers : seeks),
  );
  const box: Box = shownTabs.find((t) => t.id === raw)?.id ?? shownTabs[0]!.id;
  const chosenMentor = params.get('mentor');

  const sent = (r: MentoringRequestView) => {
    setNotice(`Your request was sent to ${r.mentor.displayName}.`);
    setSentId(r.id);
    void client.invalidateQueries({ queryKey: mentoringKeys.all });
    setParams({ box: 'outgoing' }, { replace: true });
  };

  return (
    <>
      <PageTitle title="Mentoring" lead="Find a mentor who has been where you are, and keep your mentoring in one place." />
      <CheckIns />
      <div aria-live="polite" className="live-region">
        {notice && (
          <Alert tone="success" role="none">
            {notice}
          </Alert>
        )}
      </div>
      {chosenMentor && <ChosenMentor id={chosenMentor} onSent={sent} onCancel={() => setParams({}, { replace: true })} />}
      {seeks ? (
        <Suggestions onSent={sent} />
      ) : (
        !offers && (
          <Alert tone="info">
            To see mentor suggestions, say what help you are looking for on <Link to="/profile">your profile</Link>.
          </Alert>
        )
      )}
      <section aria-labelledby="mentoring-boxes-heading">
        <h2 id="mentoring-boxes-heading" className="visually-hidden">
          Your requests and mentorships
        </h2>
        <Tabs
          label="Mentoring"
          tabs={shownTabs}
          selected={box}
          onSelect={(b) => setParams({ box: b }, { replace: true })}
          idPrefix="mentoring-box"
        >
          {box === 'mentorships' ? <MentorshipList /> : <RequestList box={box} focusId={sentId} />}
        </Tabs>
      </section>
    </>
  );
}

function ChosenMentor({ id, onSent, onCancel }: { id: string; onSent: (r: MentoringRequestView) => void; onCancel: () => void }) {
  const { data: mentor } = useQuery(memberQuery(id));
  if (!mentor) return null;
  return (
    <Card title={`Request mentoring from ${mentor.displayName}`}>
      <RequestForm mentorId={mentor.id} mentorName={mentor.displayName} onSent={onSent} onCancel={onCancel} />
    </Card>
  );
}

/** Why the list is empty, as it really is for this member: awaiting approval, an unfinished profile, or no fit yet. */
function NoSuggestions() {
  const { me } = useSession();
  const profile = me?.profile;
  const described = !!profile && profile.sectors.length > 0 && !!profile.mentee.stage && profile.mentee.needs.length > 0;
  if (me?.user.status === 'pending') {
    return (
      <EmptyState title="Suggestions appear once a coordinator approves your account.">
        {described
          ? 'Your sector, stage and needs are saved; a coordinator reviews new accounts, usually within a couple of working days.'
          : 'Meanwhile, add your sector, stage and needs to your profile so the suggestions fit from the start.'}
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No mentor with a free place fits yet.">
      {described
        ? 'Mentors free up as mentorships end, and new ones join; check back soon.'
        : 'Add your sector, stage and needs to your profile, or check back soon.'}
    </EmptyState>
  );
}

function Suggestions({ onSent }: { onSent: (r: MentoringRequestView) => void }) {
  const { data: items, error } = useQuery(suggestionsQuery());
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="suggestions-heading" className="suggestions">
      <h2 id="suggestions-heading">Suggested mentors</h2>
      {error && (
        <Alert tone="danger" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {!items ? (
        !error && <Spinner label="Finding mentors" />
      ) : items.length === 0 ? (
        <NoSuggestions />
      ) : (
        <ul className="suggestion-list">
          {items.map((s) => (
            <li key={s.mentor.id} className="card suggestion">
              <h3>
                <Link to={`/members/${s.mentor.id}`}>{s.mentor.displayName}</Link>
              </h3>
              <p className="muted">{[s.mentor.jobTitle, s.mentor.organisation?.name].filter(Boolean).join(', ')}</p>
              <ScoreBar score={s.score} label={`Match score for ${s.mentor.displayName}`} />
              <Reasons reasons={s.reasons} />
              {open === s.mentor.id ? (
                <RequestForm mentorId={s.mentor.id} mentorName={s.mentor.displayName} onSent={onSent} onCancel={() => setOpen(null)} />
              ) : (
                <Button variant="secondary" onClick={() => setOpen(s.mentor.id)}>
                  Request mentoring<span className="visually-hidden"> from {s.mentor.displayName}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type RequestAction = 'accept' | 'decline' | 'withdraw';

function RequestList({ box, focusId }: { box: RequestBox; focusId: string | null }) {
  const client = useQueryClient();
  const list = useInfiniteQuery(requestsQuery(box));
  const items = list.data ? pageItems(list.data) : null;
  const [declining, setDeclining] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const focused = useRef<HTMLLIElement>(null);

  const act = useMutation({
    mutationFn: ({ request, action }: { request: MentoringRequestView; action: RequestAction }) =>
      api.post(`/mentoring/requests/${request.id}/${action}`, action === 'decline' ? { reason: reason || undefined } : undefined),
    onSuccess: () => {
      setDeclining(null);
      setReason('');
      // A decision changes both boxes, the mentorships, and who has a free place.
      void client.invalidateQueries({ queryKey: mentoringKeys.all });
    },
  });
  const busy = act.isPending ? act.variables.request.id : null;
  const error = act.error ?? list.error;

  // Once the request just sent is in the list (after the refetch), it takes focus.
  const focusShown = items?.some((r) => r.id === focusId) ?? false;
  useEffect(() => {
    if (focusShown) focused.current?.focus();
  }, [focusShown]);

  if (!items)
    return error ? (
      <Alert tone="danger" role="alert">
        {errorMessage(error)}
      </Alert>
    ) : (
      <Spinner label="Loading requests" />
    );
  return (
    <>
      {error && (
        <Alert tone="danger" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {items.length === 0 ? (
        <EmptyState
          title={box === 'incoming' ? 'Nobody has asked you for mentoring yet.' : 'You have not asked anyone for mentoring yet.'}
        />
      ) : (
        <ul className="request-list">
          {items.map((r) => {
            const other = box === 'incoming' ? r.mentee : r.mentor;
            return (
              <li
                key={r.id}
                className="card request"
                ref={r.id === focusId ? focused : undefined}
                tabIndex={r.id === focusId ? -1 : undefined}
              >
                <div className="request-head">
                  <h3>
                    {box === 'incoming' ? 'From ' : 'To '}
                    <PersonName person={other} />
                  </h3>
                  <Badge tone={statusTone[r.status]}>{r.status}</Badge>
                  {r.roundId && <Badge tone="info">proposed by the programme</Badge>}
                </div>
                <p className="pre-line">{r.message}</p>
                {r.goals.length > 0 && (
                  <ul className="goal-chips">
                    {r.goals.map((g) => (
                      <li key={g}>{g}</li>
                    ))}
                  </ul>
                )}
                <p className="muted small">
                  Sent {formatDate(r.createdAt)}
                  {r.status === 'pending' && <> · expires {formatDate(r.expiresAt)}</>}
                  {r.declineReason && <> · reason: {r.declineReason}</>}
                </p>
                {r.mentorshipId && <Link to={`/mentoring/mentorships/${r.mentorshipId}`}>View the mentorship</Link>}
                {r.status === 'pending' && box === 'incoming' && (
                  <div className="button-row">
                    <Button busy={busy === r.id} disabled={busy !== null} onClick={() => act.mutate({ request: r, action: 'accept' })}>
                      Accept<span className="visually-hidden"> {other.displayName}</span>
                    </Button>
                    {declining === r.id ? (
                      <>
                        <TextField
                          label="Reason for declining"
                          optional
                          name="reason"
                          value={reason}
                          maxLength={1000}
                          onChange={(e) => setReason(e.target.value)}
                        />
                        <Button variant="danger" disabled={busy !== null} onClick={() => act.mutate({ request: r, action: 'decline' })}>
                          Confirm decline
                        </Button>
                      </>
                    ) : (
                      <Button variant="secondary" disabled={busy !== null} onClick={() => setDeclining(r.id)}>
                        Decline<span className="visually-hidden"> {other.displayName}</span>
                      </Button>
                    )}
                  </div>
                )}
                {r.status === 'pending' && box === 'outgoing' && (
                  <Button
                    variant="secondary"
                    busy={busy === r.id}
                    disabled={busy !== null}
                    onClick={() => act.mutate({ request: r, action: 'withdraw' })}
                  >
                    Withdraw<span className="visually-hidden"> request to {other.displayName}</span>
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore query={list} />
    </>
  );
}

function MentorshipList() {
  const list = useInfiniteQuery(mentorshipsQuery());
  if (list.error)
    return (
      <Alert tone="danger" role="alert">
        {errorMessage(list.error)}
      </Alert>
    );
  if (!list.data) return <Spinner label="Loading mentorships" />;
  const items = pageItems(list.data);
  if (items.length === 0) return <EmptyState title="No mentorships yet." />;
  return (
    <>
      <ul className="mentorship-list">
        {items.map((m) => {
          const other = m.viewerRole === 'mentor' ? m.mentee : m.mentor;
          return (
            <li key={m.id} className="card">
              <h3>
                <Link to={`/mentoring/mentorships/${m.id}`}>
                  {m.viewerRole === 'mentor' ? 'Mentoring' : 'Mentored by'} {other.displayName}
                </Link>
              </h3>
              <p className="muted small">
                <Badge tone={m.status === 'active' ? 'success' : 'neutral'}>{m.status}</Badge> since {formatDate(m.startedAt)} ·{' '}
                {plural(m.progress.sessionCount, 'session')} · {m.progress.goalsDone} of {m.progress.goalCount} goals done
              </p>
            </li>
          );
        })}
      </ul>
      <LoadMore query={list} />
    </>
  );
}
