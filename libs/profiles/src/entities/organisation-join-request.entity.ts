import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganisationJoinStatus } from '@mutuals/contracts';

/** A new member asking to join an existing organisation; a current member of it or a coordinator decides. */
@Entity('organisation_join_requests')
@Index('organisation_join_requests_one_pending_key', ['userId'], { unique: true, where: `status = 'pending'` })
@Index('organisation_join_requests_organisation_idx', ['organisationId', 'status'])
export class OrganisationJoinRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: OrganisationJoinStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
