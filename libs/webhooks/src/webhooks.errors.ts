import type { WebhooksErrorCode } from '@mutuals/contracts';
import { defineErrors } from '@mutuals/core';

export const WebhooksErrors = defineErrors<WebhooksErrorCode>({
  webhookNotFound: 'not-found',
  deliveryNotFound: 'not-found',
  webhookUrlNotAllowed: 'invalid',
  unknownWebhookEvent: 'invalid',
});
