import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface OidcTestAccount {
  email: string;
  email_verified: boolean;
  name: string;
}

/** A real OpenID provider in a child process (see oidc-provider-process.mjs). */
export async function startOidcProvider(settings: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accounts: Record<string, OidcTestAccount>;
}): Promise<{ issuer: string; signInAs(sub: string): Promise<void>; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(__dirname, 'oidc-provider-process.mjs'), JSON.stringify(settings)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const issuer = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`OpenID provider exited with ${code}`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { issuer: string }).issuer));
  });
  return {
    issuer,
    signInAs: async (sub) => {
      await fetch(`${issuer}/_test/sign-in-as/${sub}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/** A loopback port free now, for an app whose own URL must be known before it starts (redirect URIs). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A browser's cookie jar and redirect-following, enough for an authorization-code flow across two origins. */
export class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  /** Follows redirects from `url` until an answer that is not one, or until `stopAt` matches the next location. */
  async follow(url: string, stopAt?: (location: URL) => boolean): Promise<{ url: URL; response: Response }> {
    let current = new URL(url);
    for (let hops = 0; hops < 20; hops++) {
      const response = await fetch(current, { redirect: 'manual', headers: { cookie: this.cookieHeader(current) } });
      this.store(current, response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      const next = new URL(location, current);
      if (stopAt?.(next)) return { url: next, response };
      current = next;
    }
    throw new Error('too many redirects');
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(new URL(origin).host)?.get(name);
  }

  cookieHeader(url: URL): string {
    return [...(this.jars.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private store(url: URL, setCookies: string[]): void {
    const jar = this.jars.get(url.host) ?? new Map<string, string>();
    for (const header of setCookies) {
      const [pair, ...attributes] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()),
      );
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.jars.set(url.host, jar);
  }
}
