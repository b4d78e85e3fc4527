import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The pair's record of edits and deletions to goals, sessions and meetings, shown to the pair alone. */
@Entity('mentorship_changes')
@Index('mentorship_changes_mentorship_idx', ['mentorshipId', 'createdAt'])
export class MentorshipChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  mentorshipId!: string;

  @Column({ type: 'uuid' })
  changedBy!: string;

  @Column({ type: 'varchar', length: 16 })
  subject!: string;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'varchar', length: 16 })
  action!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
