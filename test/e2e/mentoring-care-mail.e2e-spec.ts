import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { MeetingsService } from '@mutuals/matching';
import { api, startMentorship } from '../support/mentoring';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp-server';
import { TestApp, startTestApp } from '../support/test-app';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function invitation(mail: ReceivedMail) {
  expect(mail.calendar).toEqual(expect.any(String));
  const calendar = new ICAL.Component(ICAL.parse(mail.calendar!));
  const event = calendar.getFirstSubcomponent('vevent');
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: String(event.getFirstPropertyValue('status')),
    people: [event.getFirstPropertyValue('organizer'), ...event.getAllProperties('attendee').map((p) => p.getFirstValue())].map(String),
  };
}

// Sessions planned in the platform reach both sides by mail, with a calendar invitation that a
// change updates (same UID, higher SEQUENCE) and a cancellation removes; reminders can be switched off.
describe('mentoring care by mail', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let http: ReturnType<typeof api>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      rateLimits: false,
      env: {
        SMTP_URL: smtp.url,
        PUBLIC_URL: 'https://mutuals.test',
        MAIL_POLL_MS: '100',
        MAIL_FROM: 'Mutuals Network <hello@mutuals.test>',
      },
    });
    http = api(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends the proposal, then both sides an invitation, an update with the same UID and a cancellation', async () => {
    const { mentor, mentee, mentorshipId } = await startMentorship(t);
    const base = `/mentoring/mentorships/${mentorshipId}/meetings`;
    const { body: meeting } = await http
      .post(base, mentee, { startsAt: inHours(30), durationMinutes: 60, format: 'video', location: 'https://meet.example/x' })
      .expect(201);
    const proposal = await smtp.waitFor(mentor.email, { filter: (m) => /proposes a mentoring session/.test(m.subject) });
    expect(proposal.text).toContain(`https://mutuals.test/mentoring/mentorships/${mentorshipId}`);
    expect(proposal.calendar).toBeNull();

    await http.post(`${base}/${meeting.id}/accept`, mentor).expect(200);
    const booked = (m: ReceivedMail) => /^Mentoring session:/.test(m.subject);
    const [toMentor, toMentee] = await Promise.all([
      smtp.waitFor(mentor.email, { filter: booked }),
      smtp.waitFor(mentee.email, { filter: booked }),
    ]);
    const first = invitation(toMentee);
    expect(first).toMatchObject({ method: 'REQUEST', uid: meeting.calendarUid, sequence: 0, status: 'CONFIRMED' });
    expect(first.people).toEqual(expect.arrayContaining([`mailto:${mentor.email}`, `mailto:${mentee.email}`, 'mailto:hello@mutuals.test']));
    expect(invitation(toMentor).uid).toBe(first.uid);

    await http
      .post(`${base}/${meeting.id}/propose-time`, mentor, { startsAt: inHours(50), durationMinutes: 45, format: 'phone' })
      .expect(200);
    await smtp.waitFor(mentee.email, { filter: (m) => /proposes a new time/.test(m.subject) });
    await http.post(`${base}/${meeting.id}/accept`, mentee).expect(200);
    const updated = await smtp.waitFor(mentor.email, { filter: (m) => booked(m) && invitation(m).sequence === 1 });
    expect(invitation(updated)).toMatchObject({ method: 'REQUEST', uid: first.uid, sequence: 1 });

    await http.post(`${base}/${meeting.id}/cancel`, mentor, { reason: 'Inspection week' }).expect(200);
    const cancelled = await smtp.waitFor(mentee.email, { filter: (m) => /cancelled/.test(m.subject) });
    expect(cancelled.text).toContain('Inspection week');
    expect(invitation(cancelled)).toMatchObject({ method: 'CANCEL', uid: first.uid, sequence: 2, status: 'CANCELLED' });
    await smtp.waitFor(mentor.email, { filter: (m) => /cancelled/.test(m.subject) });
  });

  it('reminds the day before and asks to log afterwards, each once, and a member can switch the day-before reminder off', async () => {
    const { mentor, mentee, mentorshipId } = await startMentorship(t);
    await http.put('/me/notification-preferences', mentee, { kinds: [{ kind: 'mentoring.reminder-day', channel: 'off' }] }).expect(200);
    const base = `/mentoring/mentorships/${mentorshipId}/meetings`;
    const { body: meeting } = await http.post(base, mentor, { startsAt: inHours(20), durationMinutes: 60, format: 'video' }).expect(201);
    await http.post(`${base}/${meeting.id}/accept`, mentee).expect(200);
    const sweeper = t.app.get(MeetingsService);
    await sweeper.sweep();
    await sweeper.sweep();
    await smtp.waitFor(mentor.email, { filter: (m) => /^Tomorrow: your mentoring session/.test(m.subject) });

    await t.app.get(DataSource).query(`UPDATE mentoring_meetings SET starts_at = now() - interval '2 hours' WHERE id = $1`, [meeting.id]);
    await sweeper.sweep();
    await sweeper.sweep();
    const logRequest = await smtp.waitFor(mentee.email, { filter: (m) => /How did your mentoring session go/.test(m.subject) });
    expect(logRequest.text).toContain(`/mentoring/mentorships/${mentorshipId}`);
    await smtp.waitFor(mentor.email, { filter: (m) => /How did your mentoring session go/.test(m.subject) });
    // Give the outbox a moment to send anything it still holds, then count.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(smtp.to(mentee.email).filter((m) => /^Tomorrow/.test(m.subject))).toHaveLength(0);
    expect(smtp.to(mentor.email).filter((m) => /^Tomorrow/.test(m.subject))).toHaveLength(1);
    expect(smtp.to(mentor.email).filter((m) => /How did your mentoring session go/.test(m.subject))).toHaveLength(1);
  });
});
