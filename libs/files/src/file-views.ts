import type { FileView } from '@mutuals/contracts';
import type { FileRow } from './files.repository';

export const FILES_PATH = '/api/v1/files';

/** The download URL carries the content's hash: a new content is a new URL, so caches never go stale. */
export const fileUrl = (row: Pick<FileRow, 'id' | 'sha256'>) => `${FILES_PATH}/${row.id}/${row.sha256}`;

export function toFileView(row: FileRow): FileView {
  return {
    id: row.id,
    url: fileUrl(row),
    name: row.name,
    contentType: row.content_type,
    kind: row.content_type.startsWith('image/') ? 'image' : 'document',
    size: row.size,
    width: row.width,
    height: row.height,
    alt: row.alt,
  };
}
