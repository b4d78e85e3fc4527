import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The body a post had before each edit. */
@Entity('forum_post_revisions')
@Index('forum_post_revisions_post_idx', ['postId', 'createdAt'])
export class ForumPostRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  postId!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'uuid' })
  editedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
