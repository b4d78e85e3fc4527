import { S3Client } from '@aws-sdk/client-s3';
import type { EntityManager } from 'typeorm';
import { S3FileStorage } from './s3-storage';

/** An S3 client whose requests are captured instead of sent: no network, no server. */
function capturingClient(answer: { status?: number; body?: string } = {}) {
  const requests: {
    method: string;
    hostname: string;
    port?: number;
    path: string;
    query: Record<string, unknown>;
    headers: Record<string, string>;
    body: unknown;
  }[] = [];
  const client = new S3Client({
    endpoint: 'https://minio.internal:9000',
    region: 'eu-west-2',
    forcePathStyle: true,
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
    requestHandler: {
      handle: async (request: (typeof requests)[number]) => {
        requests.push(request);
        const { Readable } = await import('node:stream');
        return { response: { statusCode: answer.status ?? 200, headers: {}, body: Readable.from([Buffer.from(answer.body ?? '')]) } };
      },
    },
  });
  return { client, requests };
}

const location = {
  endpoint: 'https://minio.internal:9000',
  bucket: 'uploads',
  prefix: 'mutuals/',
  region: 'eu-west-2',
  credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
  forcePathStyle: true,
};
const noTransaction = {} as EntityManager;

describe('S3FileStorage', () => {
  it('puts the bytes under <prefix>files/<id> with their type and length, signed', async () => {
    const { client, requests } = capturingClient();
    await new S3FileStorage(location, client).put(noTransaction, 'f1', Buffer.from('%PDF-1.4'), 'application/pdf');
    expect(requests).toHaveLength(1);
    const [put] = requests;
    expect(put).toMatchObject({ method: 'PUT', hostname: 'minio.internal', port: 9000, path: '/uploads/mutuals/files/f1' });
    expect(put!.headers['content-type']).toBe('application/pdf');
    expect(put!.headers['content-length']).toBe('8');
    expect(put!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKID\/\d{8}\/eu-west-2\/s3\/aws4_request/);
  });

  it('reads a range with a Range header, and the whole object without one', async () => {
    const { client, requests } = capturingClient({ status: 206, body: 'PDF' });
    const storage = new S3FileStorage(location, client);
    expect((await storage.read('f1', { start: 1, end: 3 })).toString()).toBe('PDF');
    await storage.read('f1');
    expect(requests.map((r) => [r.method, r.path, r.headers.range])).toEqual([
      ['GET', '/uploads/mutuals/files/f1', 'bytes=1-3'],
      ['GET', '/uploads/mutuals/files/f1', undefined],
    ]);
  });

  it('deletes many objects in one request, and nothing for an empty list', async () => {
    const { client, requests } = capturingClient({ body: '<DeleteResult></DeleteResult>' });
    const storage = new S3FileStorage(location, client);
    await storage.remove([]);
    await storage.remove(['a', 'b']);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/uploads/' });
    expect(requests[0]!.query).toHaveProperty('delete');
    expect(String(requests[0]!.body)).toContain('<Key>mutuals/files/a</Key>');
  });
});
