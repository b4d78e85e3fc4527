import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Facts about this installation as a whole, by key (e.g. whether the demo data finished loading).
 * Exists to generate the migration; InstanceStateRepository reads and writes it with SQL.
 */
@Entity('instance_state')
export class InstanceStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  key!: string;

  @Column({ type: 'varchar', length: 200 })
  value!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
