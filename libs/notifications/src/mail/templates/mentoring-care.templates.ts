import {
  calendarInput,
  meetingCalendar,
  type AgreementUpdated,
  type CheckInDue,
  type MeetingCalendarFields,
  type MeetingCancelled,
  type MeetingLogRequested,
  type MeetingProposed,
  type MeetingReminderDue,
  type MeetingScheduled,
} from '@mutuals/matching';
import { template, type TemplateContext } from './mail-content';

/** "Thursday 3 December 2026 at 10:00 (Europe/London)": in the zone the time was proposed in. */
export function meetingTime(iso: string, timeZone: string): string {
  const when = new Date(iso).toLocaleString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  return `${when.replace(/, (\d\d:\d\d)$/, ' at $1')} (${timeZone.replace(/_/g, ' ')})`;
}

const mentorship = (id: string) => `/mentoring/mentorships/${id}`;

function invitation(fields: MeetingCalendarFields, method: 'REQUEST' | 'CANCEL', people: string[], c: TemplateContext) {
  return {
    method,
    content: meetingCalendar({
      ...calendarInput(fields, method),
      url: c.url(mentorship(fields.mentorshipId)),
      organizer: c.organizer,
      attendees: people.map((id) => c.contact(id)).map((p) => ({ name: p.name, email: p.email ?? undefined })),
    }),
  };
}

export const meetingProposed = template<MeetingProposed>({
  people: (p) => [p.proposedBy],
  build: (p, c) => ({
    subject: `${c.name(p.proposedBy)} ${p.rescheduled ? 'proposes a new time for your session' : 'proposes a mentoring session'}`,
    preview: meetingTime(p.startsAt, p.timeZone),
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `${c.name(p.proposedBy)} proposes to meet on ${meetingTime(p.startsAt, p.timeZone)}. Accept it, or propose another time that suits you.`,
    ],
    action: { text: 'Answer the proposal', url: c.url(mentorship(p.mentorshipId)) },
    footer: [],
  }),
});

export const meetingScheduled = template<MeetingScheduled>({
  people: (p) => [p.mentorId, p.menteeId, p.acceptedBy],
  build: (p, c) => ({
    subject: `Mentoring session: ${meetingTime(p.calendar.startsAt, p.calendar.timeZone)}`,
    preview: 'Your session is booked; the invitation is attached for your calendar.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `${c.name(p.mentorId)} and ${c.name(p.menteeId)} meet on ${meetingTime(p.calendar.startsAt, p.calendar.timeZone)} for ${p.calendar.durationMinutes} minutes.`,
      ...(p.calendar.location ? [`Where: ${p.calendar.location}`] : []),
      ...(p.calendar.agenda ? [`Agenda: ${p.calendar.agenda}`] : []),
      'The calendar invitation is attached; if the time changes, a new one updates the same event.',
    ],
    action: { text: 'Open your mentorship', url: c.url(mentorship(p.mentorshipId)) },
    footer: [],
  }),
  calendar: (p, c) => invitation(p.calendar, 'REQUEST', [p.mentorId, p.menteeId], c),
});

export const meetingCancelled = template<MeetingCancelled>({
  people: (p) => [p.cancelledBy, p.mentorId, p.menteeId],
  build: (p, c) => ({
    subject: 'Mentoring session cancelled',
    preview: p.calendar ? meetingTime(p.calendar.startsAt, p.calendar.timeZone) : 'A proposed session was withdrawn.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `${c.name(p.cancelledBy)} cancelled ${p.calendar ? `the session on ${meetingTime(p.calendar.startsAt, p.calendar.timeZone)}` : 'a proposed session'}.`,
      ...(p.reason ? [`Their reason: ${p.reason}`] : []),
    ],
    action: { text: 'Plan another session', url: c.url(mentorship(p.mentorshipId)) },
    footer: [],
  }),
  calendar: (p, c) => (p.calendar ? invitation(p.calendar, 'CANCEL', [p.mentorId, p.menteeId], c) : null),
});

export const meetingReminder = template<MeetingReminderDue>({
  people: () => [],
  build: (p, c) => ({
    subject: `${p.when === 'day-before' ? 'Tomorrow' : 'In an hour'}: your mentoring session`,
    preview: meetingTime(p.startsAt, p.timeZone),
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [`A reminder that your mentoring session is on ${meetingTime(p.startsAt, p.timeZone)}.`],
    action: { text: 'See the session', url: c.url(mentorship(p.mentorshipId)) },
    footer: [],
  }),
});

export const meetingLogRequest = template<MeetingLogRequested>({
  people: () => [],
  build: (p, c) => ({
    subject: 'How did your mentoring session go?',
    preview: 'Log it in a minute: notes and next steps.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: ['Your planned session has ended. Log a few notes and next steps, or say it did not happen, so you both keep track.'],
    action: { text: 'Log the session', url: c.url(mentorship(p.mentorshipId)) },
    footer: [],
  }),
});

export const agreementUpdated = template<AgreementUpdated>({
  people: (p) => [p.updatedBy],
  build: (p, c) => ({
    subject: `${c.name(p.updatedBy)} wrote down your mentoring agreement`,
    preview: 'Read it and confirm, or change it together.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `${c.name(p.updatedBy)} ${p.version === 1 ? 'wrote down' : 'changed'} what you agreed: how often and how you meet, for how long, what each expects and what stays confidential. Read it and confirm it.`,
    ],
    action: { text: 'Read the agreement', url: c.url(mentorship(p.mentorshipId)) },
    footer: [],
  }),
});

export const checkInDue = template<CheckInDue>({
  people: () => [],
  build: (p, c) => ({
    subject: 'How is your mentoring going?',
    preview: 'Three quick questions.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      'Three quick questions on how useful your mentoring is and whether to carry on. Coordinators see the figures, not your words, unless you choose to share them.',
    ],
    action: { text: 'Answer the check-in', url: c.url(mentorship(p.mentorshipId)) },
    footer: [],
  }),
});
