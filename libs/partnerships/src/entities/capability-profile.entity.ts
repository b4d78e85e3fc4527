import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What a VCSE organisation offers partners, where, and for whom. */
@Entity('partnership_capability_profiles')
export class CapabilityProfileEntity {
  @PrimaryColumn({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text', array: true })
  capabilities!: string[];

  @Column({ type: 'text', array: true })
  regions!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  clientGroups!: string[];

  @Column({ type: 'uuid' })
  updatedBy!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
