import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoryEntity } from './story.entity';

/** Every slug a story has had (its current one too): a slug names one story forever, and old ones redirect. */
@Entity('story_slugs')
@Index('story_slugs_story_idx', ['storyId'])
export class StorySlugEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  slug!: string;

  @Column({ type: 'uuid' })
  storyId!: string;

  @ManyToOne(() => StoryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'story_id' })
  story?: StoryEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
