import { Client, ClientConfig } from 'pg';
import { isDatabaseUnavailable } from './database-unavailable';

/** After a failed connection attempt, new ones fail at once for this long; then one may try again. */
const CIRCUIT_OPEN_MS = 1_000;

type ConnectCallback = (error: Error | null) => void;

/**
 * The pool's client class with two guards, so that requests answer 503 at once while the
 * database is unreachable rather than each waiting on its own attempt:
 * - opening a connection is bounded by `connectTimeoutMs` (on the client, not the pool, whose
 *   timeout would also cut requests queued for a free connection under load, which is no outage);
 * - a circuit: once an attempt fails for want of a database, attempts in the next second fail
 *   at once without touching the network; the first one after that tries for real.
 * One class (and circuit) per data source.
 */
export function guardedClient(connectTimeoutMs: number): typeof Client {
  let openUntil = 0;
  const record = (error: Error | null | undefined) => {
    if (!error) openUntil = 0;
    else if (isDatabaseUnavailable(error)) openUntil = Date.now() + CIRCUIT_OPEN_MS;
  };
  const refusal = () => Object.assign(new Error('Connection refused: the database was unreachable moments ago'), { code: 'ECONNREFUSED' });

  return class GuardedClient extends Client {
    constructor(config?: ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
    }

    override connect(): Promise<Client>;
    override connect(callback: ConnectCallback): void;
    override connect(callback?: ConnectCallback): Promise<Client> | void {
      const open = Date.now() < openUntil;
      if (callback) {
        if (open) return process.nextTick(callback, refusal());
        return super.connect((error: Error | null) => {
          record(error);
          callback(error);
        });
      }
      if (open) return Promise.reject(refusal());
      return super.connect().then(
        (client) => {
          record(null);
          return client;
        },
        (error: Error) => {
          record(error);
          throw error;
        },
      );
    }
  };
}
