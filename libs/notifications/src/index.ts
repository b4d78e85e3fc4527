export { NotificationsModule } from './notifications.module';
export { NotificationsService, type NewNotification } from './notifications.service';
