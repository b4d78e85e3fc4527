import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MatchingRoundResult } from '@mutuals/contracts';
import { firstRow, rowsOf, type SqlRunner } from '@mutuals/core';
import type { DataSource, EntityManager } from 'typeorm';

export interface RoundRow {
  id: string;
  created_by: string | null;
  created_at: Date;
  applied_at: Date | null;
  weights_version: string;
  result: MatchingRoundResult;
}

/** Coordinators' matching rounds, stored as the coordinator saw them: `matching_rounds`. */
@Injectable()
export class MatchingRoundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private runner(manager?: EntityManager): SqlRunner {
    return manager ?? this.dataSource.manager;
  }

  async insert(round: { created_by: string | null; weights_version: string; result: MatchingRoundResult }): Promise<RoundRow> {
    const row = await firstRow<RoundRow>(
      this.runner(),
      'INSERT INTO matching_rounds (created_by, weights_version, result) VALUES ($1, $2, $3) RETURNING *',
      [round.created_by, round.weights_version, JSON.stringify(round.result)],
    );
    return row!;
  }

  find(id: string): Promise<RoundRow | undefined> {
    return firstRow<RoundRow>(this.runner(), 'SELECT * FROM matching_rounds WHERE id = $1', [id]);
  }

  /** Marks a round applied once: undefined when it is applied already or absent. */
  markApplied(id: string, manager: EntityManager): Promise<Pick<RoundRow, 'result' | 'applied_at'> | undefined> {
    return firstRow(
      manager,
      'UPDATE matching_rounds SET applied_at = now() WHERE id = $1 AND applied_at IS NULL RETURNING result, applied_at',
      [id],
    );
  }

  async exists(id: string, manager?: EntityManager): Promise<boolean> {
    return (await rowsOf(this.runner(manager), 'SELECT 1 FROM matching_rounds WHERE id = $1', [id])).length > 0;
  }
}
