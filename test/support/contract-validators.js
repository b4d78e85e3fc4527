// The contract test's validators, compiled once per e2e run (jest's globalSetup) from the
// committed docs/openapi.json: one ajv function per operation and answer status, written as a
// standalone module that every spec requires instead of compiling the schemas again. The document
// is copied beside it, so that a run checks against one document even if docs/ changes meanwhile.
const { mkdtempSync, readFileSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const standaloneCode = require('ajv/dist/standalone').default;

const DOCUMENT = join(__dirname, '../../docs/openapi.json');
const DOCUMENT_ID = 'mn:openapi';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** A JSON Pointer segment (RFC 6901). */
const pointer = (segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * "GET /api/v1/members/{id} 200" -> the JSON schema of that success answer's body; "Problem" ->
 * the schema of every error answer (the spec checks each answer's code against its operation's list).
 */
function answerSchemas(document) {
  const schemas = { Problem: `${DOCUMENT_ID}#/components/schemas/Problem` };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      for (const [status, response] of Object.entries(item[method]?.responses ?? {})) {
        for (const mediaType of Object.keys(response.content ?? {})) {
          if (mediaType !== 'application/json') continue;
          const location = ['paths', path, method, 'responses', status, 'content', mediaType, 'schema'].map(pointer).join('/');
          schemas[`${method.toUpperCase()} ${path} ${status}`] = `${DOCUMENT_ID}#/${location}`;
        }
      }
    }
  }
  return schemas;
}

/** Writes validators.js and openapi.json (of `documentPath`, the committed one by default) into a new folder; returns the folder. */
function buildContractValidators(documentPath = DOCUMENT) {
  const text = readFileSync(documentPath, 'utf8');
  const document = JSON.parse(text);
  // strict: false, for the document's own keywords around the schemas (paths, example...).
  const ajv = new Ajv2020({ strict: false, allErrors: true, code: { source: true, lines: false } });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  const folder = mkdtempSync(join(tmpdir(), 'mn-contract-'));
  writeFileSync(join(folder, 'validators.js'), standaloneCode(ajv, answerSchemas(document)));
  writeFileSync(join(folder, 'openapi.json'), text);
  return folder;
}

module.exports = { buildContractValidators };
