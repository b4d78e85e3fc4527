// The environment, read and validated once at start-up into one typed object. Nothing else reads
// process.env; a bad value stops the process with a message naming the variable.
import { isIP } from 'node:net';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  port: number;
  host: string;
  /** Unset: the embedded PGlite database under dataDir (or in memory when dataDir is ':memory:'). */
  databaseUrl: string | null;
  dataDir: string;
  /** Connections to the database; the embedded one serves exactly one. */
  databasePoolSize: number;
  redisUrl: string | null;
  /** Prefixes every Redis key and channel, so that several deployments can share one server. */
  redisKeyPrefix: string;
  logLevel: LogLevel;
  /** Seed the demo data on the first start of a fresh embedded database. */
  seedDemo: boolean;
  /** Origins allowed to open a cookie-authenticated socket; empty means same host as the request. */
  allowedOrigins: string[];
  cookieSecure: boolean;
  /**
   * Which proxies in front may name the client in X-Forwarded-For: false (none), a number of hops
   * (1: the one proxy of docker/), or the proxies' addresses and CIDR ranges. Never "every hop",
   * which would let a client choose its own address by sending the header itself.
   */
  trustProxy: false | number | string[];
  /** Bearer token a scraper sends for /metrics; loopback and metricsAllowFrom need none. */
  metricsToken: string | null;
  /** Addresses and CIDR ranges (besides loopback) allowed to read /metrics without the token. */
  metricsAllowFrom: string[];
  /** SIGTERM: how long in-flight work may take before the process exits anyway. */
  shutdownGraceMs: number;
  /** How long to wait for a new database connection before answering 503. */
  databaseConnectTimeoutMs: number;
  bodyLimitBytes: number;
  sessionTtlDays: number;
  /** Served at /; unset means the built client in dist/web next to the api. */
  webRoot: string | null;
  /** Rate limits are on unless explicitly turned off (load tests, benchmarks). */
  rateLimits: boolean;
  /** Requests one personal API token may make in a minute (shared by every replica with Redis). */
  apiTokenRequestsPerMinute: number;
  webhooks: WebhooksConfig;
  files: FilesConfig;
  /** Where people reach the web client; links in mail and OpenID redirects are built on it. */
  publicUrl: string;
  mail: MailConfig;
  /** Organisations' own identity providers, signing their people in over OpenID Connect. */
  oidcProviders: OidcProviderConfig[];
}

export interface OidcProviderConfig {
  /** In paths: /api/v1/auth/oidc/<id>/start. */
  id: string;
  /** On the sign-in button: "Sign in with <name>". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Where S3_URL points: `https://KEY:SECRET@host[:port]/bucket[/prefix]?region=eu-west-2`. */
export interface S3Location {
  endpoint: string;
  bucket: string;
  /** Prepended to every object key, e.g. `mutuals/`; empty for the bucket's root. */
  prefix: string;
  region: string;
  /** Null: the SDK's own credential chain (environment, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** Path-style URLs (MinIO and most S3-compatible servers); AWS itself takes virtual hosts too. */
  forcePathStyle: boolean;
}

export interface FilesConfig {
  /** Per use of an upload (its purpose, see libs/files). */
  maxBytes: Record<'avatar' | 'logo' | 'attachment' | 'resource' | 'cover', number>;
  /** The sum of one member's stored files. */
  quotaBytes: number;
  /** Images with more pixels than this are refused before decoding (decompression bombs). */
  maxImagePixels: number;
  /** Null: file contents live in Postgres. */
  s3: S3Location | null;
}

/** A key webhook signing secrets are encrypted under at rest (AES-256-GCM). */
export interface WebhookSecretKey {
  /** Stored beside each sealed secret, so that keys can be rotated. */
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

export interface WebhooksConfig {
  /**
   * WEBHOOK_SECRET_KEYS: the first key seals, every key opens (rotation: put the new key first,
   * restart, and drop the old one once the start-up step has sealed every secret again). Null:
   * a key of this data directory's own, made on first start (never in production).
   */
  secretKeys: WebhookSecretKey[] | null;
  /** Tests only: http:// and private, loopback and link-local addresses allowed as targets. */
  allowPrivateTargets: boolean;
  /** How long a receiver has to answer one delivery. */
  timeoutMs: number;
  /** Attempts of one delivery before it is marked failed. */
  maxAttempts: number;
  /** First retry delay, doubled per further attempt (capped at six hours). */
  retryBaseMs: number;
  /** Failed attempts in a row after which a hook is switched off and the coordinators told. */
  disableAfterFailures: number;
  /** How often due deliveries are looked for (retries). */
  pollMilliseconds: number;
}

export interface MailConfig {
  /** smtp(s)://user:pass@host:port; unset keeps mail in the outbox, readable by coordinators, and logs it. */
  smtpUrl: string | null;
  /** The From header, e.g. `Mutuals Network <hello@example.org>`. */
  from: string;
  /** How long a chat message may stay unread before it is mailed. */
  chatDelaySeconds: number;
  /** How long a sender holds a claimed mail before another may take it over (after a crash). */
  leaseSeconds: number;
  /** How often the outbox is checked for mail that is due (retries, delayed chat mail). */
  pollMilliseconds: number;
  /** Failed attempts before a mail goes to the dead-letter list. */
  maxAttempts: number;
  /** First retry delay; doubled on each further attempt (capped at six hours). */
  retryBaseSeconds: number;
  /** Digests are built once this UTC hour has passed (daily; weekly on Mondays). */
  digestHourUtc: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid environment variable ${variable}: ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `${value} is outside ${min}..${max}`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined || raw === null) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `"${raw}" is not a boolean (use true or false)`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = text(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `expected ${protocols.join(' or ')} URL, got ${parsed.protocol}`);
  }
  return raw;
}

const PROVIDER_ID = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * OIDC_PROVIDERS is a JSON array of { id, name, issuer, clientId, clientSecret }; one provider can
 * also be given as OIDC_<NAME>_ISSUER, OIDC_<NAME>_CLIENT_ID, OIDC_<NAME>_CLIENT_SECRET (and
 * optionally OIDC_<NAME>_DISPLAY_NAME), its id being <name> in lower case.
 */
function oidcProviders(env: Env): OidcProviderConfig[] {
  const providers: OidcProviderConfig[] = [];
  const raw = text(env, 'OIDC_PROVIDERS');
  if (raw !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new ConfigError('OIDC_PROVIDERS', 'not valid JSON');
    }
    if (!Array.isArray(parsed)) throw new ConfigError('OIDC_PROVIDERS', 'expected a JSON array of providers');
    for (const entry of parsed as Record<string, unknown>[]) {
      const field = (key: string) => {
        const value = entry?.[key];
        if (typeof value !== 'string' || !value.trim()) throw new ConfigError('OIDC_PROVIDERS', `each provider needs a "${key}" string`);
        return value.trim();
      };
      providers.push({
        id: field('id'),
        name: field('name'),
        issuer: field('issuer'),
        clientId: field('clientId'),
        clientSecret: field('clientSecret'),
      });
    }
  }
  for (const key of Object.keys(env).sort()) {
    const match = /^OIDC_([A-Z][A-Z0-9_]*)_ISSUER$/.exec(key);
    if (!match) continue;
    const prefix = `OIDC_${match[1]}_`;
    const required = (suffix: string) => {
      const value = text(env, prefix + suffix);
      if (value === null) throw new ConfigError(prefix + suffix, `needed with ${key}`);
      return value;
    };
    const id = match[1].toLowerCase().replace(/_/g, '-');
    providers.push({
      id,
      name: text(env, `${prefix}DISPLAY_NAME`) ?? match[1].replace(/_/g, ' '),
      issuer: required('ISSUER'),
      clientId: required('CLIENT_ID'),
      clientSecret: required('CLIENT_SECRET'),
    });
  }
  const seen = new Set<string>();
  for (const provider of providers) {
    if (!PROVIDER_ID.test(provider.id)) throw new ConfigError('OIDC_PROVIDERS', `"${provider.id}" is not a provider id (a-z, 0-9, -)`);
    if (seen.has(provider.id)) throw new ConfigError('OIDC_PROVIDERS', `provider "${provider.id}" is configured twice`);
    try {
      new URL(provider.issuer);
    } catch {
      throw new ConfigError('OIDC_PROVIDERS', `the issuer of "${provider.id}" is not a URL`);
    }
    seen.add(provider.id);
  }
  return providers;
}

function s3Location(env: Env): S3Location | null {
  const raw = url(env, 'S3_URL', ['http:', 'https:']);
  if (raw === null) return null;
  const parsed = new URL(raw);
  const [bucket, ...prefix] = parsed.pathname.split('/').filter(Boolean);
  if (!bucket) throw new ConfigError('S3_URL', 'name the bucket as the first path segment');
  const accessKeyId = decodeURIComponent(parsed.username);
  const secretAccessKey = decodeURIComponent(parsed.password);
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    throw new ConfigError('S3_URL', 'give both the access key and the secret, or neither');
  return {
    endpoint: parsed.origin,
    bucket,
    prefix: prefix.length ? `${prefix.join('/')}/` : '',
    region: parsed.searchParams.get('region') ?? 'us-east-1',
    credentials: accessKeyId ? { accessKeyId, secretAccessKey } : null,
    forcePathStyle: parsed.searchParams.get('forcePathStyle') !== 'false',
  };
}

const MIB = 1024 * 1024;
function list(env: Env, name: string): string[] {
  return (text(env, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** "10.0.0.0/8, 192.168.1.4, ::1": each an IP address with an optional prefix length. */
function addressRanges(env: Env, name: string): string[] {
  const ranges = list(env, name);
  for (const range of ranges) {
    const [address, prefix, extra] = range.split('/');
    const family = isIP(address ?? '');
    const prefixValid = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!family || !prefixValid || extra !== undefined) throw new ConfigError(name, `"${range}" is not an IP address or CIDR range`);
  }
  return ranges;
}

/** TRUST_PROXY: false, true (one hop, the same as 1), a hop count, or the proxies' addresses. */
function trustedProxies(env: Env): false | number | string[] {
  const raw = text(env, 'TRUST_PROXY')?.toLowerCase();
  if (raw === undefined || raw === null || ['0', 'false', 'no', 'off'].includes(raw)) return false;
  if (['true', 'yes', 'on'].includes(raw)) return 1;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  return addressRanges(env, 'TRUST_PROXY');
}

/**
 * WEBHOOK_SECRET_KEYS: `id:base64key` entries, comma-separated, each key 32 random bytes (make one
 * with `openssl rand -base64 32`). Required when NODE_ENV is production, as a key made and kept
 * next to the database would protect nothing against someone who has both.
 */
function webhookSecretKeys(env: Env): WebhookSecretKey[] | null {
  const entries = list(env, 'WEBHOOK_SECRET_KEYS');
  if (entries.length === 0) {
    if (text(env, 'NODE_ENV') === 'production') {
      throw new ConfigError(
        'WEBHOOK_SECRET_KEYS',
        'required in production: set it to `<key id>:<32 random bytes in base64>`, e.g. `1:$(openssl rand -base64 32)`',
      );
    }
    return null;
  }
  const seen = new Set<string>();
  return entries.map((entry) => {
    const [id, encoded, extra] = entry.split(':');
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || !encoded || extra !== undefined) {
      throw new ConfigError('WEBHOOK_SECRET_KEYS', 'each entry is `<key id (a-z, 0-9, _, -)>:<key in base64>`');
    }
    if (seen.has(id)) throw new ConfigError('WEBHOOK_SECRET_KEYS', `key id "${id}" is given twice`);
    seen.add(id);
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) throw new ConfigError('WEBHOOK_SECRET_KEYS', `key "${id}" is ${key.length} bytes; it must be 32`);
    return { id, key };
  });
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env): AppConfig {
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `"${logLevel}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: text(env, 'HOST') ?? '0.0.0.0',
    databaseUrl,
    dataDir: text(env, 'DATA_DIR') ?? './data',
    databasePoolSize: databaseUrl === null ? 1 : integer(env, 'DATABASE_POOL_SIZE', 20, 1, 500),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisKeyPrefix: text(env, 'REDIS_KEY_PREFIX') ?? 'mn:',
    logLevel,
    seedDemo: flag(env, 'SEED_DEMO', databaseUrl === null),
    allowedOrigins: list(env, 'ALLOWED_ORIGINS'),
    cookieSecure: flag(env, 'COOKIE_SECURE', false),
    trustProxy: trustedProxies(env),
    metricsToken: text(env, 'METRICS_TOKEN'),
    metricsAllowFrom: addressRanges(env, 'METRICS_ALLOW_FROM'),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    databaseConnectTimeoutMs: integer(env, 'DATABASE_CONNECT_TIMEOUT_MS', 2_000, 100, 60_000),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    sessionTtlDays: integer(env, 'SESSION_TTL_DAYS', 30, 1, 365),
    webRoot: text(env, 'WEB_ROOT'),
    rateLimits: flag(env, 'RATE_LIMITS', true),
    apiTokenRequestsPerMinute: integer(env, 'API_TOKEN_REQUESTS_PER_MINUTE', 600, 1, 1_000_000),
    webhooks: {
      secretKeys: webhookSecretKeys(env),
      allowPrivateTargets: flag(env, 'WEBHOOKS_ALLOW_PRIVATE_TARGETS', false),
      timeoutMs: integer(env, 'WEBHOOKS_TIMEOUT_MS', 10_000, 100, 60_000),
      maxAttempts: integer(env, 'WEBHOOKS_MAX_ATTEMPTS', 8, 1, 50),
      retryBaseMs: integer(env, 'WEBHOOKS_RETRY_BASE_MS', 30_000, 0, 86_400_000),
      disableAfterFailures: integer(env, 'WEBHOOKS_DISABLE_AFTER_FAILURES', 15, 1, 1_000),
      pollMilliseconds: integer(env, 'WEBHOOKS_POLL_MS', 5_000, 50, 600_000),
    },
    files: {
      maxBytes: {
        avatar: integer(env, 'FILES_AVATAR_MAX_BYTES', 2 * MIB, 1024, 100 * MIB),
        logo: integer(env, 'FILES_AVATAR_MAX_BYTES', 2 * MIB, 1024, 100 * MIB),
        attachment: integer(env, 'FILES_ATTACHMENT_MAX_BYTES', 10 * MIB, 1024, 100 * MIB),
        resource: integer(env, 'FILES_RESOURCE_MAX_BYTES', 25 * MIB, 1024, 100 * MIB),
        // A story's cover: a photograph, re-encoded to at most 1600 px like an attachment.
        cover: integer(env, 'FILES_ATTACHMENT_MAX_BYTES', 10 * MIB, 1024, 100 * MIB),
      },
      quotaBytes: integer(env, 'FILES_QUOTA_BYTES', 200 * MIB, MIB, 100 * 1024 * MIB),
      maxImagePixels: integer(env, 'FILES_MAX_IMAGE_PIXELS', 25_000_000, 10_000, 268_402_689),
      s3: s3Location(env),
    },
    publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${integer(env, 'PORT', 3000, 0, 65535)}`).replace(
      /\/+$/,
      '',
    ),
    mail: {
      smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
      from: text(env, 'MAIL_FROM') ?? 'Mutuals Network <no-reply@mutuals.localhost>',
      chatDelaySeconds: integer(env, 'MAIL_CHAT_DELAY_SECONDS', 600, 0, 86_400),
      leaseSeconds: integer(env, 'MAIL_LEASE_SECONDS', 120, 1, 3_600),
      pollMilliseconds: integer(env, 'MAIL_POLL_MS', 2_000, 50, 600_000),
      maxAttempts: integer(env, 'MAIL_MAX_ATTEMPTS', 8, 1, 50),
      retryBaseSeconds: integer(env, 'MAIL_RETRY_BASE_SECONDS', 30, 0, 86_400),
      digestHourUtc: integer(env, 'DIGEST_HOUR_UTC', 7, 0, 23),
    },
    oidcProviders: oidcProviders(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
