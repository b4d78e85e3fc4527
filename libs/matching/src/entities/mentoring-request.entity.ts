import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

@Entity('mentoring_requests')
@Check('mentoring_requests_status', `status IN ('pending', 'accepted', 'declined', 'withdrawn', 'expired')`)
@Index('mentoring_requests_one_open_per_pair', ['menteeId', 'mentorId'], { unique: true, where: `"status" = 'pending'` })
@Index('mentoring_requests_mentor_box_idx', ['mentorId', 'createdAt', 'id'])
@Index('mentoring_requests_mentee_box_idx', ['menteeId', 'createdAt', 'id'])
@Index('mentoring_requests_pending_expiry_idx', ['expiresAt'], { where: `"status" = 'pending'` })
export class MentoringRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  menteeId!: string;

  @Column({ type: 'uuid' })
  mentorId!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  goals!: string[];

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: RequestStatus;

  @Column({ type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** When the mentor was reminded that the request is about to expire. */
  @Column({ type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  /** Set when a coordinator's matching round proposed this pair. */
  @Index('mentoring_requests_round_idx')
  @Column({ type: 'uuid', nullable: true })
  roundId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
