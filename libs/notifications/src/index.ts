export { NotificationsModule } from './notifications.module';
export { NotificationsMemberDataService } from './notifications-member-data.service';
export { NotificationsService, type NewNotification } from './notifications.service';
