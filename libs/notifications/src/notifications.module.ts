import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatModule } from '@mutuals/chat';
import { IdentityModule } from '@mutuals/identity';
import { MatchingModule } from '@mutuals/matching';
import { DigestRepository } from './digest/digest.repository';
import { DigestService } from './digest/digest.service';
import { MailDispatcher } from './mail/mail-dispatcher';
import { MailMetrics } from './mail/mail-metrics';
import { MailRenderer } from './mail/mail-renderer';
import { MailRules } from './mail/mail-rules';
import { MailSender } from './mail/mail-sender';
import { MailAdminController, UnsubscribeController } from './mail/mail.controller';
import { MailService } from './mail/mail.service';
import { OutboxRepository } from './mail/outbox.repository';
import { OutboxWorker } from './mail/outbox-worker';
import { SigningKeyRepository } from './mail/signing-key.repository';
import { UnsubscribeTokens } from './mail/unsubscribe-tokens';
import { NotificationEntity } from './notification.entity';
import { NotificationsMemberDataRepository } from './notifications-member-data.repository';
import { NotificationsMemberDataService } from './notifications-member-data.service';
import { NotificationRules } from './notification-rules';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { PreferencesController } from './preferences/preferences.controller';
import { PreferencesRepository } from './preferences/preferences.repository';
import { PreferencesService } from './preferences/preferences.service';

const MAIL = [
  OutboxRepository,
  SigningKeyRepository,
  UnsubscribeTokens,
  MailRenderer,
  MailSender,
  OutboxWorker,
  MailDispatcher,
  MailMetrics,
  MailService,
  MailRules,
  PreferencesRepository,
  PreferencesService,
  DigestRepository,
  DigestService,
];

@Module({
  imports: [IdentityModule, ChatModule, MatchingModule, TypeOrmModule.forFeature([NotificationEntity])],
  controllers: [NotificationsController, PreferencesController, UnsubscribeController, MailAdminController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    NotificationRules,
    ...MAIL,
    NotificationsMemberDataRepository,
    NotificationsMemberDataService,
  ],
  exports: [NotificationsService, MailService, MailDispatcher, DigestService, NotificationsMemberDataService],
})
export class NotificationsModule {}
