import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** An account at an organisation's identity provider (its `sub`), linked to one of ours. */
@Entity('external_identities')
export class ExternalIdentityEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  provider!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  subject!: string;

  @Index('external_identities_user_idx')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
