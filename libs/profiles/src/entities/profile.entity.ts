import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AccountStatus } from '@mutuals/identity';

/**
 * A member's profile. displayName, handle, status and avatarUrl are copies of the account's, kept in step
 * by identity.user.changed, so that the directory can search and filter in one query.
 */
@Entity('profiles')
@Index('profiles_directory_idx', ['status', 'displayName', 'userId'])
export class ProfileEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 80 })
  displayName!: string;

  @Column({ type: 'varchar', length: 30 })
  handle!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: AccountStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  avatarUrl!: string | null;

  @Column({ type: 'text', nullable: true })
  bio!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  jobTitle!: string | null;

  @Index('profiles_organisation_idx')
  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  region!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors!: string[];

  @Column({ type: 'boolean', default: false })
  mentorOffers!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  mentorExpertise!: string[];

  @Column({ type: 'int', default: 1 })
  mentorCapacity!: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  mentorStageReached!: string | null;

  @Column({ type: 'boolean', default: false })
  menteeSeeks!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  menteeNeeds!: string[];

  @Column({ type: 'varchar', length: 40, nullable: true })
  menteeStage!: string | null;

  @Index('profiles_search_idx', { synchronize: false })
  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: `to_tsvector('simple', coalesce(display_name, '') || ' ' || coalesce(job_title, '') || ' ' || coalesce(bio, ''))`,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
