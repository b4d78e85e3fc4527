import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { FilesErrors } from './files.errors';

/** An upload read from the request, never more than its limit. */
export interface ReceivedFile {
  filename: string;
  bytes: Buffer;
}

/** Reads the request's one file part; how many bytes it may hold is decided by the service. */
export type FileReader = (maxBytes: number) => Promise<ReceivedFile>;

const MIB = 1024 * 1024;
const describe = (bytes: number) => (bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`);

/**
 * Streams the `file` part of a multipart request into memory, stopping at `maxBytes`: a larger
 * file is refused while it arrives, and nothing beyond the limit is ever held.
 */
export function multipartFileReader(request: FastifyRequest): FileReader {
  return async (maxBytes) => {
    if (!request.isMultipart()) {
      throw FilesErrors.noFile('Send the file as multipart/form-data', [{ field: 'file', message: 'is required' }]);
    }
    const tooLarge = () =>
      FilesErrors.fileTooLarge(`The file is larger than the ${describe(maxBytes)} allowed here`, [
        { field: 'file', message: `must be at most ${describe(maxBytes)}` },
      ]);
    try {
      const part = await request.file({ limits: { fileSize: maxBytes, files: 1, parts: 3, fieldSize: 1024 } });
      if (!part || part.fieldname !== 'file') {
        throw FilesErrors.noFile('Send the file in a multipart field named file', [{ field: 'file', message: 'is required' }]);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) throw tooLarge();
        chunks.push(chunk as Buffer);
      }
      if (part.file.truncated) throw tooLarge();
      return { filename: part.filename ?? 'file', bytes: Buffer.concat(chunks, size) };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      if (typeof code === 'string' && code.startsWith('FST_')) {
        throw FilesErrors.noFile('The multipart body could not be read', [{ field: 'file', message: (error as Error).message }]);
      }
      throw error;
    }
  };
}
