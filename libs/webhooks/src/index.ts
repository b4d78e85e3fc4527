export { WebhooksModule } from './webhooks.module';
export { WebhooksService } from './webhooks.service';
export { WebhookSecrets } from './webhook-secrets';
export { WebhooksErrors } from './webhooks.errors';
export { WEBHOOK_EVENTS, type WebhookData, type WebhookEventDefinition } from './webhook-events';
export { SIGNATURE_HEADER, TIMESTAMP_HEADER, EVENT_HEADER, DELIVERY_HEADER, verifySignature } from './webhook-signing';
