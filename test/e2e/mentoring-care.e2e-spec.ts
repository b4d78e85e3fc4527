import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { DomainEvents } from '@mutuals/core';
import { CheckInsService, MeetingsService } from '@mutuals/matching';
import { createCoordinator, createMember, type TestMember } from '../support/factories';
import { pdf, uploaded } from '../support/files';
import { api, startMentorship } from '../support/mentoring';
import { TestApp, startTestApp } from '../support/test-app';

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

interface CalendarEvent {
  uid: string;
  sequence: number;
  status: string;
  start: Date;
  method: string;
}

/** Parses an .ics with a calendar library, as Outlook or Google Calendar would read it. */
function parseCalendar(text: string): CalendarEvent {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent'));
  return {
    uid: event.uid,
    sequence: event.sequence,
    status: String(calendar.getFirstSubcomponent('vevent').getFirstPropertyValue('status')),
    start: event.startDate.toJSDate(),
    method: String(calendar.getFirstPropertyValue('method')),
  };
}

describe('mentoring care: meetings, the agreement, check-ins and edits', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    http = api(t);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  const meetingBody = (hours = 48) => ({
    startsAt: inHours(hours),
    durationMinutes: 60,
    format: 'video',
    location: 'https://meet.example/abc',
  });
  const calendarOf = async (who: TestMember, mentorshipId: string, meetingId: string) => {
    const response = await http
      .get(`/mentoring/mentorships/${mentorshipId}/meetings/${meetingId}/calendar.ics`, who)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    return parseCalendar(response.body as string);
  };

  describe('meetings', () => {
    it('is proposed by one side and accepted by the other, and a change keeps the calendar UID with a higher SEQUENCE', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const proposed = await http.post(`/mentoring/mentorships/${mentorshipId}/meetings`, mentee, meetingBody()).expect(201);
      expect(proposed.body).toMatchObject({
        status: 'proposed',
        proposedBy: mentee.id,
        awaitingUserId: mentor.id,
        timeZone: 'Europe/London',
        calendarSequence: 0,
      });
      const meetingId = proposed.body.id as string;

      const own = await http.post(`/mentoring/mentorships/${mentorshipId}/meetings/${meetingId}/accept`, mentee).expect(409);
      expect(own.body.code ?? own.body.detail).toBeTruthy();
      await http.get(`/mentoring/mentorships/${mentorshipId}/meetings/${meetingId}/calendar.ics`, mentee).expect(409);

      const accepted = await http.post(`/mentoring/mentorships/${mentorshipId}/meetings/${meetingId}/accept`, mentor).expect(200);
      expect(accepted.body).toMatchObject({ status: 'scheduled', awaitingUserId: null, calendarSequence: 0 });
      const first = await calendarOf(mentee, mentorshipId, meetingId);
      expect(first).toMatchObject({ uid: accepted.body.calendarUid, sequence: 0, status: 'CONFIRMED', method: 'PUBLISH' });
      expect(first.start.toISOString()).toBe(accepted.body.startsAt);

      // Moving a scheduled meeting asks the other side again and raises the SEQUENCE.
      const moved = await http
        .post(`/mentoring/mentorships/${mentorshipId}/meetings/${meetingId}/propose-time`, mentor, {
          ...meetingBody(72),
          timeZone: 'Europe/Paris',
        })
        .expect(200);
      expect(moved.body).toMatchObject({ status: 'proposed', awaitingUserId: mentee.id, calendarSequence: 1, timeZone: 'Europe/Paris' });
      await http.post(`/mentoring/mentorships/${mentorshipId}/meetings/${meetingId}/accept`, mentor).expect(409);
      await http.post(`/mentoring/mentorships/${mentorshipId}/meetings/${meetingId}/accept`, mentee).expect(200);
      const second = await calendarOf(mentor, mentorshipId, meetingId);
      expect(second.uid).toBe(first.uid);
      expect(second.sequence).toBeGreaterThan(first.sequence);
      expect(second.start.getTime()).toBeGreaterThan(first.start.getTime());

      const cancelled = await http
        .post(`/mentoring/mentorships/${mentorshipId}/meetings/${meetingId}/cancel`, mentee, { reason: 'Inspection week' })
        .expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', calendarSequence: 2 });
      const third = await calendarOf(mentor, mentorshipId, meetingId);
      expect(third).toMatchObject({ uid: first.uid, sequence: 2, status: 'CANCELLED', method: 'CANCEL' });
      await http.post(`/mentoring/mentorships/${mentorshipId}/meetings/${meetingId}/accept`, mentor).expect(409);

      const list = await http.get(`/mentoring/mentorships/${mentorshipId}/meetings`, mentor).expect(200);
      expect(list.body.map((m: { id: string }) => m.id)).toEqual([meetingId]);
    });

    it('refuses a start in the past or too far ahead, an unknown time zone and a bad length, naming the field', async () => {
      const { mentee, mentorshipId } = await startMentorship(t);
      const cases: [object, string][] = [
        [{ ...meetingBody(), startsAt: inHours(-2) }, 'startsAt'],
        [{ ...meetingBody(), startsAt: inHours(24 * 400) }, 'startsAt'],
        [{ ...meetingBody(), startsAt: 'tomorrow at ten' }, 'startsAt'],
        [{ ...meetingBody(), timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
        [{ ...meetingBody(), durationMinutes: 5 }, 'durationMinutes'],
        [{ ...meetingBody(), format: 'carrier-pigeon' }, 'format'],
      ];
      for (const [body, field] of cases) {
        const response = await http.post(`/mentoring/mentorships/${mentorshipId}/meetings`, mentee, body).expect(400);
        expect(JSON.stringify(response.body)).toContain(field);
      }
    });

    it('is logged once after its time, becoming a session, and cannot be logged before', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const { body: meeting } = await http.post(`/mentoring/mentorships/${mentorshipId}/meetings`, mentor, meetingBody()).expect(201);
      await http.post(`/mentoring/mentorships/${mentorshipId}/meetings/${meeting.id}/accept`, mentee).expect(200);
      await http.post(`/mentoring/mentorships/${mentorshipId}/meetings/${meeting.id}/log`, mentee, { notes: 'Too early' }).expect(409);

      await db.query(`UPDATE mentoring_meetings SET starts_at = now() - interval '2 hours' WHERE id = $1`, [meeting.id]);
      const [first, second] = await Promise.all([
        http.post(`/mentoring/mentorships/${mentorshipId}/meetings/${meeting.id}/log`, mentee, {
          notes: 'Went through the options appraisal',
        }),
        http.post(`/mentoring/mentorships/${mentorshipId}/meetings/${meeting.id}/log`, mentor, { notes: 'Options appraisal' }),
      ]);
      expect([first.status, second.status].sort()).toEqual([201, 409]);
      const session = (first.status === 201 ? first : second).body;
      expect(session).toMatchObject({ durationMinutes: 60 });
      const view = await http.get(`/mentoring/mentorships/${mentorshipId}`, mentor).expect(200);
      expect(view.body.sessions.map((s: { id: string }) => s.id)).toEqual([session.id]);
      const [held] = (await http.get(`/mentoring/mentorships/${mentorshipId}/meetings`, mentor).expect(200)).body;
      expect(held).toMatchObject({ status: 'held', sessionId: session.id });
    });

    it('reminds both sides a day and an hour before, and asks them to log it once it has ended, each once', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const events = t.app.get(DomainEvents);
      const reminders: { meetingId: string; when: string; userIds: string[] }[] = [];
      const logRequests: string[] = [];
      const stop = [
        events.observe('mentoring.meeting.reminder-due', (e) => reminders.push(e)),
        events.observe('mentoring.meeting.log-requested', (e) => logRequests.push(e.meetingId)),
      ];
      try {
        const { body: tomorrow } = await http.post(`/mentoring/mentorships/${mentorshipId}/meetings`, mentor, meetingBody(20)).expect(201);
        const { body: soon } = await http.post(`/mentoring/mentorships/${mentorshipId}/meetings`, mentor, meetingBody(0.5)).expect(201);
        for (const id of [tomorrow.id, soon.id])
          await http.post(`/mentoring/mentorships/${mentorshipId}/meetings/${id}/accept`, mentee).expect(200);
        const sweeper = t.app.get(MeetingsService);
        await sweeper.sweep();
        await sweeper.sweep();
        const mine = reminders.filter((r) => r.meetingId === tomorrow.id || r.meetingId === soon.id);
        expect(mine.map((r) => `${r.meetingId === tomorrow.id ? 'tomorrow' : 'soon'}:${r.when}`).sort()).toEqual([
          'soon:hour-before',
          'tomorrow:day-before',
        ]);
        expect(mine[0].userIds.sort()).toEqual([mentor.id, mentee.id].sort());

        await db.query(`UPDATE mentoring_meetings SET starts_at = now() - interval '90 minutes' WHERE id = $1`, [soon.id]);
        await sweeper.sweep();
        await sweeper.sweep();
        expect(logRequests.filter((id) => id === soon.id)).toHaveLength(1);
      } finally {
        stop.forEach((s) => s());
      }
    });

    it('belongs to the pair: anyone else gets 404 and a coordinator 403', async () => {
      const { mentor, mentorshipId } = await startMentorship(t);
      const { body: meeting } = await http.post(`/mentoring/mentorships/${mentorshipId}/meetings`, mentor, meetingBody()).expect(201);
      const outsider = await createMember(t);
      const coordinator = await createCoordinator(t);
      for (const [who, status] of [
        [outsider, 404],
        [coordinator, 403],
      ] as const) {
        await http.get(`/mentoring/mentorships/${mentorshipId}/meetings`, who).expect(status);
        await http.post(`/mentoring/mentorships/${mentorshipId}/meetings`, who, meetingBody()).expect(status);
        await http.post(`/mentoring/mentorships/${mentorshipId}/meetings/${meeting.id}/accept`, who).expect(status);
        await http.get(`/mentoring/mentorships/${mentorshipId}/meetings/${meeting.id}/calendar.ics`, who).expect(status);
        await http.get(`/mentoring/mentorships/${mentorshipId}/agreement`, who).expect(status);
        await http.get(`/mentoring/mentorships/${mentorshipId}/changes`, who).expect(status);
      }
    });
  });

  describe('the agreement', () => {
    const agreement = {
      meetingFrequency: 'Every three weeks',
      meetingFormat: 'Video calls, and one visit to the leisure centre',
      duration: 'Six months, reviewed at three',
      mentorExpectations: 'Honest questions and the papers a week before',
      menteeExpectations: 'Help with the business case and the pensions question',
      confidentiality: 'What we discuss stays between us unless we agree otherwise',
    };

    it('is recorded after the first session, confirmed by both, and asks again after an edit; coordinators see only that it exists', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const coordinator = await createCoordinator(t);
      expect((await http.get(`/mentoring/mentorships/${mentorshipId}/agreement`, mentee).expect(200)).body).toEqual({
        agreement: null,
        canRecord: false,
      });
      await http.put(`/mentoring/mentorships/${mentorshipId}/agreement`, mentee, agreement).expect(409);

      await http
        .post(`/mentoring/mentorships/${mentorshipId}/sessions`, mentor, {
          heldAt: new Date(Date.now() - HOUR).toISOString(),
          durationMinutes: 60,
          notes: 'First meeting',
        })
        .expect(201);
      const written = await http.put(`/mentoring/mentorships/${mentorshipId}/agreement`, mentee, agreement).expect(200);
      expect(written.body).toMatchObject({ version: 1, menteeConfirmedAt: expect.any(String), mentorConfirmedAt: null });
      const confirmed = await http.post(`/mentoring/mentorships/${mentorshipId}/agreement/confirm`, mentor, { version: 1 }).expect(200);
      expect(confirmed.body.mentorConfirmedAt).toEqual(expect.any(String));
      expect((await http.get(`/admin/mentoring/mentorships/${mentorshipId}/care`, coordinator).expect(200)).body.agreement).toEqual({
        exists: true,
        confirmedByBoth: true,
        version: 1,
      });

      const edited = await http
        .put(`/mentoring/mentorships/${mentorshipId}/agreement`, mentor, { ...agreement, meetingFrequency: 'Every month' })
        .expect(200);
      expect(edited.body).toMatchObject({
        version: 2,
        meetingFrequency: 'Every month',
        mentorConfirmedAt: expect.any(String),
        menteeConfirmedAt: null,
      });
      await http.post(`/mentoring/mentorships/${mentorshipId}/agreement/confirm`, mentee, { version: 1 }).expect(409);
      await http.post(`/mentoring/mentorships/${mentorshipId}/agreement/confirm`, mentee, { version: 2 }).expect(200);

      const care = await http.get(`/admin/mentoring/mentorships/${mentorshipId}/care`, coordinator).expect(200);
      expect(JSON.stringify(care.body)).not.toContain('Every month');
      await http.get(`/admin/mentoring/mentorships/${mentorshipId}/care`, mentor).expect(403);
      await http.put(`/mentoring/mentorships/${mentorshipId}/agreement`, mentee, { ...agreement, confidentiality: '' }).expect(400);
    });
  });

  describe('check-ins', () => {
    it('open at 30 days and every 60 days after, once each; a "not working" answer flags the pair, sharing the text only when asked', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const coordinator = await createCoordinator(t);
      const checkIns = t.app.get(CheckInsService);
      await db.query(`UPDATE mentorships SET started_at = now() - interval '31 days' WHERE id = $1`, [mentorshipId]);
      await checkIns.sweep();
      await checkIns.sweep();
      const [menteeCheckIn] = (await http.get('/mentoring/check-ins', mentee).expect(200)).body.filter(
        (c: { mentorshipId: string }) => c.mentorshipId === mentorshipId,
      );
      const [mentorCheckIn] = (await http.get('/mentoring/check-ins', mentor).expect(200)).body.filter(
        (c: { mentorshipId: string }) => c.mentorshipId === mentorshipId,
      );
      expect(menteeCheckIn).toMatchObject({ otherPerson: { id: mentor.id } });
      const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM mentoring_check_ins WHERE mentorship_id = $1`, [mentorshipId]);
      expect(count).toBe(2);

      await http
        .post(`/mentoring/check-ins/${menteeCheckIn.id}`, mentor, { usefulness: 5, relationship: 5, wantsToContinue: 'yes' })
        .expect(404);
      await http
        .post(`/mentoring/check-ins/${menteeCheckIn.id}`, mentee, { usefulness: 9, relationship: 5, wantsToContinue: 'yes' })
        .expect(400);
      const concern = await http
        .post(`/mentoring/check-ins/${menteeCheckIn.id}`, mentee, {
          usefulness: 2,
          relationship: 2,
          wantsToContinue: 'no',
          comment: 'We never manage to meet',
        })
        .expect(200);
      expect(concern.body).toEqual({ flagged: true });
      await http
        .post(`/mentoring/check-ins/${menteeCheckIn.id}`, mentee, { usefulness: 2, relationship: 2, wantsToContinue: 'no' })
        .expect(409);
      await http
        .post(`/mentoring/check-ins/${mentorCheckIn.id}`, mentor, {
          usefulness: 4,
          relationship: 3,
          wantsToContinue: 'unsure',
          comment: 'Hard to find times',
          shareComment: true,
        })
        .expect(200);

      const flags = (await http.get('/admin/mentoring/check-ins/flags', coordinator).expect(200)).body.filter(
        (f: { mentorshipId: string }) => f.mentorshipId === mentorshipId,
      );
      expect(flags).toEqual([expect.objectContaining({ side: 'mentee', wantsToContinue: 'no', relationship: 2, comment: null })]);
      const care = (await http.get(`/admin/mentoring/mentorships/${mentorshipId}/care`, coordinator).expect(200)).body;
      expect(care.checkIns).toEqual({ answered: 2, pending: 0, averageUsefulness: 3, averageRelationship: 2.5, flags: 1 });
      await http.get('/admin/mentoring/check-ins/flags', mentee).expect(403);

      await db.query(`UPDATE mentorships SET started_at = now() - interval '95 days' WHERE id = $1`, [mentorshipId]);
      await checkIns.sweep();
      const due = await db.query(`SELECT due_at FROM mentoring_check_ins WHERE mentorship_id = $1 AND answered_at IS NULL`, [mentorshipId]);
      expect(due).toHaveLength(2);
    });
  });

  describe('resources linked to goals', () => {
    it('lets the pair link guides from the library to a goal, shows their titles, and refuses others and unknown resources', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const file = await uploaded(t, mentor, 'resource', pdf('TUPE checklist'), 'tupe.pdf');
      const { body: resource } = await http
        .post('/resources', mentor, {
          title: 'TUPE and pensions checklist',
          summary: 'What to agree with the council before transfer.',
          supportArea: 'hr-tupe-pensions',
          stage: 'business-case',
          fileId: file.id,
        })
        .expect(201);
      const goal = (
        await http.post(`/mentoring/mentorships/${mentorshipId}/goals`, mentee, { title: 'Agree the pension approach' }).expect(201)
      ).body;
      expect(goal.resources).toEqual([]);
      const path = `/mentoring/mentorships/${mentorshipId}/goals/${goal.id}/resources/${resource.id}`;
      const linked = await http.put(path, mentor).expect(200);
      expect(linked.body.resources).toEqual([{ id: resource.id, title: 'TUPE and pensions checklist' }]);
      await http.put(path, mentee).expect(200);
      const view = await http.get(`/mentoring/mentorships/${mentorshipId}`, mentee).expect(200);
      expect(view.body.goals.find((g: { id: string }) => g.id === goal.id).resources).toEqual([
        { id: resource.id, title: 'TUPE and pensions checklist' },
      ]);

      const outsider = await createMember(t);
      await http.put(path, outsider).expect(404);
      await http.put(`/mentoring/mentorships/${mentorshipId}/goals/${goal.id}/resources/${randomUUID()}`, mentee).expect(404);
      await http.put(`/mentoring/mentorships/${mentorshipId}/goals/${randomUUID()}/resources/${resource.id}`, mentee).expect(404);
      expect((await http.delete(path, mentee).expect(200)).body.resources).toEqual([]);
    });
  });

  describe('edits to goals and sessions', () => {
    it('lets the pair edit and delete, records each change for the pair alone', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const session = (
        await http
          .post(`/mentoring/mentorships/${mentorshipId}/sessions`, mentor, {
            heldAt: new Date(Date.now() - HOUR).toISOString(),
            durationMinutes: 45,
            notes: 'First go',
          })
          .expect(201)
      ).body;
      const edited = await http
        .patch(`/mentoring/mentorships/${mentorshipId}/sessions/${session.id}`, mentee, {
          durationMinutes: 90,
          notes: 'Board paper review',
        })
        .expect(200);
      expect(edited.body).toMatchObject({ id: session.id, durationMinutes: 90, notes: 'Board paper review' });
      await http.patch(`/mentoring/mentorships/${mentorshipId}/sessions/${session.id}`, mentee, { heldAt: inHours(24) }).expect(400);

      const goal = (
        await http.post(`/mentoring/mentorships/${mentorshipId}/goals`, mentee, { title: 'Agree the pension approach' }).expect(201)
      ).body;
      await http.delete(`/mentoring/mentorships/${mentorshipId}/goals/${goal.id}`, mentor).expect(204);
      await http.delete(`/mentoring/mentorships/${mentorshipId}/sessions/${session.id}`, mentor).expect(204);
      await http.delete(`/mentoring/mentorships/${mentorshipId}/sessions/${session.id}`, mentor).expect(404);

      const changes = (await http.get(`/mentoring/mentorships/${mentorshipId}/changes`, mentee).expect(200)).body;
      expect(changes.map((c: { subject: string; action: string }) => `${c.subject} ${c.action}`).sort()).toEqual([
        'goal deleted',
        'session deleted',
        'session edited',
      ]);
      const edit = changes.find((c: { action: string; subject: string }) => c.subject === 'session' && c.action === 'edited');
      expect(edit).toMatchObject({
        changedBy: mentee.id,
        before: { notes: 'First go', durationMinutes: 45 },
        after: { notes: 'Board paper review', durationMinutes: 90 },
      });

      const outsider = await createMember(t);
      await http.patch(`/mentoring/mentorships/${mentorshipId}/sessions/${session.id}`, outsider, { notes: 'x' }).expect(404);
      await http.delete(`/mentoring/mentorships/${mentorshipId}/goals/${goal.id}`, outsider).expect(404);
    });
  });
});
