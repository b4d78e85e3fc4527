import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ROLES = ['member', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** rejected: an applicant a coordinator turned down (with a reason they see when signing in). */
export const STATUSES = ['pending', 'active', 'suspended', 'rejected'] as const;
export type AccountStatus = (typeof STATUSES)[number];

@Entity('users')
@Index('users_status_created_idx', ['status', 'createdAt'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased, so uniqueness is case-insensitive. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 80 })
  displayName!: string;

  @Index('users_handle_key', { unique: true })
  @Column({ type: 'varchar', length: 30 })
  handle!: string;

  /** The member's avatar, `/api/v1/files/:id/:hash`, set by the files lib; null shows initials. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  avatarUrl!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'member' })
  role!: Role;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: AccountStatus;

  /** When the member proved they read mail at `email` (a link, or a provider's verified claim). */
  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedBy!: string | null;

  /** Why a coordinator rejected the application; shown to the applicant when they sign in. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  rejectionReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
