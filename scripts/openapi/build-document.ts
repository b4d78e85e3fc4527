// The API's OpenAPI 3.1 document, built from the app: @nestjs/swagger gives the paths, parameters
// and tags; each controller method's @Endpoint gives its summary, its answer's type and its own
// refusals; the route's guards give its security and the refusals they imply; the types become
// JSON Schemas generated from @mutuals/contracts. Anything undescribed is listed, not guessed.
import type { INestApplication, Type } from '@nestjs/common';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ENDPOINT_DOC, GenericErrors, STATUS_OF_KIND, type EndpointDoc, type ErrorFactory } from '@mutuals/core';
import { IdentityErrors } from '@mutuals/identity';
import { ALLOW_PENDING, NO_API_TOKENS, PUBLIC_ROUTE, REQUIRED_ROLES } from '../../libs/identity/src/auth/auth.decorators';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../libs/identity/src/auth/cookies';
import { buildAsyncApiDocument } from './build-asyncapi';
import { contractSchemas, type JsonSchema } from './contract-schemas';
import { dtoContracts } from './dto-contracts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const UNSAFE = new Set(['put', 'post', 'delete', 'patch']);
const PROBLEM_JSON = 'application/problem+json';

/** What each tag groups, shown as the document's sections. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  identity: 'Registration, sign-in (password or an organisation’s identity provider) and sessions',
  accounts: "The member's own account: recovery, email, password, export and deletion",
  profiles: 'Member profiles, the directory, the taxonomy and the eligibility check',
  organisations: 'Organisations and requests to join them',
  mentoring: 'Mentoring requests, mentorships and the pair’s care (meetings, agreement, check-ins)',
  forums: 'Forum categories, threads, posts, reactions and flags',
  chat: 'Conversations and messages (the same as the chat:* socket events)',
  notifications: 'The in-app feed and notification preferences',
  files: 'Uploads, downloads, avatars and logos',
  resources: 'The resource library of guides and templates',
  mail: 'Unsubscribing from mail by a signed link',
  admin: 'Coordinator tools: approvals, matching rounds, the pairs’ care, the mail outbox',
  'forums admin': 'Coordinator tools for the forums: categories, pins and locks, the flag queue',
  partnerships: 'Partnership opportunities between mutuals and VCSE organisations, pitches, the shortlist, capability profiles and the console’s figures',
  operations: 'Health and metrics for operators',
  'api tokens': 'Personal API tokens: made, listed and revoked by their owner on the website; coordinators see and revoke anyone’s',
  webhooks: 'Coordinators’ webhooks: signed deliveries of domain events to HTTPS endpoints, their log and redelivery',
  stories: 'Success stories: writing, consent, review and the public showcase (feed, sitemap)',
  support: 'The support programme: applying for funded professional advice, and the advisers delivering it',
  'support admin': 'Coordinator tools for the support programme: the queue, the rubric, decisions, the fund and delivery partners',
};

/** A problem named in the operation's own terms: which operation, and what to add. */
export class UndescribedOperations extends Error {}

interface Handler {
  controller: Type;
  method: string;
  doc: EndpointDoc | undefined;
  flag(key: string): unknown;
  argTypes: Set<number>;
}

/** operationId (Nest's `<Controller>_<method>`) -> the controller method behind it. */
function handlersOf(app: INestApplication): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const target = controller.prototype[method];
        if (method === 'constructor' || typeof target !== 'function') continue;
        const routeArgs = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, unknown>;
        handlers.set(`${controller.name}_${method}`, {
          controller,
          method,
          doc: Reflect.getMetadata(ENDPOINT_DOC, target),
          flag: (key) => Reflect.getMetadata(key, target) ?? Reflect.getMetadata(key, controller),
          argTypes: new Set(Object.keys(routeArgs).map((key) => Number(key.split(':')[0]))),
        });
      }
    }
  }
  return handlers;
}

/** The refusals a route's decorators and the request pipeline imply, beyond those it names. */
function impliedErrors(handler: Handler, httpMethod: string, validated: boolean): ErrorFactory[] {
  const errors: ErrorFactory[] = [];
  const unsafe = UNSAFE.has(httpMethod);
  const isPublic = handler.flag(PUBLIC_ROUTE) === true;
  if (validated) errors.push(GenericErrors.validationFailed);
  if (unsafe)
    errors.push(
      GenericErrors.invalidJson,
      GenericErrors.crossSiteRequest,
      GenericErrors.payloadTooLarge,
      GenericErrors.unsupportedMediaType,
    );
  if (!isPublic) errors.push(IdentityErrors.notSignedIn);
  if (!isPublic && unsafe) errors.push(IdentityErrors.badCsrfToken);
  if (!isPublic && unsafe && handler.flag(ALLOW_PENDING) !== true) errors.push(IdentityErrors.awaitingApproval);
  if (!isPublic && handler.flag(REQUIRED_ROLES)) errors.push(IdentityErrors.coordinatorsOnly);
  // A personal API token is refused here whatever its scopes, or held to its scopes and its own rate limit.
  if (!isPublic && handler.flag(NO_API_TOKENS) === true) errors.push(IdentityErrors.apiTokenNotAllowed);
  if (!isPublic && handler.flag(NO_API_TOKENS) !== true) errors.push(IdentityErrors.insufficientScope, GenericErrors.rateLimited);
  return errors;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
};

/** One problem+json answer per status, its `code` limited to the codes the operation can return there. */
function errorResponses(errors: readonly ErrorFactory[]): Record<string, ResponseObject> {
  const codesByStatus = new Map<number, Set<string>>();
  for (const error of errors) {
    const status = STATUS_OF_KIND[error.kind];
    if (status >= 500) continue;
    codesByStatus.set(status, (codesByStatus.get(status) ?? new Set()).add(error.code));
  }
  const responses: Record<string, ResponseObject> = {};
  for (const [status, codeSet] of [...codesByStatus].sort(([a], [b]) => a - b)) {
    const codes = [...codeSet].sort();
    responses[String(status)] = {
      description: `${STATUS_TEXT[status] ?? 'Refused'}: ${codes.map((code) => `\`${code}\``).join(', ')}`,
      content: {
        [PROBLEM_JSON]: {
          schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { required: ['code'], properties: { code: { enum: codes } } }] },
          example: {
            type: `https://mutuals.network/problems/${status}`,
            title: STATUS_TEXT[status] ?? 'Refused',
            status,
            detail: 'What was refused, in words for people (clients branch on code)',
            code: codes[0],
            requestId: 'c0a8012e-7f3b-4d5e-9a61-2b4c6d8e0f13',
          },
        },
      },
    };
  }
  responses.default = {
    description: 'Unexpected failure: 500 `internal`, or 503 `unavailable` with Retry-After while the database is unreachable',
    content: { [PROBLEM_JSON]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  return responses;
}

function securityOf(handler: Handler, httpMethod: string): OperationObject['security'] {
  if (handler.flag(PUBLIC_ROUTE) === true) return [];
  const session: Record<string, string[]>[] = UNSAFE.has(httpMethod)
    ? [{ session: [], csrf: [] }, { bearer: [] }]
    : [{ session: [] }, { bearer: [] }];
  if (handler.flag(NO_API_TOKENS) === true) return session;
  const scope = handler.flag(REQUIRED_ROLES) ? 'admin' : UNSAFE.has(httpMethod) ? 'write' : 'read';
  return [...session, { apiToken: [scope] }];
}

/** Path parameters the template names that Nest did not list (a pipe-less @Param()). */
function withPathParameters(path: string, parameters: ParameterObject[]): ParameterObject[] {
  const listed = new Set(parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name));
  const missing = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).filter((name) => !listed.has(name));
  return [...parameters, ...missing.map((name) => ({ name, in: 'path' as const, required: true, schema: { type: 'string' as const } }))];
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

/** The schemas `root` refers to, directly or through each other; the rest (the DTO classes Nest described) go. */
function reachedFrom(root: unknown, schemas: Record<string, unknown>): Record<string, unknown> {
  const reached = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')) {
        const name = inner.slice('#/components/schemas/'.length);
        if (!reached.has(name)) {
          reached.add(name);
          visit(schemas[name]);
        }
      } else visit(inner);
    }
  };
  visit(root);
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name)));
}

/** An example that does not match its own schema would teach readers a wrong answer: refused like a missing description. */
function refuseWrongExamples(document: OpenAPIObject, pending: Pending[]): void {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: 'mn:openapi' });
  const wrong: string[] = [];
  for (const { path, httpMethod, doc, successStatuses } of pending) {
    if (doc.example === undefined) continue;
    const pointer = ['paths', path, httpMethod, 'responses', successStatuses[0], 'content', 'application/json', 'schema']
      .map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const validate = ajv.getSchema(`mn:openapi#/${pointer}`)!;
    if (!validate(doc.example)) {
      wrong.push(`${httpMethod.toUpperCase()} ${path}: the example does not match \`${doc.response}\`: ${ajv.errorsText(validate.errors)}`);
    }
  }
  if (wrong.length > 0) throw new UndescribedOperations(`Wrong examples in @Endpoint:\n${wrong.map((line) => `  - ${line}`).join('\n')}`);
}

interface Pending {
  path: string;
  httpMethod: string;
  operation: OperationObject;
  handler: Handler;
  doc: EndpointDoc;
  successStatuses: string[];
  bodyType: string | null;
}

/**
 * The OpenAPI document and the AsyncAPI document of the socket events; throws
 * UndescribedOperations listing every operation that lacks a description.
 */
export function buildApiDocuments(app: INestApplication): { openapi: OpenAPIObject; asyncapi: Record<string, unknown> } {
  const skeleton = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Mutuals Network API')
      .setDescription(
        'Peer support and mentoring for Public Service Mutuals. Every error answer is `application/problem+json` ' +
          'with a stable `code`; clients branch on it, never on `detail`. Lists take `?limit=&cursor=` and answer ' +
          '`{ items, nextCursor }`. Live updates arrive over socket.io on the same origin: their events are ' +
          'described by the AsyncAPI document at /api/docs/asyncapi.json (docs/asyncapi.json).',
      )
      .setVersion('1')
      .setLicense('Proprietary (UNLICENSED)', '')
      .addServer('http://localhost:3000', 'A local `npm start`; in production, the site’s PUBLIC_URL')
      .build(),
  );
  const handlers = handlersOf(app);
  const dtos = dtoContracts();
  const missing: string[] = [];
  const pending: Pending[] = [];

  for (const [path, item] of Object.entries(skeleton.paths)) {
    for (const httpMethod of METHODS) {
      const operation = item[httpMethod];
      if (!operation) continue;
      const name = `${httpMethod.toUpperCase()} ${path}`;
      const handler = handlers.get(operation.operationId ?? '');
      if (!handler) {
        missing.push(`${name}: no controller method found for operationId ${operation.operationId}`);
        continue;
      }
      const where = `${name} (${handler.controller.name}.${handler.method})`;
      const doc = handler.doc;
      if (!doc) {
        missing.push(`${where}: no @Endpoint({ summary, response, errors }) from @mutuals/core`);
        continue;
      }
      if (!doc.summary?.trim()) missing.push(`${where}: @Endpoint has an empty summary`);
      if (!operation.tags?.length) missing.push(`${where}: no tag: put @ApiTags('<area>') on ${handler.controller.name}`);
      let bodyType: string | null = null;
      const jsonBody =
        operation.requestBody && 'content' in operation.requestBody ? operation.requestBody.content['application/json'] : undefined;
      // A JSON body read by @Body(), or declared with @ApiBody for a guard that reads it (sign-in).
      if ((handler.argTypes.has(RouteParamtypes.BODY) && !operation.requestBody) || jsonBody) {
        const ref = (jsonBody?.schema as { $ref?: string } | undefined)?.$ref;
        const dto = ref?.split('/').pop();
        bodyType = doc.body ?? (dto ? (dtos.get(dto) ?? null) : null);
        if (!bodyType) {
          missing.push(
            `${where}: the request body's type is unknown: make ${dto ?? 'its @Body() DTO class'} \`implements\` a @mutuals/contracts type, or name it in @Endpoint({ body })`,
          );
          continue;
        }
      }
      const successStatuses =
        doc.status !== undefined
          ? [doc.status].flat().map(String)
          : [Object.keys(operation.responses).find((status) => status.startsWith('2')) ?? '200'];
      pending.push({ path, httpMethod, operation, handler, doc, successStatuses, bodyType });
    }
  }
  if (missing.length > 0) {
    throw new UndescribedOperations(
      `${missing.length} operation(s) are not described well enough for the OpenAPI document ` +
        `(see "Describing an endpoint" in the README):\n${missing.map((line) => `  - ${line}`).join('\n')}`,
    );
  }

  const expressions = new Map<string, string>([
    ['Problem', 'Problem'],
    ['server socket events', 'ServerSocketEvents'],
    ['client socket events', 'ClientSocketEvents'],
  ]);
  for (const entry of pending) {
    const key = `${entry.httpMethod.toUpperCase()} ${entry.path}`;
    if (entry.doc.response && !entry.doc.produces) expressions.set(`${key} response`, entry.doc.response);
    if (entry.bodyType) expressions.set(`${key} body`, entry.bodyType);
  }
  const schemas = contractSchemas(expressions);

  for (const { path, httpMethod, operation, handler, doc, successStatuses, bodyType } of pending) {
    const key = `${httpMethod.toUpperCase()} ${path}`;
    const parameters = withPathParameters(path, (operation.parameters ?? []) as ParameterObject[]);
    const validated = parameters.length > 0 || bodyType !== null || operation.requestBody !== undefined;
    const success: ResponseObject = { description: doc.response ? `\`${doc.response}\`` : 'Done; no body' };
    if (doc.produces) {
      success.content = {
        [doc.produces]: { schema: { type: 'string', ...(doc.produces.startsWith('text/') ? {} : { format: 'binary' }) } },
      };
      success.description = doc.produces;
    } else if (doc.response) {
      success.content = {
        'application/json': { schema: schemas.byKey.get(`${key} response`), ...(doc.example !== undefined && { example: doc.example }) },
      };
    }
    if (successStatuses[0].startsWith('3')) {
      success.description = 'Redirect';
      success.headers = { Location: { description: 'Where to go next', schema: { type: 'string' } } };
    }
    item(skeleton, path)[httpMethod] = {
      operationId: operation.operationId,
      summary: doc.summary.trim(),
      ...(doc.description && { description: doc.description }),
      tags: operation.tags,
      security: securityOf(handler, httpMethod),
      parameters,
      ...(operation.requestBody && {
        requestBody: bodyType
          ? { required: true, content: { 'application/json': { schema: schemas.byKey.get(`${key} body`) as JsonSchema } } }
          : operation.requestBody,
      }),
      responses: {
        ...Object.fromEntries(successStatuses.map((status) => [status, success])),
        ...errorResponses([...impliedErrors(handler, httpMethod, validated), ...doc.errors]),
      },
    };
  }

  const document: OpenAPIObject = {
    ...skeleton,
    openapi: '3.1.0',
    tags: [...new Set(pending.flatMap((entry) => entry.operation.tags ?? []))]
      .sort()
      .map((name) => ({ name, ...(TAG_DESCRIPTIONS[name] && { description: TAG_DESCRIPTIONS[name] }) })),
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The web client’s session, set by sign-in' },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: CSRF_HEADER,
          description: `With the session cookie, every state change echoes the \`${CSRF_COOKIE}\` cookie in this header`,
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'A session token from sign-in, for API clients (no CSRF header needed)' },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A personal API token (`mnp_...`, made on the settings page), sent as `Authorization: Bearer`. Its scopes: `read` for GET and HEAD, `write` for other methods, `admin` (coordinators) for /admin routes; refused with 403 `insufficientScope` outside them and `apiTokenNotAllowed` on account actions; rate limited per token (429).',
        },
      },
      schemas: { ...skeleton.components?.schemas, ...schemas.components },
    },
  };
  document.components!.schemas = reachedFrom(document.paths, document.components!.schemas!) as typeof schemas.components;
  refuseWrongExamples(document, pending);
  const eventMap = (name: string) => schemas.components[name] as unknown as Parameters<typeof buildAsyncApiDocument>[0];
  const events = [eventMap('ServerSocketEvents'), eventMap('ClientSocketEvents')] as const;
  const asyncapi = buildAsyncApiDocument(...events, reachedFrom(events, schemas.components) as Record<string, JsonSchema>);
  return { openapi: sortedKeys(document) as OpenAPIObject, asyncapi: sortedKeys(asyncapi) as Record<string, unknown> };
}

function item(document: OpenAPIObject, path: string): Record<string, unknown> {
  return document.paths[path] as unknown as Record<string, unknown>;
}
