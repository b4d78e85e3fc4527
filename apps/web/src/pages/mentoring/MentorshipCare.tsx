// The pair's care on the mentorship page: planned meetings, the mentoring agreement, the record of
// changes; the check-in survey; and what a coordinator may see of it all (figures, never texts).
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgreementView, CheckInView, MeetingFormat, MeetingView, MentorshipView } from '@mutuals/contracts';
import { api, API_BASE, errorMessage } from '../../api/client';
import { agreementQuery, careKeys, careQuery, changesQuery, checkInsQuery, meetingsQuery, mentoringKeys } from '../../api/mentoring';
import { Alert, Badge, Button, Card, FormError, RadioGroup, Select, TextArea, TextField, useForm } from '../../components';

/** The member's own zone, as the browser knows it; Europe/London when it cannot say. */
const viewerZone = (() => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/London';
  } catch {
    return 'Europe/London';
  }
})();
const when = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: viewerZone,
});
const formatWhen = (iso: string) => `${when.format(new Date(iso))} (${viewerZone.replace(/_/g, ' ')})`;

const FORMATS: { value: MeetingFormat; label: string }[] = [
  { value: 'video', label: 'Video call' },
  { value: 'phone', label: 'Phone call' },
  { value: 'in-person', label: 'In person' },
];
const STATUS_TONES = { proposed: 'warning', scheduled: 'success', held: 'neutral', missed: 'danger', cancelled: 'neutral' } as const;

/** A datetime-local value a day from now at the next whole hour, in the member's own time. */
function tomorrowAtTheHour(): string {
  const next = new Date(Date.now() + 24 * 60 * 60 * 1000);
  next.setMinutes(0, 0, 0);
  next.setMinutes(next.getMinutes() - next.getTimezoneOffset());
  return next.toISOString().slice(0, 16);
}

function MeetingForm({ mentorshipId, meeting, onDone }: { mentorshipId: string; meeting?: MeetingView; onDone: () => void }) {
  const form = useForm(
    {
      startsAt: tomorrowAtTheHour(),
      durationMinutes: String(meeting?.durationMinutes ?? 60),
      format: meeting?.format ?? 'video',
      location: meeting?.location ?? '',
      agenda: meeting?.agenda ?? '',
    },
    {
      validate: (v) => ({
        ...(!v.startsAt && { startsAt: 'Choose a date and time' }),
        ...(!(Number(v.durationMinutes) >= 15 && Number(v.durationMinutes) <= 480) && {
          durationMinutes: 'Give a length from 15 to 480 minutes',
        }),
      }),
    },
  );
  const submit = form.handleSubmit(async (v) => {
    const body = {
      startsAt: new Date(v.startsAt).toISOString(),
      durationMinutes: Number(v.durationMinutes),
      timeZone: viewerZone,
      format: v.format,
      ...(v.location.trim() && { location: v.location }),
      ...(v.agenda.trim() && { agenda: v.agenda }),
    };
    const base = `/mentoring/mentorships/${mentorshipId}/meetings`;
    await (meeting ? api.post(`${base}/${meeting.id}/propose-time`, body) : api.post(base, body));
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate className="stack" aria-label={meeting ? 'Propose another time' : 'Propose a session'}>
      <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
      <TextField
        label="Date and time"
        type="datetime-local"
        hint={`Your time zone: ${viewerZone.replace(/_/g, ' ')}`}
        {...form.text('startsAt')}
      />
      <TextField label="Length (minutes)" type="number" min={15} max={480} {...form.text('durationMinutes')} />
      <Select label="How" options={FORMATS} {...form.text('format')} />
      <TextField label="Where" optional maxLength={300} hint="A video link, a phone number or an address" {...form.text('location')} />
      <TextArea label="Agenda" optional rows={2} maxLength={1000} {...form.text('agenda')} />
      <Button type="submit" variant="secondary" busy={form.submitting}>
        {meeting ? 'Propose this time' : 'Propose session'}
      </Button>
    </form>
  );
}

function LogForm({ mentorshipId, meeting, onDone }: { mentorshipId: string; meeting: MeetingView; onDone: () => void }) {
  const form = useForm(
    { durationMinutes: String(meeting.durationMinutes), notes: '', nextSteps: '' },
    {
      validate: (v) => ({
        ...(!v.notes.trim() && { notes: 'Write a few notes' }),
        ...(!(Number(v.durationMinutes) >= 5) && { durationMinutes: 'Give the length in minutes' }),
      }),
    },
  );
  const submit = form.handleSubmit(async (v) => {
    await api.post(`/mentoring/mentorships/${mentorshipId}/meetings/${meeting.id}/log`, {
      durationMinutes: Number(v.durationMinutes),
      notes: v.notes,
      ...(v.nextSteps.trim() && { nextSteps: v.nextSteps }),
    });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate className="stack" aria-label="Log this session">
      <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
      <TextField label="How long it took (minutes)" type="number" min={5} max={600} {...form.text('durationMinutes')} />
      <TextArea label="Notes" rows={3} maxLength={5000} {...form.text('notes')} />
      <TextArea label="Next steps" optional rows={2} maxLength={2000} {...form.text('nextSteps')} />
      <Button type="submit" busy={form.submitting}>
        Log session
      </Button>
    </form>
  );
}

export function Meetings({ mentorship }: { mentorship: MentorshipView }) {
  const client = useQueryClient();
  const { data: meetings = [] } = useQuery(meetingsQuery(mentorship.id));
  const [open, setOpen] = useState<{ meetingId: string; form: 'time' | 'log' } | null>(null);
  const [proposing, setProposing] = useState(false);
  const me = mentorship.viewerRole === 'mentor' ? mentorship.mentor.id : mentorship.mentee.id;
  const other = mentorship.viewerRole === 'mentor' ? mentorship.mentee : mentorship.mentor;
  const refresh = () => {
    setOpen(null);
    setProposing(false);
    void client.invalidateQueries({ queryKey: mentoringKeys.all });
  };
  const act = useMutation({
    mutationFn: ({ meeting, action }: { meeting: MeetingView; action: 'accept' | 'cancel' | 'missed' }) =>
      api.post(`/mentoring/mentorships/${mentorship.id}/meetings/${meeting.id}/${action}`),
    onSuccess: refresh,
  });
  const active = mentorship.status === 'active';
  const upcoming = meetings.filter((m) => m.status === 'proposed' || m.status === 'scheduled');
  const past = meetings.filter((m) => m.status !== 'proposed' && m.status !== 'scheduled');

  const row = (m: MeetingView) => (
    <li key={m.id} className="meeting">
      <p>
        <strong>{formatWhen(m.startsAt)}</strong>, {m.durationMinutes} minutes,{' '}
        {FORMATS.find((f) => f.value === m.format)?.label.toLowerCase()} <Badge tone={STATUS_TONES[m.status]}>{m.status}</Badge>
      </p>
      {m.location && <p className="muted">Where: {m.location}</p>}
      {m.agenda && <p className="pre-line">Agenda: {m.agenda}</p>}
      {m.status === 'proposed' && (
        <p className="muted">
          {m.awaitingUserId === me ? `${other.displayName} proposed this time.` : `Waiting for ${other.displayName} to answer.`}
        </p>
      )}
      {active && (
        <div className="actions">
          {m.status === 'proposed' && m.awaitingUserId === me && (
            <Button size="sm" busy={act.isPending} onClick={() => act.mutate({ meeting: m, action: 'accept' })}>
              Accept
            </Button>
          )}
          {(m.status === 'proposed' || m.status === 'scheduled') && !m.canLog && (
            <Button size="sm" variant="secondary" onClick={() => setOpen({ meetingId: m.id, form: 'time' })}>
              Propose another time
            </Button>
          )}
          {m.status === 'scheduled' && (
            <a
              className="btn btn-ghost btn-sm"
              href={`${API_BASE}/mentoring/mentorships/${mentorship.id}/meetings/${m.id}/calendar.ics`}
              download
            >
              Add to calendar
            </a>
          )}
          {m.canLog && (
            <Button size="sm" onClick={() => setOpen({ meetingId: m.id, form: 'log' })}>
              Log this session
            </Button>
          )}
          {m.canLog && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => window.confirm('Mark this session as not held?') && act.mutate({ meeting: m, action: 'missed' })}
            >
              It did not happen
            </Button>
          )}
          {(m.status === 'proposed' || (m.status === 'scheduled' && !m.canLog)) && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => window.confirm('Cancel this session? You will both be told.') && act.mutate({ meeting: m, action: 'cancel' })}
            >
              Cancel
            </Button>
          )}
        </div>
      )}
      {open?.meetingId === m.id && open.form === 'time' && <MeetingForm mentorshipId={mentorship.id} meeting={m} onDone={refresh} />}
      {open?.meetingId === m.id && open.form === 'log' && <LogForm mentorshipId={mentorship.id} meeting={m} onDone={refresh} />}
    </li>
  );

  return (
    <Card title="Meetings">
      {act.error && (
        <Alert tone="danger" role="alert">
          {errorMessage(act.error)}
        </Alert>
      )}
      {upcoming.length === 0 ? (
        <p className="muted">Nothing planned.</p>
      ) : (
        <ul className="meeting-list" aria-label="Planned sessions">
          {upcoming.map(row)}
        </ul>
      )}
      {active &&
        (proposing ? (
          <MeetingForm mentorshipId={mentorship.id} onDone={refresh} />
        ) : (
          <Button variant="secondary" onClick={() => setProposing(true)}>
            Propose a session
          </Button>
        ))}
      {past.length > 0 && (
        <details>
          <summary>Earlier meetings ({past.length})</summary>
          <ul className="meeting-list">{past.map(row)}</ul>
        </details>
      )}
    </Card>
  );
}

const AGREEMENT_FIELDS = [
  ['meetingFrequency', 'How often you meet', 'For example: every three weeks'],
  ['meetingFormat', 'How you meet', 'For example: video calls, one visit in person'],
  ['duration', 'For how long', 'For example: six months, reviewed at three'],
  ['mentorExpectations', 'What the mentee can expect of the mentor', ''],
  ['menteeExpectations', 'What the mentor can expect of the mentee', ''],
  ['confidentiality', 'Confidentiality', 'What stays between you, and what may be shared'],
] as const;
type AgreementKey = (typeof AGREEMENT_FIELDS)[number][0];

function AgreementForm({ mentorshipId, current, onDone }: { mentorshipId: string; current: AgreementView | null; onDone: () => void }) {
  const initial = Object.fromEntries(AGREEMENT_FIELDS.map(([key]) => [key, current?.[key] ?? ''])) as Record<AgreementKey, string>;
  const form = useForm(initial, {
    validate: (v) =>
      Object.fromEntries(AGREEMENT_FIELDS.filter(([key]) => !v[key].trim()).map(([key, label]) => [key, `Fill in “${label}”`])),
  });
  const submit = form.handleSubmit(async (v) => {
    await api.put(`/mentoring/mentorships/${mentorshipId}/agreement`, v);
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate className="stack" aria-label="Mentoring agreement">
      <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
      {AGREEMENT_FIELDS.map(([key, label, hint]) =>
        key.endsWith('Expectations') || key === 'confidentiality' ? (
          <TextArea key={key} label={label} hint={hint || undefined} rows={2} maxLength={3000} {...form.text(key)} />
        ) : (
          <TextField key={key} label={label} hint={hint || undefined} maxLength={300} {...form.text(key)} />
        ),
      )}
      <Button type="submit" busy={form.submitting}>
        Save the agreement
      </Button>
    </form>
  );
}

export function Agreement({ mentorship }: { mentorship: MentorshipView }) {
  const client = useQueryClient();
  const { data } = useQuery(agreementQuery(mentorship.id));
  const [editing, setEditing] = useState(false);
  const refresh = () => {
    setEditing(false);
    void client.invalidateQueries({ queryKey: careKeys.agreement(mentorship.id) });
  };
  const confirm = useMutation({
    mutationFn: (version: number) => api.post(`/mentoring/mentorships/${mentorship.id}/agreement/confirm`, { version }),
    onSuccess: refresh,
  });
  if (!data) return null;
  const { agreement, canRecord } = data;
  const mine = mentorship.viewerRole === 'mentor' ? agreement?.mentorConfirmedAt : agreement?.menteeConfirmedAt;
  const theirs = mentorship.viewerRole === 'mentor' ? agreement?.menteeConfirmedAt : agreement?.mentorConfirmedAt;
  const other = mentorship.viewerRole === 'mentor' ? mentorship.mentee.displayName : mentorship.mentor.displayName;
  return (
    <Card title="Mentoring agreement">
      {confirm.error && (
        <Alert tone="danger" role="alert">
          {errorMessage(confirm.error)}
        </Alert>
      )}
      {!agreement && !canRecord && (
        <p className="muted">
          After your first session, write down together how you will work: how often, how, for how long, what each expects and what stays
          confidential.
        </p>
      )}
      {agreement && !editing && (
        <>
          <dl className="agreement">
            {AGREEMENT_FIELDS.map(([key, label]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd className="pre-line">{agreement[key]}</dd>
              </div>
            ))}
          </dl>
          <p>
            {mine && theirs ? (
              <Badge tone="success">Confirmed by both</Badge>
            ) : mine ? (
              <Badge tone="warning">Waiting for {other} to confirm</Badge>
            ) : (
              <Badge tone="warning">Waiting for you to confirm</Badge>
            )}
          </p>
        </>
      )}
      {mentorship.status === 'active' && agreement && !mine && !editing && (
        <Button busy={confirm.isPending} onClick={() => confirm.mutate(agreement.version)}>
          I confirm this agreement
        </Button>
      )}
      {mentorship.status === 'active' &&
        canRecord &&
        (editing || !agreement ? (
          <AgreementForm mentorshipId={mentorship.id} current={agreement} onDone={refresh} />
        ) : (
          <Button variant="ghost" onClick={() => setEditing(true)}>
            Edit the agreement
          </Button>
        ))}
    </Card>
  );
}

export function Changes({ mentorshipId }: { mentorshipId: string }) {
  const { data: changes = [] } = useQuery(changesQuery(mentorshipId));
  if (changes.length === 0) return null;
  return (
    <Card title="Record of changes">
      <ul className="change-list">
        {changes.map((c) => (
          <li key={c.id}>
            {new Date(c.at).toLocaleString('en-GB')}: a {c.subject} was {c.action}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function CheckInForm({ checkIn, onDone }: { checkIn: CheckInView; onDone: (flagged: boolean) => void }) {
  const scale = [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: String(n) }));
  const form = useForm(
    { usefulness: '', relationship: '', wantsToContinue: '', comment: '', shareComment: '' },
    {
      validate: (v) => ({
        ...(!v.usefulness && { usefulness: 'Choose an answer' }),
        ...(!v.relationship && { relationship: 'Choose an answer' }),
        ...(!v.wantsToContinue && { wantsToContinue: 'Choose an answer' }),
      }),
    },
  );
  const submit = form.handleSubmit(async (v) => {
    const { flagged } = await api.post<{ flagged: boolean }>(`/mentoring/check-ins/${checkIn.id}`, {
      usefulness: Number(v.usefulness),
      relationship: Number(v.relationship),
      wantsToContinue: v.wantsToContinue,
      ...(v.comment.trim() && { comment: v.comment, shareComment: v.shareComment === 'yes' }),
    });
    onDone(flagged);
  });
  const radio = (
    name: 'usefulness' | 'relationship' | 'wantsToContinue' | 'shareComment',
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <RadioGroup
      label={label}
      name={`${name}-${checkIn.id}`}
      options={options}
      value={form.values[name]}
      error={form.errors[name]}
      onChange={(value: string) => form.set(name, value)}
    />
  );
  return (
    <form onSubmit={submit} noValidate className="stack" aria-label={`Check-in about mentoring with ${checkIn.otherPerson.displayName}`}>
      <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
      {radio('usefulness', 'How useful has the mentoring been? (5 is very useful)', scale)}
      {radio('relationship', `How is it going with ${checkIn.otherPerson.displayName}? (5 is very well)`, scale)}
      {radio('wantsToContinue', 'Do you want to carry on?', [
        { value: 'yes', label: 'Yes' },
        { value: 'unsure', label: 'Not sure' },
        { value: 'no', label: 'No' },
      ])}
      <TextArea label="Anything to add" optional rows={2} maxLength={2000} {...form.text('comment')} />
      {radio('shareComment', 'May the programme coordinators read your comment?', [
        { value: 'no', label: 'No, keep it to the figures' },
        { value: 'yes', label: 'Yes, share it' },
      ])}
      <Button type="submit" busy={form.submitting}>
        Send check-in
      </Button>
    </form>
  );
}

/** The check-ins waiting for the member (all of them, or one mentorship's). */
export function CheckIns({ mentorshipId }: { mentorshipId?: string }) {
  const client = useQueryClient();
  const { data = [] } = useQuery(checkInsQuery());
  const [thanks, setThanks] = useState<string | null>(null);
  const waiting = data.filter((c) => !mentorshipId || c.mentorshipId === mentorshipId);
  if (waiting.length === 0 && !thanks) return null;
  return (
    <Card title="Check-in">
      {thanks && <Alert tone="success">{thanks}</Alert>}
      {waiting.map((c) => (
        <CheckInForm
          key={c.id}
          checkIn={c}
          onDone={(flagged) => {
            setThanks(flagged ? 'Thank you. A coordinator will be in touch to see how they can help.' : 'Thank you for checking in.');
            void client.invalidateQueries({ queryKey: careKeys.checkIns() });
          }}
        />
      ))}
    </Card>
  );
}

/** What a coordinator sees of the pair's care: that an agreement exists, meeting counts, check-in figures. */
export function CoordinatorCare({ mentorshipId }: { mentorshipId: string }) {
  const { data } = useQuery(careQuery(mentorshipId));
  if (!data) return null;
  const { agreement, meetings, checkIns } = data;
  return (
    <Card title="How the pair is doing">
      <dl className="stats">
        <div>
          <dt>Agreement</dt>
          <dd>
            {agreement.exists ? (agreement.confirmedByBoth ? 'Confirmed by both' : 'Written, not yet confirmed by both') : 'None yet'}
          </dd>
        </div>
        <div>
          <dt>Meetings</dt>
          <dd>
            {meetings.scheduled} planned, {meetings.held} held, {meetings.missed} missed
          </dd>
        </div>
        <div>
          <dt>Check-ins answered</dt>
          <dd>
            {checkIns.answered} ({checkIns.pending} waiting)
          </dd>
        </div>
        <div>
          <dt>Usefulness</dt>
          <dd>{checkIns.averageUsefulness ?? '–'} of 5</dd>
        </div>
        <div>
          <dt>Relationship</dt>
          <dd>{checkIns.averageRelationship ?? '–'} of 5</dd>
        </div>
        <div>
          <dt>Concerns raised</dt>
          <dd>{checkIns.flags > 0 ? <Badge tone="danger">{checkIns.flags}</Badge> : 0}</dd>
        </div>
      </dl>
    </Card>
  );
}
