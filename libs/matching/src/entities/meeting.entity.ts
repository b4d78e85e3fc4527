import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const MEETING_STATUSES = ['proposed', 'scheduled', 'cancelled', 'held', 'missed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_FORMATS = ['video', 'phone', 'in-person'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/** A session the pair plans: proposed by one side, accepted (scheduled) by the other, then held or missed. */
@Entity('mentoring_meetings')
@Check('mentoring_meetings_status', `status IN ('proposed', 'scheduled', 'cancelled', 'held', 'missed')`)
@Check('mentoring_meetings_format', `format IN ('video', 'phone', 'in-person')`)
@Check('mentoring_meetings_duration', 'duration_minutes BETWEEN 15 AND 480')
@Index('mentoring_meetings_mentorship_idx', ['mentorshipId', 'startsAt'])
@Index('mentoring_meetings_due_idx', ['status', 'startsAt'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  mentorshipId!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'int' })
  durationMinutes!: number;

  /** The proposer's time zone, for showing and for the invite; the time itself is stored in UTC. */
  @Column({ type: 'varchar', length: 64, default: 'Europe/London' })
  timeZone!: string;

  @Column({ type: 'varchar', length: 16 })
  format!: MeetingFormat;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  agenda!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'proposed' })
  status!: MeetingStatus;

  @Column({ type: 'uuid' })
  proposedBy!: string;

  /** Who must answer the current proposal; null once scheduled or ended. */
  @Column({ type: 'uuid', nullable: true })
  awaitingUserId!: string | null;

  /** iCalendar SEQUENCE: raised on every change of a scheduled meeting so calendars update the same event. */
  @Column({ type: 'int', default: 0 })
  calendarSequence!: number;

  @Column({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  remindedDayBeforeAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  remindedHourBeforeAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  logRequestedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
