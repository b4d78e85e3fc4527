import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrganisationKind } from '../taxonomy/taxonomy';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: OrganisationKind;

  @Index('organisations_sector_idx')
  @Column({ type: 'varchar', length: 40 })
  sector!: string;

  @Column({ type: 'varchar', length: 40 })
  stage!: string;

  @Column({ type: 'varchar', length: 40 })
  region!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  legalForm!: string | null;

  @Column({ type: 'int', nullable: true })
  staffCount!: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** `/api/v1/files/:id/:hash`, set by the files lib; null shows the name's initials. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  logoUrl!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Who belongs to an organisation; any member may edit it. */
@Entity('organisation_members')
export class OrganisationMemberEntity {
  @Column({ type: 'uuid', primary: true })
  organisationId!: string;

  @Index('organisation_members_user_idx')
  @Column({ type: 'uuid', primary: true })
  userId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt!: Date;
}
