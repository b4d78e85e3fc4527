import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * The one fund (id 1). committed counts every approved allocation (delivered included);
 * remaining is total - committed. The CHECKs are the last wall behind the guarded UPDATE.
 */
@Entity('support_fund')
@Check('support_fund_within_total', '"committed_pence" <= "total_pence"')
@Check('support_fund_delivered_within_committed', '"delivered_pence" >= 0 AND "delivered_pence" <= "committed_pence"')
export class SupportFundEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'integer' })
  totalPence!: number;

  @Column({ type: 'integer', default: 0 })
  committedPence!: number;

  @Column({ type: 'integer', default: 0 })
  deliveredPence!: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A delivery partner: an organisation of kind delivery-partner (profiles) with its day rate. */
@Entity('support_partners')
export class SupportPartnerEntity {
  @PrimaryColumn({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  region!: string;

  @Column({ type: 'integer' })
  dayRatePence!: number;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** The adviser role: a member who delivers for one partner, made so by a coordinator. */
@Entity('support_advisers')
@Index('support_advisers_partner_idx', ['partnerId'])
export class SupportAdviserEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  partnerId!: string;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('support_applications')
@Index('support_applications_org_idx', ['organisationId', 'updatedAt'])
@Index('support_applications_status_idx', ['status', 'updatedAt'])
@Index('support_applications_partner_idx', ['partnerId', 'updatedAt'])
@Check('support_applications_rating', '"rating" IS NULL OR "rating" BETWEEN 1 AND 5')
export class SupportApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'uuid' })
  applicantId!: string;

  @Column({ type: 'varchar', length: 32, default: 'draft' })
  status!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  areas!: string[];

  @Column({ type: 'text', default: '' })
  need!: string;

  @Column({ type: 'text', default: '' })
  outcome!: string;

  @Column({ type: 'date', nullable: true })
  byWhen!: string | null;

  @Column({ type: 'text', default: '' })
  growthCase!: string;

  @Column({ type: 'integer', default: 0 })
  matchFundingPence!: number;

  @Column({ type: 'varchar', length: 300, default: '' })
  matchFundingSource!: string;

  @Column({ type: 'jsonb', nullable: true })
  eligibility!: unknown;

  @Column({ type: 'text', nullable: true })
  informationRequest!: string | null;

  @Column({ type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ type: 'text', nullable: true })
  decisionNote!: string | null;

  /** The rubric's scores per criterion. */
  @Column({ type: 'jsonb', nullable: true })
  assessment!: unknown;

  @Column({ type: 'uuid', nullable: true })
  assessedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  assessedAt!: Date | null;

  /** The partner whose rate prices the allocation; the assigned partner from in-delivery on. */
  @Column({ type: 'uuid', nullable: true })
  partnerId!: string | null;

  /** What is committed against the fund for this application now. */
  @Column({ type: 'integer', default: 0 })
  allocatedPence!: number;

  @Column({ type: 'integer', default: 0 })
  deliveredPence!: number;

  @Column({ type: 'smallint', nullable: true })
  rating!: number | null;

  @Column({ type: 'text', nullable: true })
  feedback!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}

/** Days allocated in one support area; delivered days never pass them. */
@Entity('support_allocations')
@Check('support_allocations_delivered_within', '"delivered_days" >= 0 AND "delivered_days" <= "days"')
export class SupportAllocationEntity {
  @PrimaryColumn({ type: 'uuid' })
  applicationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  area!: string;

  @Column({ type: 'numeric', precision: 5, scale: 1 })
  days!: string;

  @Column({ type: 'numeric', precision: 5, scale: 1, default: 0 })
  deliveredDays!: string;

  @Column({ type: 'integer' })
  dayRatePence!: number;
}

@Entity('support_delivery_logs')
@Index('support_delivery_logs_application_idx', ['applicationId', 'date'])
export class SupportDeliveryLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'varchar', length: 40 })
  area!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'numeric', precision: 5, scale: 1 })
  days!: string;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'uuid' })
  adviserId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('support_deliverables')
@Index('support_deliverables_application_idx', ['applicationId', 'createdAt'])
export class SupportDeliverableEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'uuid' })
  fileId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'uuid' })
  adviserId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
