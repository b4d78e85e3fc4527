import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Something a member chose to hear of in their digest rather than at once. */
@Entity('digest_items')
@Index('digest_items_user_idx', ['userId', 'createdAt'])
export class DigestItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  /** The preference kind it came from (forum.watching, forum.mention, mentoring.requested...). */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  /** Groups items under one heading: a thread's title, "Mentoring". */
  @Column({ type: 'varchar', length: 200 })
  groupTitle!: string;

  @Column({ type: 'varchar', length: 300 })
  text!: string;

  /** A path on the web client. */
  @Column({ type: 'varchar', length: 300 })
  link!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
