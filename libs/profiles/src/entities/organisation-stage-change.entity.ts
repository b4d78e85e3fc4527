import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One step of an organisation's journey (exploring, options appraisal, business case, spun out...):
 * written in the transaction that changes `organisations.stage`, so the console can count who moved
 * between stages in a period and how long each step took. `from_stage` is null for the first stage
 * an organisation was registered at.
 */
@Entity('organisation_stage_changes')
@Index('organisation_stage_changes_organisation_idx', ['organisationId', 'changedAt'])
@Index('organisation_stage_changes_changed_at_idx', ['changedAt'])
export class OrganisationStageChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  fromStage!: string | null;

  @Column({ type: 'varchar', length: 40 })
  toStage!: string;

  /** null: made by the system (demo data, the command line). */
  @Column({ type: 'uuid', nullable: true })
  changedBy!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;
}
