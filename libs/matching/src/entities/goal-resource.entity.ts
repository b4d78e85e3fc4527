import { CreateDateColumn, Entity, Index, PrimaryColumn, Column } from 'typeorm';

/** A resource from the library that a pair linked to one of their goals. */
@Entity('mentorship_goal_resources')
@Index('mentorship_goal_resources_resource_idx', ['resourceId'])
export class GoalResourceEntity {
  @PrimaryColumn({ type: 'uuid' })
  goalId!: string;

  @PrimaryColumn({ type: 'uuid' })
  resourceId!: string;

  @Column({ type: 'uuid' })
  linkedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
