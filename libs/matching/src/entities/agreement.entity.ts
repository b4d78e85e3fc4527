import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What a pair agreed after their first session; both confirm it, and an edit asks both again. */
@Entity('mentoring_agreements')
export class AgreementEntity {
  @PrimaryColumn({ type: 'uuid' })
  mentorshipId!: string;

  @Column({ type: 'varchar', length: 300 })
  meetingFrequency!: string;

  @Column({ type: 'varchar', length: 300 })
  meetingFormat!: string;

  @Column({ type: 'varchar', length: 300 })
  duration!: string;

  @Column({ type: 'text' })
  mentorExpectations!: string;

  @Column({ type: 'text' })
  menteeExpectations!: string;

  @Column({ type: 'text' })
  confidentiality!: string;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  updatedBy!: string;

  @Column({ type: 'timestamptz', nullable: true })
  mentorConfirmedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  menteeConfirmedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
