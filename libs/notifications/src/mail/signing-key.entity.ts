import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The deployment's key for unsubscribe links, made once and shared by every replica. */
@Entity('mail_signing_keys')
export class MailSigningKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  name!: string;

  @Column({ type: 'bytea' })
  secret!: Buffer;
}
