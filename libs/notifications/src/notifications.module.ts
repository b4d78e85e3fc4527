import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@mutuals/identity';
import { NotificationEntity } from './notification.entity';
import { NotificationsMemberDataRepository } from './notifications-member-data.repository';
import { NotificationsMemberDataService } from './notifications-member-data.service';
import { NotificationRules } from './notification-rules';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([NotificationEntity])],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationRules, NotificationsMemberDataRepository, NotificationsMemberDataService],
  exports: [NotificationsService, NotificationsMemberDataService],
})
export class NotificationsModule {}
