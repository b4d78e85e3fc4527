import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The committed API descriptions (docs/openapi.json, docs/asyncapi.json), served as they are:
 * `npm run openapi` writes them from the code and CI's `openapi:check` keeps them equal to it.
 * Beside the sources they are in docs/; the build copies them into dist/docs.
 */
const DOCS_FOLDER = resolve(__dirname, '../../../docs');

export const API_DOCUMENTS = ['openapi.json', 'asyncapi.json'] as const;

/** Each committed document that is present, by file name. */
export function readApiDocuments(): Map<string, Buffer> {
  const documents = new Map<string, Buffer>();
  for (const name of API_DOCUMENTS) {
    const path = join(DOCS_FOLDER, name);
    if (existsSync(path)) documents.set(name, readFileSync(path));
  }
  return documents;
}
