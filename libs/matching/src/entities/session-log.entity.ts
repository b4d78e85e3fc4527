import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('mentorship_sessions')
@Check('mentorship_sessions_duration', 'duration_minutes > 0')
@Index('mentorship_sessions_mentorship_idx', ['mentorshipId', 'heldAt'])
export class SessionLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  mentorshipId!: string;

  @Column({ type: 'timestamptz' })
  heldAt!: Date;

  @Column({ type: 'int' })
  durationMinutes!: number;

  @Column({ type: 'text' })
  notes!: string;

  @Column({ type: 'text', nullable: true })
  nextSteps!: string | null;

  @Column({ type: 'uuid' })
  loggedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
