import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('forum_reactions')
export class ForumReactionEntity {
  @PrimaryColumn({ type: 'uuid' })
  postId!: string;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  /** A slug of FORUM_REACTIONS. */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  emoji!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
