// The contract test: every answer the app gives while the e2e suites run is checked against the
// committed OpenAPI document (docs/openapi.json), by the route Fastify matched, its method and the
// status: a status the operation does not list, a body that does not match the documented schema,
// an error code the operation does not name, or an /api route the document lacks is a mismatch.
// startTestApp's close() fails the spec with every mismatch, naming the operation and the field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildContractValidators } from './contract-validators';

interface Validator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null;
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }> }>;
}

interface Contract {
  operations: Map<string, Operation>;
  validators: Record<string, Validator>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

let contract: Contract | null = null;

/** The document and its validators: compiled once per run by the e2e globalSetup (built here when a spec runs without it). */
function loadContract(): Contract {
  if (contract) return contract;
  const folder = process.env.MN_CONTRACT_FOLDER ?? buildContractValidators();
  const document = JSON.parse(readFileSync(join(folder, 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, Operation>> };
  const operations = new Map<string, Operation>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) if (item[method]) operations.set(`${method.toUpperCase()} ${path}`, item[method]);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module written at run time
  const validators = require(join(folder, 'validators.js')) as Record<string, Validator>;
  contract = { operations, validators };
  return contract;
}

/** Fastify's route '/api/v1/members/:id' as the document's '/api/v1/members/{id}'. */
const documentPath = (route: string) => route.replace(/:(\w+)/g, '{$1}');

function describeErrors(validator: Validator): string {
  return (validator.errors ?? [])
    .slice(0, 5)
    .map((error) => {
      const field = error.instancePath || '(body)';
      const extra = error.params?.additionalProperty ? ` \`${String(error.params.additionalProperty)}\`` : '';
      return `${field} ${error.message ?? 'is invalid'}${extra}`;
    })
    .join('; ');
}

function bodyText(payload: unknown): string | null {
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return null; // a stream (a download): its bytes are not JSON to check
}

function check(key: string, status: number, contentType: string, payload: unknown): string | null {
  const { operations, validators } = loadContract();
  const operation = operations.get(key);
  if (!operation) return `${key}: answered ${status}, but the document has no such operation`;
  const documented = operation.responses[String(status)] ?? (status >= 500 ? operation.responses.default : undefined);
  if (!documented) {
    const problem = contentType.includes('problem+json') ? ` (code \`${String(parse(bodyText(payload))?.code)}\`)` : '';
    return `${key}: answered ${status}${problem}, which the document does not list (it lists ${Object.keys(operation.responses).join(', ')})`;
  }
  const text = bodyText(payload);
  if (text === null) return null;
  if (!documented.content) {
    return text.length === 0 || status === 304 ? null : `${key} ${status}: answered a body where the document says there is none`;
  }
  if (contentType.includes('application/problem+json')) {
    const body = parse(text);
    if (!validators.Problem(body)) return `${key} ${status}: the problem does not match Problem: ${describeErrors(validators.Problem)}`;
    const codes = documented.content['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum;
    const code = (body as { code?: string }).code;
    if (codes && !codes.includes(code ?? '')) {
      return `${key} ${status}: answered code \`${code}\`, which is not among the documented codes (${codes.join(', ')})`;
    }
    return null;
  }
  if (!contentType.includes('application/json')) return null;
  const validator = validators[`${key} ${status}`];
  if (!documented.content['application/json'] || !validator)
    return `${key} ${status}: answered JSON where the document says ${Object.keys(documented.content).join(', ')}`;
  return validator(parse(text)) ? null : `${key} ${status}: the body does not match the documented schema: ${describeErrors(validator)}`;
}

function parse(text: string | null): Record<string, unknown> | null {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Checks every answer of `fastify` against the document; returns the mismatches seen so far
 * (each once). Add before the app listens.
 */
export function checkAnswersAgainstContract(fastify: FastifyInstance): () => string[] {
  const mismatches = new Set<string>();
  fastify.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (!route || request.method === 'HEAD' || request.method === 'OPTIONS') return payload;
    const path = documentPath(route);
    if (!path.startsWith('/api/v1/') && !path.startsWith('/health/') && path !== '/metrics') return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    const mismatch = check(`${request.method} ${path}`, reply.statusCode, contentType, payload);
    if (mismatch) mismatches.add(mismatch);
    return payload;
  });
  return () => [...mismatches];
}
