import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's choice for one kind; kinds without a row follow the defaults in notification-kinds.ts. */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind!: string;

  /** app, email, digest or off */
  @Column({ type: 'varchar', length: 10 })
  channel!: string;
}
