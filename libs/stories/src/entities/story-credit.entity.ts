import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoryEntity } from './story.entity';

/** A member named in a story, with their own consent: asked when the story is submitted. */
@Entity('story_credits')
@Index('story_credits_member_key', ['storyId', 'userId'], { unique: true })
@Index('story_credits_user_idx', ['userId'])
export class StoryCreditEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  storyId!: string;

  @ManyToOne(() => StoryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'story_id' })
  story?: StoryEntity;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  role!: string;

  /** pending, given or declined: the member's own answer (the author's is given by writing it). */
  @Column({ type: 'varchar', length: 10, default: 'pending' })
  consent!: string;

  @Column({ type: 'timestamptz', nullable: true })
  consentedAt!: Date | null;

  /** When the member was asked (the story's submission); null while the story is an unsubmitted draft. */
  @Column({ type: 'timestamptz', nullable: true })
  askedAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
