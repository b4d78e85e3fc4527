import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the embedded database and port 3000 when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.seedDemo).toBe(true);
  });

  it('reads webhook secret keys, and refuses to start in production without one', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({}).webhooks.secretKeys).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x' }).webhooks.secretKeys).toBeNull();
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/WEBHOOK_SECRET_KEYS: required in production/);
    const keys = loadConfig({ NODE_ENV: 'production', WEBHOOK_SECRET_KEYS: `2027:${key}, 2026:${key}` }).webhooks.secretKeys;
    expect(keys?.map((k) => [k.id, k.key.length])).toEqual([
      ['2027', 32],
      ['2026', 32],
    ]);
    expect(() => loadConfig({ WEBHOOK_SECRET_KEYS: `1:${Buffer.alloc(16).toString('base64')}` })).toThrow(/16 bytes; it must be 32/);
    expect(() => loadConfig({ WEBHOOK_SECRET_KEYS: key })).toThrow(/WEBHOOK_SECRET_KEYS/);
    expect(() => loadConfig({ WEBHOOK_SECRET_KEYS: `1:${key},1:${key}` })).toThrow(/given twice/);
  });

  it('names the variable when a port is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('refuses a DATABASE_URL that is not postgres', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
  });

  it('refuses an unknown log level', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('does not seed demo data on a server database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('reads OpenID providers from OIDC_PROVIDERS and from OIDC_<NAME>_* variables', () => {
    const config = loadConfig({
      OIDC_PROVIDERS: JSON.stringify([
        { id: 'entra', name: 'Microsoft', issuer: 'https://login.microsoftonline.com/t/v2.0', clientId: 'a', clientSecret: 'b' },
      ]),
      OIDC_GOOGLE_ISSUER: 'https://accounts.google.com',
      OIDC_GOOGLE_CLIENT_ID: 'c',
      OIDC_GOOGLE_CLIENT_SECRET: 'd',
      OIDC_GOOGLE_DISPLAY_NAME: 'Google Workspace',
    });
    expect(config.oidcProviders.map((p) => [p.id, p.name])).toEqual([
      ['entra', 'Microsoft'],
      ['google', 'Google Workspace'],
    ]);
    expect(loadConfig({}).oidcProviders).toEqual([]);
  });

  it('names the variable an OpenID provider is missing', () => {
    expect(() => loadConfig({ OIDC_GOOGLE_ISSUER: 'https://accounts.google.com', OIDC_GOOGLE_CLIENT_ID: 'c' })).toThrow(
      /OIDC_GOOGLE_CLIENT_SECRET/,
    );
    expect(() => loadConfig({ OIDC_PROVIDERS: '[{"id":"x"}]' })).toThrow(/OIDC_PROVIDERS/);
  });

  it('links mail to PUBLIC_URL without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://mutuals.example/' }).publicUrl).toBe('https://mutuals.example');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('keeps files in Postgres unless S3_URL names a bucket', () => {
    expect(loadConfig({}).files.s3).toBeNull();
    expect(loadConfig({ S3_URL: 'https://AKID:s%2Fcret@minio.internal:9000/uploads/mutuals?region=eu-west-2' }).files.s3).toEqual({
      endpoint: 'https://minio.internal:9000',
      bucket: 'uploads',
      prefix: 'mutuals/',
      region: 'eu-west-2',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 's/cret' },
      forcePathStyle: true,
    });
    expect(() => loadConfig({ S3_URL: 'https://minio.internal:9000/' })).toThrow(/S3_URL/);
  });

  it('reads the per-use size limits and the quota', () => {
    const files = loadConfig({ FILES_ATTACHMENT_MAX_BYTES: '5000000', FILES_QUOTA_BYTES: '10485760' }).files;
    expect(files.maxBytes).toMatchObject({ avatar: 2 * 1024 * 1024, attachment: 5_000_000, resource: 25 * 1024 * 1024 });
    expect(files.quotaBytes).toBe(10485760);
  });

  it('trusts exactly the configured proxy hops, never every hop', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.4' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.4']);
    expect(() => loadConfig({ TRUST_PROXY: 'nginx' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses a metrics allow-list entry that is not an address range', () => {
    expect(loadConfig({ METRICS_ALLOW_FROM: '172.16.0.0/12' }).metricsAllowFrom).toEqual(['172.16.0.0/12']);
    expect(() => loadConfig({ METRICS_ALLOW_FROM: '10.0.0.0/99' })).toThrow(/METRICS_ALLOW_FROM/);
  });
});
