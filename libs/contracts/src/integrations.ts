// Integrations: personal API tokens (/me/api-tokens, /admin/api-tokens) and coordinators'
// webhooks (/admin/webhooks). A token's secret and a webhook's signing secret travel in one
// answer only, the one that creates them; afterwards only their first characters are shown.
import type { IsoDateTime, Uuid } from './common';

/**
 * What a personal API token may do. `read`: GET and HEAD of every route that is not a
 * coordinator's; `write`: every other method on those routes; `admin` (coordinators only): the
 * coordinator routes under /admin, any method. No token reaches the cookie-only account actions
 * (password, email, deletion, tokens themselves).
 */
export type ApiTokenScope = 'read' | 'write' | 'admin';

/** POST /me/api-tokens */
export interface CreateApiTokenRequest {
  /** What the token is for, e.g. "Funder spreadsheet" (1 to 80 characters). */
  name: string;
  /** At least one; `admin` only for coordinators. */
  scopes: ApiTokenScope[];
  /** When the token stops working; absent or null: until revoked. Must be in the future. */
  expiresAt?: IsoDateTime | null;
}

/** A token as listed: never its secret. */
export interface ApiTokenView {
  id: Uuid;
  name: string;
  /** The first characters of the token (`mnp_` and eight more), to recognise it. */
  prefix: string;
  scopes: ApiTokenScope[];
  createdAt: IsoDateTime;
  expiresAt: IsoDateTime | null;
  /** Recorded at most once a minute. */
  lastUsedAt: IsoDateTime | null;
  revokedAt: IsoDateTime | null;
}

/** 201 from POST /me/api-tokens: the only answer that carries the secret. */
export interface ApiTokenCreatedView {
  token: ApiTokenView;
  /** `mnp_` and 43 random characters; send as `Authorization: Bearer <secret>`. Shown once. */
  secret: string;
}

/** A token in the coordinators' list, with whose it is. */
export interface AdminApiTokenView extends ApiTokenView {
  owner: { id: Uuid; displayName: string; handle: string };
}

/** The name of an event a webhook can carry (the registry in libs/webhooks lists them). */
export type WebhookEventName = string;

/** An item of GET /admin/webhooks/events. */
export interface WebhookEventInfo {
  name: WebhookEventName;
  description: string;
}

/** POST /admin/webhooks */
export interface CreateWebhookRequest {
  /** https:// only (and never a private, loopback or link-local address). */
  url: string;
  /** At least one name from GET /admin/webhooks/events. */
  events: WebhookEventName[];
  /** A note for coordinators, e.g. "CRM sync" (at most 200 characters). */
  description?: string;
}

/** PATCH /admin/webhooks/:id; switching a hook back on clears its failure count. */
export interface UpdateWebhookRequest {
  url?: string;
  events?: WebhookEventName[];
  description?: string;
  enabled?: boolean;
}

export interface WebhookView {
  id: Uuid;
  url: string;
  events: WebhookEventName[];
  description: string;
  enabled: boolean;
  /** Why the hook was switched off by itself, or null. */
  disabledReason: string | null;
  /** Failed attempts in a row; the hook is switched off when it reaches the limit. */
  consecutiveFailures: number;
  /** The first characters of the signing secret (`whsec_` and four more). */
  secretPrefix: string;
  createdAt: IsoDateTime;
}

/** 201 from POST /admin/webhooks: the only answer that carries the signing secret. */
export interface WebhookCreatedView {
  webhook: WebhookView;
  /** The HMAC-SHA256 key of `Mutuals-Signature`. Shown once. */
  secret: string;
}

export type WebhookDeliveryStatus = 'pending' | 'sending' | 'retrying' | 'succeeded' | 'failed';

/** One delivery of one event to one hook (a redelivery is a new delivery of the same event). */
export interface WebhookDeliveryView {
  id: Uuid;
  webhookId: Uuid;
  /** The event's id, the same in every delivery of it (receivers drop repeats by it). */
  eventId: Uuid;
  event: WebhookEventName;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** The receiver's last HTTP status, or null (no answer: refused, timed out, address not allowed). */
  responseStatus: number | null;
  /** Why the last attempt failed, or null. */
  error: string | null;
  createdAt: IsoDateTime;
  lastAttemptAt: IsoDateTime | null;
  nextAttemptAt: IsoDateTime | null;
  deliveredAt: IsoDateTime | null;
  /** The JSON body as sent. */
  body: string;
}
