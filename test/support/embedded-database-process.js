// An in-memory PGlite served on a loopback port, in a process of its own: PGlite loads its WASM
// with a dynamic import that jest's module sandbox cannot run. Prints {"url": ...} when ready and
// exits when its parent closes stdin. With MN_TEST_PGLITE_SNAPSHOT it starts from that migrated
// data directory (made once per e2e run by e2e-global-setup.js) instead of an empty one.
const { readFileSync } = require('node:fs');
const { PGlite } = require('@electric-sql/pglite');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');

(async () => {
  const snapshot = process.env.MN_TEST_PGLITE_SNAPSHOT;
  const db = await PGlite.create(snapshot ? { loadDataDir: new Blob([readFileSync(snapshot)]) } : {});
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 1 });
  await server.start();
  const { port } = server.server.address();
  process.stdout.write(`${JSON.stringify({ url: `postgres://postgres@127.0.0.1:${port}/postgres` })}\n`);
  const stop = async () => {
    await server.stop().catch(() => {});
    await db.close().catch(() => {});
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
