import { Injectable } from '@nestjs/common';
import { type SqlRunner, decodeCursor, toPage } from '@mutuals/core';
import type { NotificationFeedPage, NotificationView } from '@mutuals/contracts';
import { RealtimeService } from '@mutuals/realtime';
import { NotificationRow, NotificationsRepository } from './notifications.repository';
import { PreferencesService } from './preferences/preferences.service';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body?: string | null;
  link: string;
  sourceId?: string | null;
  actorId?: string | null;
}

function toView(n: NotificationRow): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.created_at.toISOString(),
    read: n.read_at !== null,
  };
}

/** The in-app feed: stored first, then pushed to every connected socket of the member. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly realtime: RealtimeService,
    private readonly preferences: PreferencesService,
  ) {}

  async notify(items: NewNotification[]): Promise<void> {
    this.push(await this.store(items));
  }

  /**
   * Stores the notifications, less those of kinds their members turned off in the app, in one
   * statement through `runner` (a writer's transaction, or on its own); nobody hears of them
   * until `push`, once they are committed.
   */
  async store(items: NewNotification[], runner?: SqlRunner): Promise<NotificationRow[]> {
    const wanted = items.filter((item) => item.userId !== item.actorId);
    if (wanted.length === 0) return [];
    return this.notifications.insertWanted(
      wanted.map((item) => ({
        preference: this.preferences.inAppPreference(item.kind),
        userId: item.userId,
        kind: item.kind,
        link: item.link,
        body: item.body?.slice(0, 300) ?? null,
        title: item.title.slice(0, 200),
        sourceId: item.sourceId ?? null,
        actorId: item.actorId ?? null,
      })),
      runner,
    );
  }

  /** To every connected socket of each member: notifications stored and committed. */
  push(rows: readonly NotificationRow[]): void {
    for (const row of rows) {
      const { id, kind, title, link, createdAt, body } = toView(row);
      this.realtime.toUser(row.user_id, 'notification', { id, kind, title, link, createdAt, body });
    }
  }

  /** Something was hidden or deleted: whatever pointed at it goes too. */
  async withdraw(sourceIds: readonly string[]): Promise<void> {
    if (sourceIds.length > 0) await this.notifications.deleteBySources(sourceIds);
  }

  async feed(userId: string, query: { unread?: boolean; limit: number; cursor?: string }): Promise<NotificationFeedPage> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const [rows, unreadCount] = await Promise.all([
      this.notifications.page(userId, query.unread === true, query.limit + 1, after && [String(after[0]), String(after[1])]),
      this.notifications.unreadCount(userId),
    ]);
    return { ...toPage(rows, query.limit, (n) => [n.created_at.toISOString(), n.id], toView), unreadCount };
  }

  async markRead(userId: string, selection: { ids?: string[]; all?: boolean }): Promise<{ updated: number }> {
    if (!selection.all && !selection.ids?.length) return { updated: 0 };
    return { updated: await this.notifications.markRead(userId, selection.all ? null : selection.ids!) };
  }
}
