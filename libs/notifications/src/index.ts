export { NotificationsModule } from './notifications.module';
export { NotificationsService, type NewNotification } from './notifications.service';
export { MailService } from './mail/mail.service';
export { DigestService } from './digest/digest.service';
export { NotificationsErrors } from './notifications.errors';
