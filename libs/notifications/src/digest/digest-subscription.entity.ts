import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How often a member wants the digest and when the last one was built. */
@Entity('digest_subscriptions')
export class DigestSubscriptionEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  /** daily, weekly or off */
  @Column({ type: 'varchar', length: 10, default: 'weekly' })
  frequency!: string;

  /** Everything after this goes into the next digest. */
  @Index('digest_subscriptions_due_idx')
  @Column({ type: 'timestamptz', default: () => 'now()' })
  coveredUntil!: Date;

  /** Mentors already shown as "new mentors who fit", so each is shown once. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  mentorsShown!: string[];
}
