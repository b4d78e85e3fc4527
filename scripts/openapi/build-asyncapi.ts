// The socket.io events as an AsyncAPI 3.0 document, generated from the two typed maps of
// @mutuals/contracts (ServerSocketEvents, ClientSocketEvents): each event is a channel whose
// address is the event's name; the server's pushes are `receive` operations, the client's events
// `send` operations with their acknowledgement as the reply.
import type { JsonSchema } from './contract-schemas';

interface EventMapSchema {
  properties: Record<string, JsonSchema & { description?: string }>;
}

/** AsyncAPI keys allow [A-Za-z0-9_-]: 'chat:message.updated' becomes 'chat-message-updated'. */
const idOf = (event: string) => event.replace(/[^A-Za-z0-9_-]+/g, '-');

/** The part of a `{ payload, ack }` entry of ClientSocketEvents. */
function partOf(entry: JsonSchema, part: 'payload' | 'ack'): JsonSchema {
  return (entry as { properties: Record<string, JsonSchema> }).properties[part];
}

export function buildAsyncApiDocument(
  serverEvents: EventMapSchema,
  clientEvents: EventMapSchema,
  schemas: Record<string, JsonSchema>,
): Record<string, unknown> {
  const security = [{ $ref: '#/components/securitySchemes/session' }, { $ref: '#/components/securitySchemes/token' }];
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const channel = (event: string, messageIds: string[]) => {
    channels[idOf(event)] = {
      address: event,
      messages: Object.fromEntries(messageIds.map((id) => [id, { $ref: `#/components/messages/${id}` }])),
    };
    return { $ref: `#/channels/${idOf(event)}` };
  };

  for (const [event, schema] of Object.entries(serverEvents.properties)) {
    const { description, ...payload } = schema;
    const id = idOf(event);
    // A $ref alone: the event's description is the message's summary, not a sibling of the reference.
    messages[id] = { name: event, summary: description ?? event, payload };
    operations[`receive-${id}`] = {
      action: 'receive',
      summary: description ?? event,
      security,
      channel: channel(event, [id]),
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    };
  }
  for (const [event, schema] of Object.entries(clientEvents.properties)) {
    const id = idOf(event);
    const description = schema.description as string | undefined;
    messages[id] = { name: event, summary: description ?? event, payload: partOf(schema, 'payload') };
    messages[`${id}-ack`] = {
      name: `${event} acknowledgement`,
      summary: `The acknowledgement of ${event}`,
      payload: partOf(schema, 'ack'),
    };
    const ref = channel(event, [id, `${id}-ack`]);
    operations[`send-${id}`] = {
      action: 'send',
      summary: description ?? event,
      security,
      channel: ref,
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
      reply: { channel: ref, messages: [{ $ref: `#/channels/${id}/messages/${id}-ack` }] },
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Mutuals Network live events',
      version: '1',
      description:
        'socket.io (v4) on the site’s own origin, path /socket.io/. A browser is recognised by its session cookie ' +
        '(from this site’s pages only); an API client sends its session token as `auth: { token }`. Every client ' +
        'event answers through its acknowledgement, `{ ok: true, ... }` or `{ ok: false, error: { code, message } }` ' +
        'with the same codes as the HTTP API’s problem+json. After a reconnect, clients catch up with chat:sync and ' +
        'the HTTP lists. Generated from ServerSocketEvents and ClientSocketEvents in @mutuals/contracts.',
      license: { name: 'Proprietary (UNLICENSED)' },
    },
    defaultContentType: 'application/json',
    servers: {
      site: {
        host: 'localhost:3000',
        protocol: 'ws',
        pathname: '/socket.io/',
        description: 'A local `npm start`; in production, the host of the site’s PUBLIC_URL (wss)',
        security,
      },
    },
    channels,
    operations,
    components: {
      messages,
      schemas,
      securitySchemes: {
        session: {
          type: 'httpApiKey',
          in: 'cookie',
          name: 'sid',
          description: 'The web client’s session cookie, accepted from this site’s own pages (Origin checked)',
        },
        token: { type: 'http', scheme: 'bearer', description: 'A session token from sign-in, sent in the handshake as `auth: { token }`' },
      },
    },
  };
}
