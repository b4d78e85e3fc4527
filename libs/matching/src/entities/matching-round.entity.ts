import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MatchingRoundResult } from '@mutuals/contracts';

@Entity('matching_rounds')
export class MatchingRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** null: run from the command line. */
  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;

  /** The coordinator who sent the round's requests; null: not applied, or applied from the command line. */
  @Column({ type: 'uuid', nullable: true })
  appliedBy!: string | null;

  @Column({ type: 'varchar', length: 40 })
  weightsVersion!: string;

  /** Proposals, unmatched with reasons, fairness and the pins, as the coordinator saw them. */
  @Column({ type: 'jsonb' })
  result!: MatchingRoundResult;
}
