import { deflateRawSync } from 'node:zlib';
import { detectType, downloadName } from './content-type';

/** A zip whose entries are stored with their sizes in the local headers, as Office writes them. */
function zip(entries: [name: string, content: string][]): Buffer {
  return Buffer.concat(
    entries.map(([name, content]) => {
      const data = deflateRawSync(Buffer.from(content));
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(8, 8);
      header.writeUInt32LE(data.length, 18);
      header.writeUInt32LE(content.length, 22);
      header.writeUInt16LE(name.length, 26);
      return Buffer.concat([header, Buffer.from(name), data]);
    }),
  );
}

describe('detectType', () => {
  it('knows the images and documents accepted, by their bytes', () => {
    expect(detectType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ kind: 'image', format: 'jpeg' });
    expect(detectType(Buffer.from('GIF89a...'))).toEqual({ kind: 'image', format: 'gif' });
    expect(detectType(Buffer.from('%PDF-1.7\n'))).toMatchObject({ contentType: 'application/pdf' });
    expect(
      detectType(
        zip([
          ['[Content_Types].xml', '<Types/>'],
          ['word/document.xml', '<w:document/>'],
        ]),
      ),
    ).toMatchObject({ extension: 'docx' });
    expect(
      detectType(
        zip([
          ['[Content_Types].xml', '<Types/>'],
          ['xl/workbook.xml', '<workbook/>'],
        ]),
      ),
    ).toMatchObject({ extension: 'xlsx' });
    expect(detectType(Buffer.from('# TUPE checklist\n\n- [ ] Measures letter\n'))).toMatchObject({
      contentType: 'text/plain; charset=utf-8',
    });
  });

  it('refuses markup, executables, bare zips and binary noise', () => {
    for (const bytes of [
      Buffer.from('<!DOCTYPE html><script>alert(1)</script>'),
      Buffer.from('\uFEFF  <svg onload="alert(1)"/>'),
      Buffer.from('<?xml version="1.0"?><svg/>'),
      Buffer.from('MZ\x90\x00\x03'),
      Buffer.from('\x7fELF\x02\x01'),
      zip([['payload.exe', 'MZ']]),
      Buffer.from([0xc3, 0x28, 0x41]),
      Buffer.from('text\x00with a NUL'),
    ]) {
      expect(detectType(bytes)).toBeNull();
    }
  });
});

describe('downloadName', () => {
  it('takes the detected type’s extension and drops path and control characters', () => {
    expect(downloadName('../../etc/passwd.pdf', { kind: 'document', contentType: 'application/pdf', extension: 'pdf' })).toBe(
      '....etcpasswd.pdf',
    );
    expect(downloadName('holiday.jpg', { kind: 'image', format: 'jpeg' })).toBe('holiday.webp');
    expect(downloadName('budget.csv', { kind: 'document', contentType: 'text/plain; charset=utf-8', extension: 'txt' })).toBe('budget.csv');
    expect(downloadName('report.exe', { kind: 'document', contentType: 'application/pdf', extension: 'pdf' })).toBe('report.pdf');
  });
});
