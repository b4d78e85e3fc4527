import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export class DataDirectoryLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by another process (pid ${pid}). ` +
        'Stop the running server first, or set DATABASE_URL to use a shared Postgres.',
    );
  }
}

/**
 * Postgres's own defaults (128 MB of shared buffers) are sized for a server; the embedded database holds
 * a few tens of megabytes, its files sit in the OS page cache anyway, and every buffer touched stays in
 * the WASM memory for the life of the process. 32 MB keeps the idle server about 120 MB smaller.
 */
const SMALL_FOOTPRINT = ['-c', 'shared_buffers=32MB', '-c', 'maintenance_work_mem=16MB'];

/**
 * Real Postgres compiled to WASM, served on a loopback port so that TypeORM's ordinary pg driver
 * talks to it. PGlite is single-connection: callers use a pool of one.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    private readonly releaseLock: () => void,
  ) {}

  /** dataDir ':memory:' keeps nothing; any other path is persisted and locked to this process. */
  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const inMemory = dataDir === ':memory:';
    const dir = inMemory ? null : resolve(dataDir, 'pg');
    let releaseLock = () => {};
    if (dir) {
      mkdirSync(dir, { recursive: true });
      releaseLock = acquireLock(resolve(dataDir, 'embedded.lock'));
    }
    try {
      const db = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), startParams: [...PGlite.defaultStartParams, ...SMALL_FOOTPRINT] });
      const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 1 });
      await server.start();
      const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
      return new EmbeddedPostgres(db, server, `postgres://postgres@127.0.0.1:${port}/postgres`, releaseLock);
    } catch (error) {
      releaseLock();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    this.releaseLock();
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** An exclusive lock file holding our pid; a lock left by a process that died is taken over. */
function acquireLock(path: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (holder && holder !== process.pid && processAlive(holder)) {
        throw new DataDirectoryLockedError(join(path, '..'), holder);
      }
      unlinkSync(path);
    }
  }
  throw new Error(`Could not lock ${path}`);
}
