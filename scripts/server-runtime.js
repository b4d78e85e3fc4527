// How the api process is run, in one place: `npm start` (scripts/start.js), the tests' and benchmarks'
// server processes (test/support/server-process.ts) and the image (docker/Dockerfile sets the same
// values; a unit test keeps them equal) all start `node dist/apps/api/src/main.js` with these.

/**
 * glibc gives each thread that allocates an arena of its own and keeps freed large blocks (the 19 MB of
 * every Argon2 hash) inside them; two arenas and a fixed mmap threshold return that memory, which keeps
 * the idle embedded server about 150 MB smaller.
 */
const MALLOC_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '1048576' };

/** The server's environment: these defaults under the operator's own, which win. */
function serverEnv(env) {
  return { ...MALLOC_ENV, ...env };
}

module.exports = { MALLOC_ENV, serverEnv };
