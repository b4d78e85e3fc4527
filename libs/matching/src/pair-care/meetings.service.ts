import { Injectable } from '@nestjs/common';
import { DomainEvents } from '@mutuals/core';
import type { MeetingView, SessionLogView } from '@mutuals/contracts';
import type { AuthUser } from '@mutuals/identity';
import type { MeetingCalendarFields } from '../matching.events';
import { MatchingErrors } from '../matching.errors';
import { MentorshipsService } from '../mentorships.service';
import { meetingCalendar } from './icalendar';
import { PairAccess } from './pair-access';
import { CancelMeetingDto, DEFAULT_TIME_ZONE, LogMeetingDto, ProposeMeetingDto } from './pair-care.dto';
import { PairCareRepository, type MeetingInput, type MeetingRow } from '../repositories/pair-care.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** A proposal needs at least this much notice, so the other side can see it before it starts. */
const MIN_NOTICE_MS = 15 * 60 * 1000;
const MAX_AHEAD_MS = 366 * DAY_MS;

export const calendarUid = (meetingId: string) => `${meetingId}@mutuals.network`;

/**
 * Planned sessions. One side proposes a time, the other accepts it or proposes another; an
 * accepted meeting is scheduled (both get an invite), reminded the day and the hour before, and
 * after its time either side logs it as a session or marks it missed.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly repository: PairCareRepository,
    private readonly access: PairAccess,
    private readonly events: DomainEvents,
    private readonly mentorships: MentorshipsService,
  ) {}

  async list(caller: AuthUser, mentorshipId: string): Promise<MeetingView[]> {
    await this.access.of(caller, mentorshipId, { active: false });
    return (await this.repository.meetings(mentorshipId)).map((m) => toView(m));
  }

  async propose(caller: AuthUser, mentorshipId: string, input: ProposeMeetingDto): Promise<MeetingView> {
    const { otherUserId } = await this.access.of(caller, mentorshipId);
    const fields = meetingInput(input);
    return this.events.transaction(async (unit) => {
      const meeting = await this.repository.insertMeeting(mentorshipId, caller.id, otherUserId, fields, unit.manager);
      await unit.emit('mentoring.meeting.proposed', {
        meetingId: meeting.id,
        mentorshipId,
        proposedBy: caller.id,
        otherUserId,
        startsAt: meeting.starts_at.toISOString(),
        timeZone: meeting.time_zone,
        rescheduled: false,
      });
      return toView(meeting);
    });
  }

  /** A counter-proposal, a change to one's own proposal, or moving a scheduled meeting (which asks the other side again). */
  async proposeTime(caller: AuthUser, mentorshipId: string, meetingId: string, input: ProposeMeetingDto): Promise<MeetingView> {
    const { otherUserId } = await this.access.of(caller, mentorshipId);
    const fields = meetingInput(input);
    return this.events.transaction(async (unit) => {
      const current = await this.openMeeting(mentorshipId, meetingId, unit.manager);
      const meeting = await this.repository.proposeNewTime(meetingId, caller.id, otherUserId, fields, unit.manager);
      await unit.emit('mentoring.meeting.proposed', {
        meetingId,
        mentorshipId,
        proposedBy: caller.id,
        otherUserId,
        startsAt: meeting.starts_at.toISOString(),
        timeZone: meeting.time_zone,
        rescheduled: current.status === 'scheduled',
      });
      return toView(meeting);
    });
  }

  async accept(caller: AuthUser, mentorshipId: string, meetingId: string): Promise<MeetingView> {
    const { pair } = await this.access.of(caller, mentorshipId);
    return this.events.transaction(async (unit) => {
      const current = await this.openMeeting(mentorshipId, meetingId, unit.manager);
      if (current.status !== 'proposed' || current.awaiting_user_id !== caller.id) {
        throw MatchingErrors.meetingNotYours('Only the side asked can accept this time, and only while it is proposed');
      }
      if (current.starts_at.getTime() <= Date.now()) throw MatchingErrors.meetingNotOpen('That time has passed: propose another');
      const meeting = await this.repository.setMeetingStatus(meetingId, 'scheduled', unit.manager);
      await unit.emit('mentoring.meeting.scheduled', {
        meetingId,
        mentorshipId,
        mentorId: pair.mentor_id,
        menteeId: pair.mentee_id,
        acceptedBy: caller.id,
        calendar: calendarFields(meeting),
      });
      return toView(meeting);
    });
  }

  async cancel(caller: AuthUser, mentorshipId: string, meetingId: string, input: CancelMeetingDto): Promise<MeetingView> {
    const { pair } = await this.access.of(caller, mentorshipId, { active: false });
    return this.events.transaction(async (unit) => {
      const current = await this.openMeeting(mentorshipId, meetingId, unit.manager);
      const wasScheduled = current.status === 'scheduled';
      const meeting = await this.repository.setMeetingStatus(meetingId, 'cancelled', unit.manager, { bumpSequence: wasScheduled });
      await unit.emit('mentoring.meeting.cancelled', {
        meetingId,
        mentorshipId,
        mentorId: pair.mentor_id,
        menteeId: pair.mentee_id,
        cancelledBy: caller.id,
        reason: input.reason || null,
        calendar: wasScheduled ? calendarFields(meeting) : null,
      });
      return toView(meeting);
    });
  }

  /** Logs the session a scheduled meeting became; the meeting is claimed first so two logs cannot both land. */
  async log(caller: AuthUser, mentorshipId: string, meetingId: string, input: LogMeetingDto): Promise<SessionLogView> {
    await this.access.of(caller, mentorshipId);
    const meeting = await this.repository.transaction(async (manager) => {
      await this.dueMeeting(mentorshipId, meetingId, manager);
      return this.repository.setMeetingStatus(meetingId, 'held', manager);
    });
    try {
      const session = await this.mentorships.logSession(caller, mentorshipId, {
        heldAt: meeting.starts_at.toISOString(),
        durationMinutes: input.durationMinutes ?? meeting.duration_minutes,
        notes: input.notes,
        nextSteps: input.nextSteps,
      });
      await this.repository.transaction((manager) =>
        this.repository.setMeetingStatus(meetingId, 'held', manager, { sessionId: session.id }),
      );
      return session;
    } catch (error) {
      await this.repository.transaction((manager) => this.repository.setMeetingStatus(meetingId, 'scheduled', manager));
      throw error;
    }
  }

  async markMissed(caller: AuthUser, mentorshipId: string, meetingId: string): Promise<MeetingView> {
    await this.access.of(caller, mentorshipId);
    const meeting = await this.repository.transaction(async (manager) => {
      await this.dueMeeting(mentorshipId, meetingId, manager);
      return this.repository.setMeetingStatus(meetingId, 'missed', manager);
    });
    return toView(meeting);
  }

  /** The meeting as a calendar file to import by hand (no organiser, nothing to answer). */
  async calendar(caller: AuthUser, mentorshipId: string, meetingId: string): Promise<string> {
    await this.access.of(caller, mentorshipId, { active: false });
    const meeting = await this.repository.meeting(mentorshipId, meetingId);
    if (!meeting) throw MatchingErrors.meetingNotFound('No such meeting');
    if (meeting.status === 'proposed') throw MatchingErrors.meetingNotOpen('A proposed time goes into calendars once it is accepted');
    return meetingCalendar({
      ...calendarInput(calendarFields(meeting), meeting.status === 'cancelled' ? 'CANCEL' : 'PUBLISH'),
      organizer: null,
      attendees: [],
      url: null,
    });
  }

  /**
   * Reminders a day and an hour before, and the request to log once a meeting has ended. Each is
   * claimed and announced in one transaction, so its mail is queued exactly once.
   */
  async sweep(now = new Date()): Promise<{ reminders: number; logRequests: number }> {
    return this.events.transaction(async (unit) => {
      let reminders = 0;
      for (const [kind, within, when] of [
        ['day', DAY_MS, 'day-before'],
        ['hour', HOUR_MS, 'hour-before'],
      ] as const) {
        for (const meeting of await this.repository.claimReminders(kind, now, within, unit.manager)) {
          // The day-before reminder of a meeting less than an hour away would only repeat the hour one.
          if (kind === 'day' && meeting.starts_at.getTime() - now.getTime() <= HOUR_MS) continue;
          reminders++;
          await unit.emit('mentoring.meeting.reminder-due', {
            meetingId: meeting.id,
            mentorshipId: meeting.mentorship_id,
            userIds: [meeting.mentor_id, meeting.mentee_id],
            startsAt: meeting.starts_at.toISOString(),
            timeZone: meeting.time_zone,
            when,
          });
        }
      }
      const due = await this.repository.claimLogRequests(now, unit.manager);
      for (const meeting of due) {
        await unit.emit('mentoring.meeting.log-requested', {
          meetingId: meeting.id,
          mentorshipId: meeting.mentorship_id,
          userIds: [meeting.mentor_id, meeting.mentee_id],
          startsAt: meeting.starts_at.toISOString(),
        });
      }
      return { reminders, logRequests: due.length };
    });
  }

  private async openMeeting(
    mentorshipId: string,
    meetingId: string,
    manager: Parameters<PairCareRepository['meeting']>[2],
  ): Promise<MeetingRow> {
    const meeting = await this.repository.meeting(mentorshipId, meetingId, manager, true);
    if (!meeting) throw MatchingErrors.meetingNotFound('No such meeting');
    if (meeting.status !== 'proposed' && meeting.status !== 'scheduled') {
      throw MatchingErrors.meetingNotOpen(`This meeting is ${meeting.status}`);
    }
    return meeting;
  }

  private async dueMeeting(
    mentorshipId: string,
    meetingId: string,
    manager: Parameters<PairCareRepository['meeting']>[2],
  ): Promise<MeetingRow> {
    const meeting = await this.repository.meeting(mentorshipId, meetingId, manager, true);
    if (!meeting) throw MatchingErrors.meetingNotFound('No such meeting');
    if (meeting.status !== 'scheduled') throw MatchingErrors.meetingNotOpen(`This meeting is ${meeting.status}`);
    if (meeting.starts_at.getTime() > Date.now())
      throw MatchingErrors.meetingNotDue('A meeting is logged or marked missed once its time has come');
    return meeting;
  }
}

function meetingInput(input: ProposeMeetingDto): MeetingInput {
  // Meetings start on the minute; calendars would show stray seconds otherwise.
  const startsAt = new Date(Math.floor(new Date(input.startsAt).getTime() / 60_000) * 60_000);
  const ahead = startsAt.getTime() - Date.now();
  if (ahead < MIN_NOTICE_MS || ahead > MAX_AHEAD_MS) {
    const message = ahead < MIN_NOTICE_MS ? 'must be at least 15 minutes from now' : 'must be within a year';
    throw MatchingErrors.invalidMeeting(`The start ${message}`, [{ field: 'startsAt', message }]);
  }
  return {
    startsAt,
    durationMinutes: input.durationMinutes,
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    format: input.format,
    location: input.location || null,
    agenda: input.agenda || null,
  };
}

export function calendarFields(meeting: MeetingRow): MeetingCalendarFields {
  return {
    uid: calendarUid(meeting.id),
    sequence: meeting.calendar_sequence,
    startsAt: meeting.starts_at.toISOString(),
    durationMinutes: meeting.duration_minutes,
    timeZone: meeting.time_zone,
    format: meeting.format,
    location: meeting.location,
    agenda: meeting.agenda,
    mentorshipId: meeting.mentorship_id,
  };
}

const FORMAT_NAMES = { video: 'Video call', phone: 'Phone call', 'in-person': 'In person' } as const;

/** The parts of an .ics every sender shares; callers add the organiser, attendees and link. */
export function calendarInput(fields: MeetingCalendarFields, method: 'REQUEST' | 'CANCEL' | 'PUBLISH') {
  const description = [FORMAT_NAMES[fields.format], fields.agenda ? `Agenda: ${fields.agenda}` : null].filter(Boolean).join('\n');
  return {
    uid: fields.uid,
    sequence: fields.sequence,
    method,
    startsAt: new Date(fields.startsAt),
    durationMinutes: fields.durationMinutes,
    summary: 'Mentoring session',
    description,
    location: fields.location,
    stamp: new Date(),
  };
}

function toView(meeting: MeetingRow): MeetingView {
  return {
    id: meeting.id,
    mentorshipId: meeting.mentorship_id,
    startsAt: meeting.starts_at.toISOString(),
    durationMinutes: meeting.duration_minutes,
    timeZone: meeting.time_zone,
    format: meeting.format,
    location: meeting.location,
    agenda: meeting.agenda,
    status: meeting.status,
    proposedBy: meeting.proposed_by,
    awaitingUserId: meeting.awaiting_user_id,
    calendarUid: calendarUid(meeting.id),
    calendarSequence: meeting.calendar_sequence,
    sessionId: meeting.session_id,
    canLog: meeting.status === 'scheduled' && meeting.starts_at.getTime() <= Date.now(),
  };
}
