import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mutuals/core';
import { openSecret, sealSecret, type SecretKey } from './webhook-secret-box';
import { WebhooksRepository } from './webhooks.repository';

/** The id of the key a server without WEBHOOK_SECRET_KEYS makes for its own data directory. */
const LOCAL_KEY_ID = 'local';
const LOCAL_KEY_FILE = 'webhook-secret.key';

/** A hook's secret as stored: sealed under a key, or (only until the start-up step) in clear from before encryption. */
export interface StoredSecret {
  id: string;
  secret: string | null;
  secret_sealed: string | null;
  secret_key_id: string | null;
}

/**
 * Seals and opens webhook signing secrets with the configured keys, the first of which seals. At
 * start-up every secret not sealed under that key (stored in clear before encryption, or under a
 * key being rotated out) is sealed under it: encryption needs the key, which the migration, being
 * SQL, does not have.
 */
@Injectable()
export class WebhookSecrets implements OnApplicationBootstrap {
  private readonly logger = new Logger('Webhooks');
  private readonly keys: SecretKey[];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly hooks: WebhooksRepository,
  ) {
    this.keys = config.webhooks.secretKeys ?? [localKey(config.dataDir)];
  }

  private get current(): SecretKey {
    return this.keys[0]!;
  }

  seal(webhookId: string, secret: string): { secret_sealed: string; secret_key_id: string } {
    return { secret_sealed: sealSecret(secret, webhookId, this.current), secret_key_id: this.current.id };
  }

  /** The secret in clear, to sign with; throws, naming the key, when it is sealed under a key no longer configured. */
  open(stored: StoredSecret): string {
    if (stored.secret !== null) return stored.secret;
    const key = this.keys.find((k) => k.id === stored.secret_key_id);
    if (!key || stored.secret_sealed === null) {
      throw new Error(`the signing secret is sealed under key "${stored.secret_key_id}", which WEBHOOK_SECRET_KEYS no longer holds`);
    }
    return openSecret(stored.secret_sealed, stored.id, key);
  }

  async onApplicationBootstrap(): Promise<void> {
    let sealed = 0;
    for (const stored of await this.hooks.secretsNotSealedUnder(this.current.id)) {
      let secret: string;
      try {
        secret = this.open(stored);
      } catch (error) {
        this.logger.error(`webhook ${stored.id}: ${(error as Error).message}; its deliveries fail until the key is configured again`);
        continue;
      }
      if (await this.hooks.replaceSecret(stored, this.seal(stored.id, secret))) sealed++;
    }
    if (sealed > 0) this.logger.log(`sealed ${sealed} webhook signing secrets under key "${this.current.id}"`);
  }
}

/**
 * Without WEBHOOK_SECRET_KEYS (never in production): a key of this data directory's own, made on
 * first start and kept beside the embedded database, or one for this process alone in memory.
 */
function localKey(dataDir: string): SecretKey {
  if (dataDir === ':memory:') return { id: LOCAL_KEY_ID, key: randomBytes(32) };
  const file = join(dataDir, LOCAL_KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  // Written whole under a name of this process's, then linked into place: a process that finds the
  // file never reads it half-written, and of two processes starting at once the first link wins.
  if (!existsSync(file)) {
    const draft = `${file}.${process.pid}`;
    writeFileSync(draft, randomBytes(32).toString('base64'), { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key in base64; remove it or set WEBHOOK_SECRET_KEYS`);
  return { id: LOCAL_KEY_ID, key };
}
