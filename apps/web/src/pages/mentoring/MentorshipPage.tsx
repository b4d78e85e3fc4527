// /mentoring/mentorships/:id: goals, session log, fit check and closing, for the pair.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GoalStatus, GoalView, MentorshipOutcome, MentorshipView, SessionLogView } from '@mutuals/contracts';
import { API_BASE, api, errorMessage, isApiError } from '../../api/client';
import { resourcesQuery } from '../../api/files';
import { pageItems } from '../../api/queryClient';
import { mentoringKeys, mentorshipQuery } from '../../api/mentoring';
import {
  Alert,
  Badge,
  Button,
  ButtonLink,
  Card,
  EmptyState,
  FormError,
  PageTitle,
  RadioGroup,
  Select,
  Spinner,
  TextArea,
  TextField,
  plural,
  useForm,
  type FieldErrors,
} from '../../components';
import { Agreement, Changes, CheckIns, CoordinatorCare, Meetings } from './MentorshipCare';
import { formatDate, PersonName } from './shared';

const goalStatuses: { value: GoalStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
];
const outcomes: { value: MentorshipOutcome; label: string }[] = [
  { value: 'goals-met', label: 'We met our goals' },
  { value: 'partly-met', label: 'We met some of our goals' },
  { value: 'ended-early', label: 'It ended early' },
  { value: 'not-a-fit', label: 'It was not a good fit' },
];

export function MentorshipPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { data: mentorship, error } = useQuery(mentorshipQuery(id));
  // After any change: this mentorship, and the progress shown in the list on /mentoring.
  const load = () => void client.invalidateQueries({ queryKey: mentoringKeys.all });

  if (error)
    return isApiError(error, 404) ? (
      <EmptyState title="No such mentorship">
        It may belong to someone else. <Link to="/mentoring">Back to mentoring</Link>
      </EmptyState>
    ) : (
      <Alert tone="danger" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  if (!mentorship) return <Spinner label="Loading the mentorship" />;
  const m = mentorship;
  const active = m.status === 'active';
  const inPair = m.viewerRole !== 'coordinator';
  const myFit = m.viewerRole === 'mentor' ? m.fitCheck.mentor : m.viewerRole === 'mentee' ? m.fitCheck.mentee : null;

  return (
    <>
      <PageTitle
        title={`${m.mentor.displayName} mentoring ${m.mentee.displayName}`}
        lead={`Started ${formatDate(m.startedAt)}${m.closedAt ? `, closed ${formatDate(m.closedAt)}` : ''}`}
        actions={
          m.conversationId && inPair ? (
            <ButtonLink to={`/chat/${m.conversationId}`} variant="secondary">
              Open chat
            </ButtonLink>
          ) : undefined
        }
      />
      <p>
        <Badge tone={active ? 'success' : 'neutral'}>{m.status}</Badge> Mentor: <PersonName person={m.mentor} /> · Mentee:{' '}
        <PersonName person={m.mentee} />
      </p>
      <p className="muted">
        {plural(m.progress.sessionCount, 'session')}, {plural(m.progress.hours, 'hour')} · {m.progress.goalsDone} of {m.progress.goalCount}{' '}
        goals done
        {m.fitCheck.flagged && (
          <>
            {' '}
            · <Badge tone="warning">fit flagged</Badge>
          </>
        )}
      </p>
      {!inPair && (
        <Alert tone="info">
          Goals, session notes, the agreement and check-in answers belong to the pair; you see status and figures only.
        </Alert>
      )}
      {!inPair && <CoordinatorCare mentorshipId={m.id} />}
      {m.status === 'closed' && (
        <Card title="Outcome">
          <p>
            {outcomes.find((o) => o.value === m.outcome)?.label} · rated {m.rating} of 5
          </p>
          {m.feedback && <p className="pre-line">{m.feedback}</p>}
        </Card>
      )}
      {inPair && (
        <div className="mentorship-grid">
          {active && <CheckIns mentorshipId={m.id} />}
          <Meetings mentorship={m} />
          <Goals mentorship={m} onChange={load} />
          <Sessions mentorship={m} onChange={load} />
          <Agreement mentorship={m} />
          {active && m.sessions.length > 0 && !myFit && <FitCheck id={m.id} onDone={load} />}
          {active && <CloseForm id={m.id} onDone={load} />}
          <Changes mentorshipId={m.id} />
        </div>
      )}
    </>
  );
}

function Goals({ mentorship, onChange }: { mentorship: MentorshipView; onChange: () => void }) {
  const form = useForm({ title: '' }, { validate: (v): FieldErrors => (v.title.trim() ? {} : { title: 'Write the goal' }) });
  const [error, setError] = useState<string | null>(null);
  const base = `/mentoring/mentorships/${mentorship.id}/goals`;
  const add = form.handleSubmit(async (v) => {
    await api.post<GoalView>(base, { title: v.title });
    form.reset({ title: '' });
    onChange();
  });
  const update = async (goal: GoalView, status: GoalStatus) => {
    try {
      await api.patch(`${base}/${goal.id}`, { status });
      onChange();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const remove = async (goal: GoalView) => {
    try {
      await api.delete(`${base}/${goal.id}`);
      onChange();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card title="Goals">
      {error && (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      )}
      {mentorship.goals.length === 0 ? (
        <p className="muted">No goals yet.</p>
      ) : (
        <ul className="goal-list">
          {mentorship.goals.map((g) => (
            <li key={g.id}>
              <span className={g.status === 'done' ? 'goal-done' : undefined}>{g.title}</span>
              <Select
                label={`Status of “${g.title}”`}
                name={`goal-${g.id}`}
                options={goalStatuses}
                value={g.status}
                disabled={mentorship.status !== 'active'}
                onChange={(e) => update(g, e.target.value as GoalStatus)}
              />
              {mentorship.status === 'active' && (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Delete goal “${g.title}”`}
                  onClick={() => window.confirm(`Delete the goal “${g.title}”?`) && void remove(g)}
                >
                  Delete
                </Button>
              )}
              <GoalResources mentorshipId={mentorship.id} goal={g} active={mentorship.status === 'active'} onChange={onChange} />
            </li>
          ))}
        </ul>
      )}
      {mentorship.status === 'active' && (
        <form onSubmit={add} noValidate className="stack">
          <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
          <TextField label="New goal" maxLength={200} {...form.text('title')} />
          <Button type="submit" variant="secondary" busy={form.submitting}>
            Add goal
          </Button>
        </form>
      )}
    </Card>
  );
}

/** The library's guides and templates linked to a goal, and a way to link another. */
function GoalResources({
  mentorshipId,
  goal,
  active,
  onChange,
}: {
  mentorshipId: string;
  goal: GoalView;
  active: boolean;
  onChange: () => void;
}) {
  const library = useInfiniteQuery({ ...resourcesQuery({}), enabled: active });
  const [error, setError] = useState<string | null>(null);
  const path = (resourceId: string) => `/mentoring/mentorships/${mentorshipId}/goals/${goal.id}/resources/${resourceId}`;
  const act = async (method: 'put' | 'delete', resourceId: string) => {
    try {
      await (method === 'put' ? api.put(path(resourceId)) : api.delete(path(resourceId)));
      setError(null);
      onChange();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const linked = new Set(goal.resources.map((r) => r.id));
  const choices = pageItems(library.data).filter((r) => !linked.has(r.id));
  return (
    <div className="goal-resources">
      {goal.resources.length > 0 && (
        <ul aria-label={`Resources for “${goal.title}”`}>
          {goal.resources.map((r) => (
            <li key={r.id}>
              <a href={`${API_BASE}/resources/${r.id}/download`}>{r.title}</a>
              {active && (
                <Button size="sm" variant="ghost" aria-label={`Unlink “${r.title}”`} onClick={() => void act('delete', r.id)}>
                  Unlink
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {active && choices.length > 0 && (
        <Select
          label={`Link a resource to “${goal.title}”`}
          name={`goal-resource-${goal.id}`}
          options={choices.map((r) => ({ value: r.id, label: r.title }))}
          placeholder="Choose from the library"
          value=""
          onChange={(e) => e.target.value && void act('put', e.target.value)}
        />
      )}
      {error && (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      )}
    </div>
  );
}

const localNow = () => {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
};

function Sessions({ mentorship, onChange }: { mentorship: MentorshipView; onChange: () => void }) {
  const blank = { heldAt: localNow(), durationMinutes: '60', notes: '', nextSteps: '' };
  const form = useForm(blank, {
    validate: (v) => ({
      ...(!v.heldAt && { heldAt: 'Give the date and time of the session' }),
      ...(!(Number(v.durationMinutes) >= 5 && Number(v.durationMinutes) <= 600) && {
        durationMinutes: 'Give a duration from 5 to 600 minutes',
      }),
      ...(!v.notes.trim() && { notes: 'Write a few notes' }),
    }),
  });
  const log = form.handleSubmit(async (v) => {
    await api.post(`/mentoring/mentorships/${mentorship.id}/sessions`, {
      heldAt: new Date(v.heldAt).toISOString(),
      durationMinutes: Number(v.durationMinutes),
      notes: v.notes,
      ...(v.nextSteps.trim() && { nextSteps: v.nextSteps }),
    });
    form.reset({ ...blank, heldAt: localNow() });
    onChange();
  });
  const [editing, setEditing] = useState<string | null>(null);
  const name = (userId: string) => (userId === mentorship.mentor.id ? mentorship.mentor.displayName : mentorship.mentee.displayName);
  return (
    <Card title="Sessions">
      {mentorship.status === 'active' && (
        <form onSubmit={log} noValidate className="stack" aria-label="Log a session">
          <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
          <TextField label="When" type="datetime-local" {...form.text('heldAt')} />
          <TextField label="Duration (minutes)" type="number" min={5} max={600} {...form.text('durationMinutes')} />
          <TextArea label="Notes" rows={3} maxLength={5000} {...form.text('notes')} />
          <TextArea label="Next steps" optional rows={2} maxLength={2000} {...form.text('nextSteps')} />
          <Button type="submit" busy={form.submitting}>
            Log session
          </Button>
        </form>
      )}
      {mentorship.sessions.length === 0 ? (
        <p className="muted">No sessions logged yet.</p>
      ) : (
        <ol className="session-list" aria-label="Logged sessions">
          {mentorship.sessions.map((s) => (
            <li key={s.id}>
              <p>
                <strong>{formatDate(s.heldAt)}</strong>, {s.durationMinutes} minutes{' '}
                <span className="muted">(logged by {name(s.loggedBy)})</span>
              </p>
              {editing === s.id ? (
                <EditSession
                  mentorshipId={mentorship.id}
                  session={s}
                  onDone={() => {
                    setEditing(null);
                    onChange();
                  }}
                />
              ) : (
                <>
                  <p className="pre-line">{s.notes}</p>
                  {s.nextSteps && (
                    <p className="pre-line">
                      <em>Next steps:</em> {s.nextSteps}
                    </p>
                  )}
                </>
              )}
              {mentorship.status === 'active' && editing !== s.id && (
                <div className="actions">
                  <Button size="sm" variant="ghost" onClick={() => setEditing(s.id)}>
                    Edit
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() =>
                      window.confirm('Delete this session log? It stays on the record of changes.') &&
                      void api.delete(`/mentoring/mentorships/${mentorship.id}/sessions/${s.id}`).then(onChange)
                    }
                  >
                    Delete
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function EditSession({ mentorshipId, session, onDone }: { mentorshipId: string; session: SessionLogView; onDone: () => void }) {
  const form = useForm(
    { durationMinutes: String(session.durationMinutes), notes: session.notes, nextSteps: session.nextSteps ?? '' },
    {
      validate: (v) => ({
        ...(!v.notes.trim() && { notes: 'Write a few notes' }),
        ...(!(Number(v.durationMinutes) >= 5 && Number(v.durationMinutes) <= 600) && {
          durationMinutes: 'Give a duration from 5 to 600 minutes',
        }),
      }),
    },
  );
  const submit = form.handleSubmit(async (v) => {
    await api.patch(`/mentoring/mentorships/${mentorshipId}/sessions/${session.id}`, {
      durationMinutes: Number(v.durationMinutes),
      notes: v.notes,
      nextSteps: v.nextSteps,
    });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate className="stack" aria-label="Edit this session log">
      <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
      <TextField label="Duration (minutes)" type="number" min={5} max={600} {...form.text('durationMinutes')} />
      <TextArea label="Notes" rows={3} maxLength={5000} {...form.text('notes')} />
      <TextArea label="Next steps" optional rows={2} maxLength={2000} {...form.text('nextSteps')} />
      <Button type="submit" variant="secondary" busy={form.submitting}>
        Save changes
      </Button>
    </form>
  );
}

function FitCheck({ id, onDone }: { id: string; onDone: () => void }) {
  const form = useForm({ goodFit: '', comment: '' }, { validate: (v): FieldErrors => (v.goodFit ? {} : { goodFit: 'Choose an answer' }) });
  const submit = form.handleSubmit(async (v) => {
    await api.post(`/mentoring/mentorships/${id}/fit-check`, {
      goodFit: v.goodFit === 'yes',
      ...(v.comment.trim() && { comment: v.comment }),
    });
    onDone();
  });
  return (
    <Card title="Fit check">
      <form onSubmit={submit} noValidate className="stack">
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
        <RadioGroup
          label="After your first session, is this a good fit?"
          name="goodFit"
          options={[
            { value: 'yes', label: 'Yes, a good fit' },
            { value: 'no', label: 'No, not a good fit' },
          ]}
          value={form.values.goodFit}
          error={form.errors.goodFit}
          onChange={(value: string) => form.set('goodFit', value)}
        />
        <TextArea
          label="Comment"
          optional
          rows={2}
          maxLength={1000}
          hint="A “no” is shared with the programme coordinator, who can help find another mentor."
          {...form.text('comment')}
        />
        <Button type="submit" variant="secondary" busy={form.submitting}>
          Send answer
        </Button>
      </form>
    </Card>
  );
}

function CloseForm({ id, onDone }: { id: string; onDone: () => void }) {
  const form = useForm(
    { outcome: '', rating: '', feedback: '' },
    {
      validate: (v) => ({
        ...(!v.outcome && { outcome: 'Choose an outcome' }),
        ...(!v.rating && { rating: 'Choose a rating' }),
        ...(!v.feedback.trim() && { feedback: 'Write some feedback' }),
      }),
    },
  );
  const submit = form.handleSubmit(async (v) => {
    await api.post(`/mentoring/mentorships/${id}/close`, { outcome: v.outcome, rating: Number(v.rating), feedback: v.feedback });
    onDone();
  });
  return (
    <Card title="Close the mentorship">
      <form onSubmit={submit} noValidate className="stack">
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
        <Select label="Outcome" options={outcomes} placeholder="Choose an outcome" {...form.text('outcome')} />
        <Select
          label="Rating"
          options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${n} of 5` }))}
          placeholder="Choose a rating"
          {...form.text('rating')}
        />
        <TextArea
          label="Feedback"
          rows={3}
          maxLength={4000}
          hint="What went well, and what the programme could do better."
          {...form.text('feedback')}
        />
        <Button type="submit" variant="danger" busy={form.submitting}>
          Close mentorship
        </Button>
      </form>
    </Card>
  );
}
