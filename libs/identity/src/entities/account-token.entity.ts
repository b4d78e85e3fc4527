import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

export const ACCOUNT_TOKEN_PURPOSES = ['password-reset', 'email-verification', 'email-change'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * A single-use link sent by mail. Only the SHA-256 of the token is kept; the raw token exists
 * only in the mail, so a database leak resets no password.
 */
@Entity('account_tokens')
@Index('account_tokens_user_purpose_idx', ['userId', 'purpose'])
export class AccountTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 24 })
  purpose!: AccountTokenPurpose;

  @Index('account_tokens_token_hash_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /** The address being confirmed by an email change. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  newEmail!: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
