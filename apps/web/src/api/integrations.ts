// Integrations: the member's personal API tokens, and the coordinators' webhooks and list of
// everyone's tokens. Secrets arrive once, in the answer that creates them, and are never cached.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  AdminApiTokenView,
  ApiTokenCreatedView,
  ApiTokenView,
  CreateApiTokenRequest,
  CreateWebhookRequest,
  Page,
  UpdateWebhookRequest,
  WebhookCreatedView,
  WebhookDeliveryView,
  WebhookEventInfo,
  WebhookView,
} from '@mutuals/contracts';
import { api } from './client';
import { cursorPaging } from './queryClient';

export const integrationKeys = {
  myTokens: ['api-tokens', 'mine'] as const,
  allTokens: ['api-tokens', 'all'] as const,
  webhooks: ['webhooks'] as const,
  webhookEvents: ['webhooks', 'events'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export const myTokensQuery = queryOptions({
  queryKey: integrationKeys.myTokens,
  queryFn: ({ signal }) => api.get<ApiTokenView[]>('/me/api-tokens', { signal }),
});

export const allTokensQuery = queryOptions({
  queryKey: integrationKeys.allTokens,
  queryFn: ({ signal }) => api.get<AdminApiTokenView[]>('/admin/api-tokens', { signal }),
});

export const webhooksQuery = queryOptions({
  queryKey: integrationKeys.webhooks,
  queryFn: ({ signal }) => api.get<WebhookView[]>('/admin/webhooks', { signal }),
});

export const webhookEventsQuery = queryOptions({
  queryKey: integrationKeys.webhookEvents,
  queryFn: ({ signal }) => api.get<WebhookEventInfo[]>('/admin/webhooks/events', { signal }),
  staleTime: Infinity,
});

export const deliveriesQuery = (id: string) =>
  infiniteQueryOptions({
    queryKey: integrationKeys.deliveries(id),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<WebhookDeliveryView>>(`/admin/webhooks/${id}/deliveries`, { query: { limit: 20, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const integrations = {
  createToken: (body: CreateApiTokenRequest) => api.post<ApiTokenCreatedView>('/me/api-tokens', body),
  revokeToken: (id: string) => api.delete<void>(`/me/api-tokens/${id}`),
  revokeAnyToken: (id: string) => api.delete<void>(`/admin/api-tokens/${id}`),
  createWebhook: (body: CreateWebhookRequest) => api.post<WebhookCreatedView>('/admin/webhooks', body),
  updateWebhook: (id: string, body: UpdateWebhookRequest) => api.patch<WebhookView>(`/admin/webhooks/${id}`, body),
  deleteWebhook: (id: string) => api.delete<void>(`/admin/webhooks/${id}`),
  redeliver: (id: string, deliveryId: string) => api.post<WebhookDeliveryView>(`/admin/webhooks/${id}/deliveries/${deliveryId}/redeliver`),
};
