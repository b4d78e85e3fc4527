import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { WebhookCreatedView, WebhookDeliveryView, WebhookEventInfo, WebhookView } from '@mutuals/contracts';
import { Endpoint, GenericErrors, type Page, PageQuery } from '@mutuals/core';
import { type AuthUser, CoordinatorOnly, CurrentUser } from '@mutuals/identity';
import { CreateWebhookDto, UpdateWebhookDto } from './webhooks.dto';
import { WebhooksErrors } from './webhooks.errors';
import { WebhooksService } from './webhooks.service';

const uuid = new ParseUUIDPipe();

@ApiTags('webhooks')
@CoordinatorOnly()
@Controller('admin/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Endpoint({ summary: 'The events a webhook can carry', response: 'WebhookEventInfo[]', errors: [] })
  @Get('events')
  events(): WebhookEventInfo[] {
    return this.webhooks.eventCatalogue();
  }

  @Endpoint({ summary: 'Every webhook', response: 'WebhookView[]', errors: [] })
  @Get()
  list(): Promise<WebhookView[]> {
    return this.webhooks.list();
  }

  @Endpoint({
    summary: 'Subscribe an HTTPS URL to events (the signing secret is in this answer only)',
    response: 'WebhookCreatedView',
    errors: [WebhooksErrors.webhookUrlNotAllowed, WebhooksErrors.unknownWebhookEvent],
  })
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateWebhookDto): Promise<WebhookCreatedView> {
    return this.webhooks.create(user.id, body);
  }

  @Endpoint({
    summary: 'Change a webhook, or switch it off or back on',
    response: 'WebhookView',
    errors: [WebhooksErrors.webhookNotFound, WebhooksErrors.webhookUrlNotAllowed, WebhooksErrors.unknownWebhookEvent],
  })
  @Patch(':id')
  update(@Param('id', uuid) id: string, @Body() body: UpdateWebhookDto): Promise<WebhookView> {
    return this.webhooks.update(id, body);
  }

  @Endpoint({ summary: 'Delete a webhook and its delivery log', response: null, errors: [WebhooksErrors.webhookNotFound] })
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', uuid) id: string): Promise<void> {
    return this.webhooks.remove(id);
  }

  @Endpoint({
    summary: 'A webhook’s delivery log, newest first',
    response: 'Page<WebhookDeliveryView>',
    errors: [WebhooksErrors.webhookNotFound, GenericErrors.invalidCursor],
  })
  @Get(':id/deliveries')
  deliveries(@Param('id', uuid) id: string, @Query() query: PageQuery): Promise<Page<WebhookDeliveryView>> {
    return this.webhooks.deliveries(id, query);
  }

  @Endpoint({
    summary: 'Send a delivery’s event again (a new delivery of the same event)',
    response: 'WebhookDeliveryView',
    errors: [WebhooksErrors.webhookNotFound, WebhooksErrors.deliveryNotFound],
  })
  @Post(':id/deliveries/:deliveryId/redeliver')
  redeliver(@Param('id', uuid) id: string, @Param('deliveryId', uuid) deliveryId: string): Promise<WebhookDeliveryView> {
    return this.webhooks.redeliver(id, deliveryId);
  }
}
