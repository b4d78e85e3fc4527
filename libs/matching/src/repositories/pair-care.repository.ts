import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { firstRow, rowsOf } from '@mutuals/core';
import type { ContinueAnswer } from '../entities/check-in.entity';
import type { MeetingFormat, MeetingStatus } from '../entities/meeting.entity';
import type { MentorshipStatus } from '../entities/mentorship.entity';

// Every statement of the pair's care (meetings, agreement, check-ins, the change record) in one place.

export interface PairRow {
  id: string;
  mentor_id: string;
  mentee_id: string;
  status: MentorshipStatus;
  started_at: Date;
}

export interface MeetingRow {
  id: string;
  mentorship_id: string;
  starts_at: Date;
  duration_minutes: number;
  time_zone: string;
  format: MeetingFormat;
  location: string | null;
  agenda: string | null;
  status: MeetingStatus;
  proposed_by: string;
  awaiting_user_id: string | null;
  calendar_sequence: number;
  session_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface DueMeetingRow extends MeetingRow {
  mentor_id: string;
  mentee_id: string;
}

export interface AgreementRow {
  mentorship_id: string;
  meeting_frequency: string;
  meeting_format: string;
  duration: string;
  mentor_expectations: string;
  mentee_expectations: string;
  confidentiality: string;
  version: number;
  updated_by: string;
  mentor_confirmed_at: Date | null;
  mentee_confirmed_at: Date | null;
  updated_at: Date;
}

export interface CheckInRow {
  id: string;
  mentorship_id: string;
  user_id: string;
  due_at: Date;
  answered_at: Date | null;
  usefulness: number | null;
  relationship: number | null;
  wants_to_continue: ContinueAnswer | null;
  comment: string | null;
  share_comment: boolean;
  flagged: boolean;
}

export interface ChangeRow {
  id: string;
  changed_by: string;
  subject: string;
  subject_id: string;
  action: string;
  before: unknown;
  after: unknown;
  created_at: Date;
}

export interface CareSummaryRow {
  agreement_version: number | null;
  agreement_confirmed: boolean;
  meetings_scheduled: number;
  meetings_held: number;
  meetings_missed: number;
  check_ins_answered: number;
  check_ins_pending: number;
  average_usefulness: number | null;
  average_relationship: number | null;
  flags: number;
}

export interface MeetingInput {
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  format: MeetingFormat;
  location: string | null;
  agenda: string | null;
}

export interface AgreementInput {
  meetingFrequency: string;
  meetingFormat: string;
  duration: string;
  mentorExpectations: string;
  menteeExpectations: string;
  confidentiality: string;
}

export interface CheckInAnswer {
  usefulness: number;
  relationship: number;
  wantsToContinue: ContinueAnswer;
  comment: string | null;
  shareComment: boolean;
  flagged: boolean;
}

const MEETING_COLUMNS = `id, mentorship_id, starts_at, duration_minutes, time_zone, format, location, agenda, status,
  proposed_by, awaiting_user_id, calendar_sequence, session_id, created_at, updated_at`;

/** Check-ins fall due 30 days after the start and every 60 days after that. */
export const FIRST_CHECK_IN_DAYS = 30;
export const CHECK_IN_EVERY_DAYS = 60;

@Injectable()
export class PairCareRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async pair(id: string, manager?: EntityManager): Promise<PairRow | null> {
    const [row] = await this.db(manager).query(`SELECT id, mentor_id, mentee_id, status, started_at FROM mentorships WHERE id = $1`, [id]);
    return (row as PairRow | undefined) ?? null;
  }

  // Meetings

  async insertMeeting(
    mentorshipId: string,
    proposedBy: string,
    awaiting: string,
    input: MeetingInput,
    manager?: EntityManager,
  ): Promise<MeetingRow> {
    const [row] = await this.db(manager).query(
      `INSERT INTO mentoring_meetings (mentorship_id, starts_at, duration_minutes, time_zone, format, location, agenda, proposed_by, awaiting_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${MEETING_COLUMNS}`,
      [
        mentorshipId,
        input.startsAt,
        input.durationMinutes,
        input.timeZone,
        input.format,
        input.location,
        input.agenda,
        proposedBy,
        awaiting,
      ],
    );
    return row as MeetingRow;
  }

  async meeting(mentorshipId: string, meetingId: string, manager?: EntityManager, lock = false): Promise<MeetingRow | null> {
    const [row] = await this.db(manager).query(
      `SELECT ${MEETING_COLUMNS} FROM mentoring_meetings WHERE id = $1 AND mentorship_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [meetingId, mentorshipId],
    );
    return (row as MeetingRow | undefined) ?? null;
  }

  async meetings(mentorshipId: string): Promise<MeetingRow[]> {
    return this.dataSource.query(`SELECT ${MEETING_COLUMNS} FROM mentoring_meetings WHERE mentorship_id = $1 ORDER BY starts_at DESC, id`, [
      mentorshipId,
    ]);
  }

  /** A meeting from the pair's past (imported history and demo data): its outcome is known already. */
  async insertPastMeeting(
    meeting: {
      mentorshipId: string;
      proposedBy: string;
      startsAt: Date;
      durationMinutes: number;
      format: MeetingFormat;
      status: 'held' | 'missed';
      sessionId: string | null;
    },
    manager?: EntityManager,
  ): Promise<void> {
    await this.db(manager).query(
      `INSERT INTO mentoring_meetings (mentorship_id, starts_at, duration_minutes, format, status, proposed_by, session_id, log_requested_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $2, $2)`,
      [
        meeting.mentorshipId,
        meeting.startsAt,
        meeting.durationMinutes,
        meeting.format,
        meeting.status,
        meeting.proposedBy,
        meeting.sessionId,
      ],
    );
  }

  /** Moves a mentorship's start into the past (imported history and demo data). */
  async backdateStart(mentorshipId: string, startedAt: Date, manager?: EntityManager): Promise<void> {
    await this.db(manager).query(`UPDATE mentorships SET started_at = $2 WHERE id = $1`, [mentorshipId, startedAt]);
  }

  /** A new time for a meeting: back to proposed, awaiting the other side; a scheduled one moves to the next SEQUENCE. */
  async proposeNewTime(
    meetingId: string,
    proposedBy: string,
    awaiting: string,
    input: MeetingInput,
    manager: EntityManager,
  ): Promise<MeetingRow> {
    const row = await firstRow(
      manager,
      `UPDATE mentoring_meetings SET starts_at = $2, duration_minutes = $3, time_zone = $4, format = $5, location = $6, agenda = $7,
         proposed_by = $8, awaiting_user_id = $9, status = 'proposed',
         calendar_sequence = calendar_sequence + CASE WHEN status = 'scheduled' THEN 1 ELSE 0 END,
         reminded_day_before_at = NULL, reminded_hour_before_at = NULL, updated_at = now()
       WHERE id = $1 RETURNING ${MEETING_COLUMNS}`,
      [meetingId, input.startsAt, input.durationMinutes, input.timeZone, input.format, input.location, input.agenda, proposedBy, awaiting],
    );
    return row as MeetingRow;
  }

  /** Accepting a proposal of a meeting that was scheduled before already raised its SEQUENCE when it moved. */
  async setMeetingStatus(
    meetingId: string,
    status: MeetingStatus,
    manager: EntityManager,
    options: { bumpSequence?: boolean; sessionId?: string } = {},
  ): Promise<MeetingRow> {
    const row = await firstRow(
      manager,
      `UPDATE mentoring_meetings SET status = $2, awaiting_user_id = NULL, updated_at = now(),
         calendar_sequence = calendar_sequence + $3, session_id = COALESCE($4, session_id)
       WHERE id = $1 RETURNING ${MEETING_COLUMNS}`,
      [meetingId, status, options.bumpSequence ? 1 : 0, options.sessionId ?? null],
    );
    return row as MeetingRow;
  }

  /** Scheduled meetings of active pairs starting within the window whose reminder has not gone; marks them sent. */
  async claimReminders(kind: 'day' | 'hour', now: Date, withinMs: number, manager: EntityManager): Promise<DueMeetingRow[]> {
    const column = kind === 'day' ? 'reminded_day_before_at' : 'reminded_hour_before_at';
    return rowsOf<DueMeetingRow>(
      manager,
      `UPDATE mentoring_meetings mm SET ${column} = $1
       FROM mentorships m
       WHERE m.id = mm.mentorship_id AND m.status = 'active' AND mm.status = 'scheduled' AND mm.${column} IS NULL
         AND mm.starts_at > $1 AND mm.starts_at <= $1::timestamptz + ($2 || ' milliseconds')::interval
       RETURNING ${MEETING_COLUMNS.split(',')
         .map((c) => `mm.${c.trim()}`)
         .join(', ')}, m.mentor_id, m.mentee_id`,
      [now, String(withinMs)],
    );
  }

  /** Scheduled meetings that have ended without a log; marks that both were asked to log them. */
  async claimLogRequests(now: Date, manager: EntityManager): Promise<DueMeetingRow[]> {
    return rowsOf<DueMeetingRow>(
      manager,
      `UPDATE mentoring_meetings mm SET log_requested_at = $1
       FROM mentorships m
       WHERE m.id = mm.mentorship_id AND m.status = 'active' AND mm.status = 'scheduled' AND mm.log_requested_at IS NULL
         AND mm.starts_at + make_interval(mins => mm.duration_minutes) <= $1
       RETURNING ${MEETING_COLUMNS.split(',')
         .map((c) => `mm.${c.trim()}`)
         .join(', ')}, m.mentor_id, m.mentee_id`,
      [now],
    );
  }

  // The agreement

  async agreement(mentorshipId: string, manager?: EntityManager): Promise<AgreementRow | null> {
    const [row] = await this.db(manager).query(`SELECT * FROM mentoring_agreements WHERE mentorship_id = $1`, [mentorshipId]);
    return (row as AgreementRow | undefined) ?? null;
  }

  /** Writing the agreement confirms it for its writer and asks the other side again. */
  async saveAgreement(
    mentorshipId: string,
    writer: 'mentor' | 'mentee',
    writerId: string,
    input: AgreementInput,
    manager: EntityManager,
  ): Promise<AgreementRow> {
    const [row] = await manager.query(
      `INSERT INTO mentoring_agreements AS a (mentorship_id, meeting_frequency, meeting_format, duration, mentor_expectations,
         mentee_expectations, confidentiality, updated_by, mentor_confirmed_at, mentee_confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $9 = 'mentor' THEN now() END, CASE WHEN $9 = 'mentee' THEN now() END)
       ON CONFLICT (mentorship_id) DO UPDATE SET meeting_frequency = $2, meeting_format = $3, duration = $4, mentor_expectations = $5,
         mentee_expectations = $6, confidentiality = $7, updated_by = $8, version = a.version + 1, updated_at = now(),
         mentor_confirmed_at = CASE WHEN $9 = 'mentor' THEN now() END, mentee_confirmed_at = CASE WHEN $9 = 'mentee' THEN now() END
       RETURNING *`,
      [
        mentorshipId,
        input.meetingFrequency,
        input.meetingFormat,
        input.duration,
        input.mentorExpectations,
        input.menteeExpectations,
        input.confidentiality,
        writerId,
        writer,
      ],
    );
    return row as AgreementRow;
  }

  /** Confirms the version the member read; a newer version in between confirms nothing. */
  async confirmAgreement(
    mentorshipId: string,
    side: 'mentor' | 'mentee',
    version: number,
    manager: EntityManager,
  ): Promise<AgreementRow | null> {
    const column = side === 'mentor' ? 'mentor_confirmed_at' : 'mentee_confirmed_at';
    const row = await firstRow(
      manager,
      `UPDATE mentoring_agreements SET ${column} = COALESCE(${column}, now()) WHERE mentorship_id = $1 AND version = $2 RETURNING *`,
      [mentorshipId, version],
    );
    return (row as AgreementRow | undefined) ?? null;
  }

  // Check-ins

  /** Opens the check-in now due for each side of every active pair (the latest one only); returns those opened. */
  async openDueCheckIns(now: Date, manager: EntityManager): Promise<CheckInRow[]> {
    return rowsOf<CheckInRow>(
      manager,
      `INSERT INTO mentoring_check_ins (mentorship_id, user_id, due_at)
       SELECT m.id, side.user_id, m.started_at + make_interval(days => ${FIRST_CHECK_IN_DAYS} + ${CHECK_IN_EVERY_DAYS} * due.rounds)
       FROM mentorships m
       CROSS JOIN LATERAL (SELECT floor(extract(epoch FROM ($1::timestamptz - m.started_at)) / 86400 - ${FIRST_CHECK_IN_DAYS})::int / ${CHECK_IN_EVERY_DAYS} AS rounds) due
       CROSS JOIN LATERAL (VALUES (m.mentor_id), (m.mentee_id)) side(user_id)
       WHERE m.status = 'active' AND $1::timestamptz >= m.started_at + make_interval(days => ${FIRST_CHECK_IN_DAYS})
       ON CONFLICT (mentorship_id, user_id, due_at) DO NOTHING
       RETURNING *`,
      [now],
    );
  }

  async pendingCheckIns(userId: string): Promise<CheckInRow[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (c.mentorship_id) c.* FROM mentoring_check_ins c
       JOIN mentorships m ON m.id = c.mentorship_id AND m.status = 'active'
       WHERE c.user_id = $1 AND c.answered_at IS NULL ORDER BY c.mentorship_id, c.due_at DESC`,
      [userId],
    );
  }

  async checkIn(id: string, manager?: EntityManager): Promise<CheckInRow | null> {
    const [row] = await this.db(manager).query(`SELECT * FROM mentoring_check_ins WHERE id = $1`, [id]);
    return (row as CheckInRow | undefined) ?? null;
  }

  async answerCheckIn(id: string, answer: CheckInAnswer, manager: EntityManager): Promise<CheckInRow | null> {
    const row = await firstRow(
      manager,
      `UPDATE mentoring_check_ins SET answered_at = now(), usefulness = $2, relationship = $3, wants_to_continue = $4, comment = $5,
         share_comment = $6, flagged = $7
       WHERE id = $1 AND answered_at IS NULL RETURNING *`,
      [id, answer.usefulness, answer.relationship, answer.wantsToContinue, answer.comment, answer.shareComment, answer.flagged],
    );
    return (row as CheckInRow | undefined) ?? null;
  }

  /** Flags raised by check-ins, newest first, with only the comments their writers chose to share. */
  async flaggedCheckIns(limit: number): Promise<(CheckInRow & { mentor_id: string; mentee_id: string })[]> {
    return this.dataSource.query(
      `SELECT c.id, c.mentorship_id, c.user_id, c.due_at, c.answered_at, c.usefulness, c.relationship, c.wants_to_continue,
         CASE WHEN c.share_comment THEN c.comment END AS comment, c.share_comment, c.flagged, m.mentor_id, m.mentee_id
       FROM mentoring_check_ins c JOIN mentorships m ON m.id = c.mentorship_id
       WHERE c.flagged AND m.status = 'active' ORDER BY c.answered_at DESC LIMIT $1`,
      [limit],
    );
  }

  /** What a coordinator may know of a pair's care: that things exist and the figures, never the texts. */
  async careSummary(mentorshipId: string): Promise<CareSummaryRow> {
    const [row] = await this.dataSource.query(
      `SELECT a.version AS agreement_version,
         COALESCE(a.mentor_confirmed_at IS NOT NULL AND a.mentee_confirmed_at IS NOT NULL, false) AS agreement_confirmed,
         (SELECT count(*)::int FROM mentoring_meetings WHERE mentorship_id = $1 AND status = 'scheduled') AS meetings_scheduled,
         (SELECT count(*)::int FROM mentoring_meetings WHERE mentorship_id = $1 AND status = 'held') AS meetings_held,
         (SELECT count(*)::int FROM mentoring_meetings WHERE mentorship_id = $1 AND status = 'missed') AS meetings_missed,
         c.answered, c.pending, c.usefulness, c.relationship, c.flags
       FROM (SELECT $1::uuid AS id) pair
       LEFT JOIN mentoring_agreements a ON a.mentorship_id = pair.id
       CROSS JOIN LATERAL (SELECT count(answered_at)::int AS answered, (count(*) - count(answered_at))::int AS pending,
         round(avg(usefulness), 1)::float AS usefulness, round(avg(relationship), 1)::float AS relationship,
         count(*) FILTER (WHERE flagged)::int AS flags
         FROM mentoring_check_ins WHERE mentorship_id = pair.id) c`,
      [mentorshipId],
    );
    const r = row as Record<string, unknown>;
    return {
      agreement_version: (r.agreement_version as number | null) ?? null,
      agreement_confirmed: Boolean(r.agreement_confirmed),
      meetings_scheduled: r.meetings_scheduled as number,
      meetings_held: r.meetings_held as number,
      meetings_missed: r.meetings_missed as number,
      check_ins_answered: r.answered as number,
      check_ins_pending: r.pending as number,
      average_usefulness: (r.usefulness as number | null) ?? null,
      average_relationship: (r.relationship as number | null) ?? null,
      flags: r.flags as number,
    };
  }

  // The record of changes

  /** A deleted session log frees the meeting it recorded, which goes back to waiting for its log. */
  async releaseMeetingOf(sessionId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE mentoring_meetings SET status = 'scheduled', session_id = NULL WHERE session_id = $1`, [sessionId]);
  }

  async recordChange(
    change: {
      mentorshipId: string;
      changedBy: string;
      subject: string;
      subjectId: string;
      action: string;
      before: unknown;
      after: unknown;
    },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO mentorship_changes (mentorship_id, changed_by, subject, subject_id, action, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        change.mentorshipId,
        change.changedBy,
        change.subject,
        change.subjectId,
        change.action,
        JSON.stringify(change.before),
        JSON.stringify(change.after),
      ],
    );
  }

  async changes(mentorshipId: string): Promise<ChangeRow[]> {
    return this.dataSource.query(
      `SELECT id, changed_by, subject, subject_id, action, before, after, created_at FROM mentorship_changes WHERE mentorship_id = $1 ORDER BY created_at DESC, id LIMIT 200`,
      [mentorshipId],
    );
  }
}
