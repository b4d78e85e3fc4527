import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A coordinator's subscription of an HTTPS URL to some events. The secret signs its deliveries. */
@Entity('webhooks')
// A secret is in exactly one form, and a sealed one names its key.
@Check('webhooks_secret_form', `(secret IS NULL) <> (secret_sealed IS NULL) AND (secret_sealed IS NULL) = (secret_key_id IS NULL)`)
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'text', array: true })
  events!: string[];

  @Column({ type: 'varchar', length: 200, default: '' })
  description!: string;

  /** Only a secret stored before encryption, until the start-up step seals it (webhook-secrets.ts). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  secret!: string | null;

  /** The signing secret under AES-256-GCM: base64url(iv, tag, ciphertext). */
  @Column({ type: 'text', nullable: true })
  secretSealed!: string | null;

  /** Which of WEBHOOK_SECRET_KEYS sealed it. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  secretKeyId!: string | null;

  /** The secret's first characters, shown so that a coordinator can tell secrets apart. */
  @Column({ type: 'varchar', length: 16, default: '' })
  secretPrefix!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  disabledReason!: string | null;

  @Column({ type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
