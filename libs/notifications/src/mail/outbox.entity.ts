import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One mail to send, written in the same transaction as the change that causes it. Exists only to
 * generate the migration: the SQL lives in outbox.repository.ts.
 */
@Entity('mail_outbox')
@Index('mail_outbox_due_idx', ['status', 'nextAttemptAt'])
@Index('mail_outbox_listing_idx', ['createdAt', 'id'])
export class MailOutboxEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The Message-ID header, fixed when the row is written: every attempt sends the same one. */
  @Index('mail_outbox_message_id_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  messageId!: string;

  /** Makes enqueueing idempotent (one chat mail per unread stretch, one digest per period). */
  @Index('mail_outbox_dedupe_key', { unique: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey!: string | null;

  /** The member it is for; their current address is looked up when it is rendered, unless toAddress is set. */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  /** A fixed address (an email change goes to the new address, not the account's). */
  @Column({ type: 'varchar', length: 320, nullable: true })
  toAddress!: string | null;

  @Column({ type: 'varchar', length: 60 })
  kind!: string;

  /** What happened, as the template needs it; rendered on the first attempt. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** Filled on the first attempt and kept, so every retry sends the same message. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  subject!: string | null;

  @Column({ type: 'text', nullable: true })
  html!: string | null;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  headers!: Record<string, string>;

  /** The calendar invitation or cancellation sent with it (meeting mail), kept so a resend is the same. */
  @Column({ type: 'jsonb', nullable: true })
  calendar!: { method: 'REQUEST' | 'CANCEL'; content: string } | null;

  /** A check made just before sending (a chat message still unread); null: always send. */
  @Column({ type: 'jsonb', nullable: true })
  sendIf!: Record<string, unknown> | null;

  /** pending, sending (claimed under a lease), sent, kept (no SMTP configured), skipped, dead */
  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: string;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
