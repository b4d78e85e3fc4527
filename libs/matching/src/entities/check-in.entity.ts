import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export const CONTINUE_ANSWERS = ['yes', 'unsure', 'no'] as const;
export type ContinueAnswer = (typeof CONTINUE_ANSWERS)[number];

/** A short quality survey each side answers at 30 days and every 60 days after. */
@Entity('mentoring_check_ins')
@Unique('mentoring_check_ins_due_unique', ['mentorshipId', 'userId', 'dueAt'])
@Check('mentoring_check_ins_usefulness', 'usefulness BETWEEN 1 AND 5')
@Check('mentoring_check_ins_relationship', 'relationship BETWEEN 1 AND 5')
@Check('mentoring_check_ins_continue', `wants_to_continue IN ('yes', 'unsure', 'no')`)
@Index('mentoring_check_ins_user_idx', ['userId', 'answeredAt'])
export class CheckInEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  mentorshipId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'smallint', nullable: true })
  usefulness!: number | null;

  @Column({ type: 'smallint', nullable: true })
  relationship!: number | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  wantsToContinue!: ContinueAnswer | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** The member chose to let coordinators read the comment; otherwise only the figures reach them. */
  @Column({ type: 'boolean', default: false })
  shareComment!: boolean;

  @Column({ type: 'boolean', default: false })
  flagged!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
