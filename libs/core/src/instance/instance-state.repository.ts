import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Tables that describe the schema or the installation, never content: a reset keeps them. */
const KEPT_TABLES = ['migrations', 'instance_state'];

@Injectable()
export class InstanceStateRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(key: string): Promise<string | null> {
    const [row] = (await this.db.query('SELECT value FROM instance_state WHERE key = $1', [key])) as { value: string }[];
    return row?.value ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db.query(
      `INSERT INTO instance_state (key, value, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, value],
    );
  }

  /**
   * Empties every content table of the schema in one statement (the migrations' ledger and this
   * table stay). Only for undoing a load into an empty database that did not finish.
   */
  async emptyContentTables(): Promise<void> {
    const tables = (await this.db.query(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> ALL($1)`,
      [KEPT_TABLES],
    )) as { name: string }[];
    if (tables.length) await this.db.query(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
  }
}
