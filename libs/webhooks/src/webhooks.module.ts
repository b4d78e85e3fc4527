import { Module } from '@nestjs/common';
import { IdentityModule } from '@mutuals/identity';
import { NotificationsModule } from '@mutuals/notifications';
import { WebhookDeliverer } from './webhook-deliverer';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [IdentityModule, NotificationsModule],
  controllers: [WebhooksController],
  providers: [WebhooksRepository, WebhookSecrets, WebhooksService, WebhookDeliverer],
  exports: [WebhooksService],
})
export class WebhooksModule {}
