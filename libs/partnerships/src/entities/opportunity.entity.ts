import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OpportunityStatus, ValueBand } from '@mutuals/contracts';

export const OPPORTUNITY_STATUSES: readonly OpportunityStatus[] = ['draft', 'open', 'closed', 'partnered', 'won', 'lost', 'withdrawn'];

/** A tender or service a mutual wants to bid for with partners. */
@Entity('partnership_opportunities')
@Check('partnership_opportunities_status', `status IN ('draft', 'open', 'closed', 'partnered', 'won', 'lost', 'withdrawn')`)
@Check('partnership_opportunities_value_won', `(status = 'won') = (value_won IS NOT NULL)`)
@Index('partnership_opportunities_open_deadline_idx', ['deadline'], { where: `"status" = 'open'` })
@Index('partnership_opportunities_organisation_idx', ['organisationId', 'createdAt', 'id'])
export class OpportunityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The poster's organisation: its members manage the opportunity. */
  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'uuid' })
  postedBy!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 200 })
  commissioner!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 64 })
  sector!: string;

  @Column({ type: 'varchar', length: 64 })
  region!: string;

  @Column({ type: 'varchar', length: 16 })
  valueBand!: ValueBand;

  @Column({ type: 'text', array: true })
  capabilitiesSought!: string[];

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: OpportunityStatus;

  /** Whole pounds, once won. */
  @Column({ type: 'bigint', nullable: true })
  valueWon!: string | null;

  /** The group conversation opened through the chat lib, and who opened it (its owner there). */
  @Column({ type: 'uuid', nullable: true })
  conversationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  conversationOwnerId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** When it stopped taking interest: the deadline, or the poster closing it early. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** When it was marked partnered. */
  @Column({ type: 'timestamptz', nullable: true })
  partneredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  outcomeAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
