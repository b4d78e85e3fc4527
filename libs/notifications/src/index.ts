export { NotificationsModule } from './notifications.module';
export { NotificationsMemberDataService } from './notifications-member-data.service';
export { NotificationsService, type NewNotification } from './notifications.service';
export { MailService } from './mail/mail.service';
export { MailDispatcher } from './mail/mail-dispatcher';
export { DigestService } from './digest/digest.service';
export { NotificationsErrors } from './notifications.errors';
