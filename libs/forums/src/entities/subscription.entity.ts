import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('forum_subscriptions')
@Index('forum_subscriptions_thread_idx', ['threadId'])
export class ForumSubscriptionEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'uuid' })
  threadId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
