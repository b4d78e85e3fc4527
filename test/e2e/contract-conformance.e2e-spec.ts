import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { buildContractValidators } from '../support/contract-validators';
import { startTestApp } from '../support/test-app';

// The contract test itself (test/support/contract-conformance.ts): an answer that the document
// does not describe fails the spec that saw it, when it closes its app.
describe('the contract test', () => {
  const committed = process.env.MN_CONTRACT_FOLDER;
  const scratch = mkdtempSync(join(tmpdir(), 'mn-contract-probe-'));
  afterAll(() => {
    process.env.MN_CONTRACT_FOLDER = committed;
    rmSync(scratch, { recursive: true, force: true });
  });

  it('names each operation whose answer differs from the document, and what differs', async () => {
    // The committed document, but GET /me no longer lists notSignedIn and GET /taxonomy promises a field it never sends.
    const document = JSON.parse(readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8'));
    document.paths['/api/v1/me'].get.responses['401'].content['application/problem+json'].schema.allOf[1].properties.code.enum = [
      'unauthenticated',
    ];
    document.paths['/api/v1/taxonomy'].get.responses['200'].content['application/json'].schema = { type: 'object', required: ['flavours'] };
    // Only the two operations this spec calls, so that compiling their validators takes little time.
    document.paths = { '/api/v1/me': document.paths['/api/v1/me'], '/api/v1/taxonomy': document.paths['/api/v1/taxonomy'] };
    writeFileSync(join(scratch, 'openapi.json'), JSON.stringify(document));
    process.env.MN_CONTRACT_FOLDER = buildContractValidators(join(scratch, 'openapi.json'));

    const t = await startTestApp();
    await request(t.url).get('/api/v1/me').expect(401);
    await request(t.url).get('/api/v1/taxonomy').expect(200);
    const closing = t.close();
    await expect(closing).rejects.toThrow(
      /GET \/api\/v1\/me 401: answered code `notSignedIn`, which is not among the documented codes \(unauthenticated\)/,
    );
    await expect(closing).rejects.toThrow(
      /GET \/api\/v1\/taxonomy 200: the body does not match the documented schema: \(body\) must have required property 'flavours'/,
    );
  });
});
