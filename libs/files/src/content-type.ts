// The type of an upload, read from its first bytes: never from its name or the client's header.
// A small allow-list detected here rather than with file-type, whose current versions are ESM-only
// (the api and jest run CommonJS) and which would recognise hundreds of formats we refuse anyway.

export type DetectedType =
  { kind: 'image'; format: 'jpeg' | 'png' | 'gif' | 'webp' } | { kind: 'document'; contentType: string; extension: string };

const startsWith = (bytes: Buffer, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

const OOXML: [folder: string, contentType: string, extension: string][] = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
];

const OPEN_DOCUMENT: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/** The names of the entries of a zip archive, read from its local file headers. */
function zipEntryNames(bytes: Buffer): string[] {
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= bytes.length && bytes.readUInt32LE(at) === 0x04034b50 && names.length < 2000) {
    const compressed = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extraLength = bytes.readUInt16LE(at + 28);
    names.push(ascii(bytes, at + 30, at + 30 + nameLength));
    // A data descriptor (bit 3) leaves the size unknown here; the names seen so far must do.
    if (bytes.readUInt16LE(at + 6) & 0x08) break;
    at += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

function officeDocument(bytes: Buffer): DetectedType | null {
  const names = zipEntryNames(bytes);
  // OpenDocument: an uncompressed first entry named "mimetype" holding the type.
  if (names[0] === 'mimetype') {
    const type = ascii(bytes, 38, 38 + 60).replace(/[^\w./-].*$/s, '');
    const extension = OPEN_DOCUMENT[type];
    if (extension) return { kind: 'document', contentType: type, extension };
  }
  if (!names.includes('[Content_Types].xml')) return null;
  for (const [folder, contentType, extension] of OOXML) {
    if (names.some((name) => name.startsWith(folder))) return { kind: 'document', contentType, extension };
  }
  return null;
}

/** Markup a browser might render or run, even when served as text. */
const MARKUP = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|object|embed|meta|link|style|img)\b/i;

function plainText(bytes: Buffer): DetectedType | null {
  if (bytes.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Control characters other than tab, newline, carriage return and form feed mean binary data.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) return null;
  }
  if (MARKUP.test(text.replace(/^\uFEFF/, ''))) return null;
  return { kind: 'document', contentType: 'text/plain; charset=utf-8', extension: 'txt' };
}

/**
 * Images (re-encoded before they are stored), PDF, Office and OpenDocument files, and plain UTF-8
 * text (Markdown, CSV). Everything else, HTML, SVG and executables among it, answers null.
 */
export function detectType(bytes: Buffer): DetectedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', format: 'png' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { kind: 'image', format: 'gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'image', format: 'webp' };
  if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'document', contentType: 'application/pdf', extension: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeDocument(bytes);
  return plainText(bytes);
}

/** Text keeps a Markdown or CSV extension the member gave it; everything else takes the detected one. */
export function downloadName(given: string, type: DetectedType, imageExtension = 'webp'): string {
  const cleaned = given
    .normalize('NFC')
    .replace(/[\p{Cc}"\\/<>:|?*]/gu, '')
    .trim()
    .slice(0, 200);
  const dot = cleaned.lastIndexOf('.');
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned) || 'file';
  const givenExtension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  if (type.kind === 'image') return `${stem}.${imageExtension}`;
  if (type.extension === 'txt' && ['md', 'markdown', 'csv', 'txt'].includes(givenExtension)) return `${stem}.${givenExtension}`;
  return `${stem}.${type.extension}`;
}
