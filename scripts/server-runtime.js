// How the api process is run, in one place: `npm start` (scripts/start.js), the tests' and benchmarks'
// server processes (test/support/server-process.ts) and the image (docker/Dockerfile sets the same
// values; a unit test keeps them equal) all start `node dist/apps/api/src/main.js` with these.

/**
 * glibc gives each thread that allocates an arena of its own and keeps freed large blocks (the 19 MB of
 * every Argon2 hash) inside them; two arenas and a fixed mmap threshold return that memory, which keeps
 * the idle embedded server about 150 MB smaller.
 */
const MALLOC_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '1048576' };

/**
 * V8's heap, sized for a replica meant to stay under 250 MB (README, operators). Left to itself on a
 * machine with gigabytes, V8 lets the heap grow to about four times what was live after each full
 * collection, so a process with 100 MB live held 170 MB of heap; with a 384 MB ceiling it grows by
 * about 1.35 times instead. The ceiling is well above what a replica keeps (about 50 MB at start, 17 KB
 * per open socket, the forums cache's 40 MB), and is where the process stops with an out-of-memory
 * error rather than swap. A young generation of 4 MB semi-spaces instead of 16 MB holds 24 MB less
 * and did not lower the forums bench's thread-page throughput (app/baseline 1.24 before, 1.31 after).
 */
const V8_OPTIONS = '--max-old-space-size=384 --max-semi-space-size=4';

/** The server's environment: these defaults under the operator's own, which win (in NODE_OPTIONS the last of a flag wins). */
function serverEnv(env) {
  return { ...MALLOC_ENV, ...env, NODE_OPTIONS: [V8_OPTIONS, env.NODE_OPTIONS].filter(Boolean).join(' ') };
}

module.exports = { MALLOC_ENV, V8_OPTIONS, serverEnv };
