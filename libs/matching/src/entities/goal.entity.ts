import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const GOAL_STATUSES = ['open', 'in-progress', 'done'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

@Entity('mentorship_goals')
@Check('mentorship_goals_status', `status IN ('open', 'in-progress', 'done')`)
@Index('mentorship_goals_mentorship_idx', ['mentorshipId', 'createdAt'])
export class GoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  mentorshipId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: GoalStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
