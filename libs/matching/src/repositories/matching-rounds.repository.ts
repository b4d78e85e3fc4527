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
  applied_by: string | null;
  weights_version: string;
  result: MatchingRoundResult;
}

export interface RoundHistoryRow {
  id: string;
  created_at: Date;
  created_by: string | null;
  applied_at: Date | null;
  applied_by: string | null;
  at_key: string;
  proposals: number;
  unmatched: number;
  total_score: number;
  requests_sent: number;
  requests_accepted: number;
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

  /** Marks a round applied once, by whom (null: the command line): undefined when it is applied already or absent. */
  markApplied(id: string, appliedBy: string | null, manager: EntityManager): Promise<Pick<RoundRow, 'result' | 'applied_at'> | undefined> {
    return firstRow(
      manager,
      'UPDATE matching_rounds SET applied_at = now(), applied_by = $2 WHERE id = $1 AND applied_at IS NULL RETURNING result, applied_at',
      [id, appliedBy],
    );
  }

  /** The history of rounds, newest first, keyset on (created_at, id), with their totals and what their requests became. */
  history(limit: number, after: [string, string] | null): Promise<RoundHistoryRow[]> {
    const params: unknown[] = [limit];
    if (after) params.push(after[0], after[1]);
    return rowsOf<RoundHistoryRow>(
      this.runner(),
      `SELECT r.id, r.created_at, r.created_by, r.applied_at, r.applied_by, r.created_at::text AS at_key,
              jsonb_array_length(r.result->'proposals') AS proposals, jsonb_array_length(r.result->'unmatched') AS unmatched,
              (r.result->>'totalScore')::float AS total_score,
              (SELECT count(*)::int FROM mentoring_requests q WHERE q.round_id = r.id) AS requests_sent,
              (SELECT count(*)::int FROM mentoring_requests q WHERE q.round_id = r.id AND q.status = 'accepted') AS requests_accepted
         FROM matching_rounds r
        ${after ? 'WHERE (r.created_at, r.id) < ($2::timestamptz, $3::uuid)' : ''}
        ORDER BY r.created_at DESC, r.id DESC LIMIT $1`,
      params,
    );
  }

  async exists(id: string, manager?: EntityManager): Promise<boolean> {
    return (await rowsOf(this.runner(manager), 'SELECT 1 FROM matching_rounds WHERE id = $1', [id])).length > 0;
  }
}
