import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MentorshipStatus = 'active' | 'closed';

@Entity('mentorships')
@Check('mentorships_status', `status IN ('active', 'closed')`)
@Index('mentorships_mentor_idx', ['mentorId', 'status'])
@Index('mentorships_mentee_idx', ['menteeId', 'status'])
@Check('mentorships_rating_range', 'rating IS NULL OR (rating >= 1 AND rating <= 5)')
export class MentorshipEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  mentorId!: string;

  @Column({ type: 'uuid' })
  menteeId!: string;

  @Index('mentorships_request_key', { unique: true })
  @Column({ type: 'uuid' })
  requestId!: string;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: MentorshipStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedBy!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome!: string | null;

  @Column({ type: 'smallint', nullable: true })
  rating!: number | null;

  @Column({ type: 'text', nullable: true })
  feedback!: string | null;

  /** After the first session each side says whether the pair fits; null until answered. */
  @Column({ type: 'boolean', nullable: true })
  mentorGoodFit!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  menteeGoodFit!: boolean | null;

  @Column({ type: 'text', nullable: true })
  mentorFitComment!: string | null;

  @Column({ type: 'text', nullable: true })
  menteeFitComment!: string | null;
}
