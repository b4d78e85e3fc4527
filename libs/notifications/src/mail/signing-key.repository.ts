import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class SigningKeyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The named key, made by whichever replica asks first; every other one reads the same. */
  async getOrCreate(name: string): Promise<Buffer> {
    await this.db.query(`INSERT INTO mail_signing_keys (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
      name,
      randomBytes(32),
    ]);
    const [row] = await this.db.query(`SELECT secret FROM mail_signing_keys WHERE name = $1`, [name]);
    return row.secret as Buffer;
  }
}
