// The in-app feed: GET /notifications, POST /notifications/read, and the `notification` socket event.
import type { IsoDateTime, Uuid } from './common';

export interface NotificationView {
  id: Uuid;
  kind: string;
  title: string;
  body: string | null;
  link: string;
  createdAt: IsoDateTime;
  read: boolean;
}

/** POST /notifications/read: the given ids, or every one with all: true. */
export interface MarkNotificationsReadRequest {
  ids?: Uuid[];
  all?: boolean;
}

export interface NotificationFeedPage {
  items: NotificationView[];
  nextCursor: string | null;
  unreadCount: number;
}
