import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { errorCodes } from './error-catalogue';

const PROBLEM_RESPONSE = {
  description: 'Refused: application/problem+json whose `code` names the rule',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

function problemSchema() {
  return {
    type: 'object',
    description: 'Every error answer (RFC 9457). Clients branch on `code`, never on `detail`.',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', example: 'https://mutuals.network/problems/409' },
      title: { type: 'string', example: 'Conflict' },
      status: { type: 'integer', example: 409 },
      detail: { type: 'string', example: 'Capacity full: you already mentor as many mentees as you offered' },
      code: { type: 'string', enum: errorCodes(), description: 'The stable machine name of the refusal', example: 'capacityFull' },
      errors: {
        type: 'array',
        description: 'On 400: every bad field',
        items: {
          type: 'object',
          required: ['field', 'message'],
          properties: { field: { type: 'string', example: 'mentor.capacity' }, message: { type: 'string' } },
        },
      },
      requestId: { type: 'string', description: "The request's id in the server's logs" },
    },
  };
}

/** Objects with their keys sorted, so that the committed document changes only where the API does. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

/** The API's OpenAPI document, as served at /api/docs/openapi.json and committed as docs/openapi.json. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Mutuals Network API')
      .setDescription('Peer support and mentoring for Public Service Mutuals')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('sid')
      .build(),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: problemSchema() } };
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.put, path.post, path.delete, path.patch]) {
      if (operation) operation.responses = { ...operation.responses, default: PROBLEM_RESPONSE };
    }
  }
  return sortedKeys(document) as OpenAPIObject;
}
