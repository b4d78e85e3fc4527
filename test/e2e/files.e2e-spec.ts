import request from 'supertest';
import sharp from 'sharp';
import { createMember, type TestMember } from '../support/factories';
import { EXECUTABLE, SCRIPT_PAYLOAD, SVG_WITH_SCRIPT, fetchFile, jpeg, pdf, png, pngBomb, pngHtmlPolyglot, upload, uploaded } from '../support/files';
import { TestApp, startTestApp } from '../support/test-app';

describe('files: uploads and downloads', () => {
  let t: TestApp;
  let member: TestMember;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false, env: { FILES_QUOTA_BYTES: String(3 * 1024 * 1024) } });
    member = await createMember(t);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('what is stored is detected from the content and re-encoded', () => {
    it('re-encodes a photo and drops its EXIF and GPS', async () => {
      const original = await jpeg(800, 600, { gps: true });
      expect((await sharp(original).metadata()).exif).toBeDefined();
      const file = await uploaded(t, member, 'attachment', original, 'holiday.jpg');
      expect(file).toMatchObject({ contentType: 'image/webp', kind: 'image', name: 'holiday.webp', width: 800, height: 600 });
      const served = await fetchFile(t, member, file.url).expect(200);
      const metadata = await sharp(served.body as Buffer).metadata();
      expect(metadata.format).toBe('webp');
      expect(metadata.exif).toBeUndefined();
      expect((served.body as Buffer).includes(Buffer.from('GPS'))).toBe(false);
      expect((served.body as Buffer).includes(Buffer.from('PhoneCo'))).toBe(false);
    });

    it('stores a PNG that carries an HTML page as a clean image without the page', async () => {
      const file = await uploaded(t, member, 'attachment', await pngHtmlPolyglot(), 'cat.png');
      const served = await fetchFile(t, member, file.url).expect(200);
      expect(served.headers['content-type']).toBe('image/webp');
      expect((served.body as Buffer).includes(Buffer.from('<script>'))).toBe(false);
    });

    it('ignores a wrong extension and header: a PDF named .png is a PDF, served only as a download', async () => {
      const file = await uploaded(t, member, 'attachment', pdf(), 'photo.png');
      expect(file).toMatchObject({ contentType: 'application/pdf', kind: 'document', name: 'photo.pdf' });
      const served = await fetchFile(t, member, file.url).expect(200);
      expect(served.headers['content-disposition']).toMatch(/^attachment; filename="photo.pdf"/);
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['content-security-policy']).toContain('sandbox');
    });

    it('refuses an executable named like an image, and an SVG or HTML page with a script', async () => {
      for (const [bytes, name, type] of [
        [EXECUTABLE, 'invoice.png', 'image/png'],
        [SVG_WITH_SCRIPT, 'logo.svg', 'image/svg+xml'],
        [Buffer.from(SCRIPT_PAYLOAD), 'notes.txt', 'text/plain'],
      ] as const) {
        const response = await request(t.url).post('/api/v1/files').query({ purpose: 'attachment' }).set(member.auth).attach('file', bytes, { filename: name, contentType: type });
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ code: 'unsupportedType', errors: [{ field: 'file' }] });
      }
    });

    it('refuses a decompression bomb from its header, before decoding it', async () => {
      const bomb = pngBomb();
      expect(bomb.length).toBeLessThan(200_000);
      const started = Date.now();
      const response = await upload(t, member, 'attachment', bomb, 'bomb.png').expect(413);
      expect(response.body.code).toBe('imageTooLarge');
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('refuses a zero-byte file', async () => {
      const response = await upload(t, member, 'attachment', Buffer.alloc(0), 'empty.pdf').expect(400);
      expect(response.body).toMatchObject({ code: 'emptyFile', errors: [{ field: 'file' }] });
    });

    it('refuses a body over the limit of its use while it streams', async () => {
      const response = await upload(t, member, 'avatar', Buffer.alloc(2 * 1024 * 1024 + 1, 'a'), 'big.jpg');
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('fileTooLarge');
    });

    it('refuses a document as an avatar, and a request without a file', async () => {
      expect((await upload(t, member, 'avatar', pdf(), 'me.pdf').expect(400)).body.code).toBe('unsupportedType');
      const bare = await request(t.url).post('/api/v1/files').query({ purpose: 'attachment' }).set(member.auth).send({}).expect(400);
      expect(bare.body.code).toBe('noFile');
      const badPurpose = await upload(t, member, 'banner' as 'avatar', await png(), 'x.png').expect(400);
      expect(badPurpose.body.errors).toEqual([expect.objectContaining({ field: 'purpose' })]);
    });
  });

  describe('downloads', () => {
    it('serves immutable bytes with an ETag, answers If-None-Match with 304 and a range with 206', async () => {
      const bytes = pdf('A business case outline for a spin-out');
      const file = await uploaded(t, member, 'attachment', bytes, 'outline.pdf');
      expect(file.url).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}\/[0-9a-f]{64}$/);
      const whole = await fetchFile(t, member, file.url).expect(200);
      expect(whole.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(whole.headers['accept-ranges']).toBe('bytes');
      expect(Buffer.compare(whole.body as Buffer, bytes)).toBe(0);
      await fetchFile(t, member, file.url, { 'If-None-Match': whole.headers.etag! }).expect(304);
      const part = await fetchFile(t, member, file.url, { Range: 'bytes=0-7' }).expect(206);
      expect(part.headers['content-range']).toBe(`bytes 0-7/${bytes.length}`);
      expect((part.body as Buffer).toString('latin1')).toBe('%PDF-1.4');
      const tail = await fetchFile(t, member, file.url, { Range: 'bytes=-6' }).expect(206);
      expect((tail.body as Buffer).toString('latin1')).toBe('%%EOF\n');
      await fetchFile(t, member, file.url, { Range: `bytes=${bytes.length}-` }).expect(416);
    });

    it('answers 404 for a hash that is not the content, and to a signed-out visitor', async () => {
      const file = await uploaded(t, member, 'attachment', pdf(), 'a.pdf');
      await fetchFile(t, member, file.url.replace(/[0-9a-f]{64}$/, '0'.repeat(64))).expect(404);
      await fetchFile(t, null, file.url).expect(404);
    });

    it('shows a draft to its uploader only', async () => {
      const file = await uploaded(t, member, 'attachment', pdf(), 'draft.pdf');
      await fetchFile(t, await createMember(t), file.url).expect(404);
    });
  });

  describe('quota', () => {
    it('refuses an upload that would take a member over their quota', async () => {
      const hoarder = await createMember(t);
      const big = Buffer.concat([pdf(), Buffer.alloc(1024 * 1024, ' ')]);
      await uploaded(t, hoarder, 'attachment', big, 'one.pdf');
      await uploaded(t, hoarder, 'attachment', big, 'two.pdf');
      const third = await upload(t, hoarder, 'attachment', big, 'three.pdf').expect(403);
      expect(third.body.code).toBe('quotaExceeded');
    });
  });
});
