// jest globalSetup of the e2e project: migrates one database for the whole run (see
// prepare-test-databases.ts) and tells the specs, which inherit this environment, where it is.
// Each spec then clones the template database or loads the PGlite snapshot instead of migrating.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { buildContractValidators } = require('./contract-validators');

module.exports = async () => {
  const root = join(__dirname, '../..');
  const output = execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'prepare-test-databases.ts')],
    { cwd: root, env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const prepared = JSON.parse(output.toString().trim().split('\n').pop());
  if (prepared.templateDatabase) process.env.MN_TEST_TEMPLATE_DATABASE = prepared.templateDatabase;
  if (prepared.pgliteSnapshot) process.env.MN_TEST_PGLITE_SNAPSHOT = prepared.pgliteSnapshot;
  // The contract test's validators (test/support/contract-conformance.ts), compiled once for every spec.
  process.env.MN_CONTRACT_FOLDER = buildContractValidators();
};
