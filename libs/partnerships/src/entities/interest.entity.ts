import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An organisation's expression of interest in an opportunity, with a member's pitch. */
@Entity('partnership_interests')
@Index('partnership_interests_one_per_organisation', ['opportunityId', 'organisationId'], { unique: true })
@Index('partnership_interests_member_idx', ['memberId'])
export class InterestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  opportunityId!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  /** Who wrote the pitch: they see it, and join the conversation when shortlisted. */
  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text' })
  pitch!: string;

  @Column({ type: 'timestamptz', nullable: true })
  shortlistedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
