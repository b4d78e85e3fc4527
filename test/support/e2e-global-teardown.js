// jest globalTeardown of the e2e project: removes what e2e-global-setup.js prepared.
const { rmSync } = require('node:fs');
const { Client } = require('pg');

module.exports = async () => {
  const snapshot = process.env.MN_TEST_PGLITE_SNAPSHOT;
  if (snapshot) rmSync(snapshot, { force: true });
  const contract = process.env.MN_CONTRACT_FOLDER;
  if (contract) rmSync(contract, { recursive: true, force: true });
  const template = process.env.MN_TEST_TEMPLATE_DATABASE;
  if (template && process.env.DATABASE_URL) {
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
};
