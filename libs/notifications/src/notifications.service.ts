import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { decodeCursor, toPage } from '@mutuals/core';
import type { NotificationFeedPage, NotificationView } from '@mutuals/contracts';
import { RealtimeService } from '@mutuals/realtime';
import { In, IsNull, Repository } from 'typeorm';
import { NotificationEntity } from './notification.entity';
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

function toView(n: NotificationEntity): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
  };
}

/** The in-app feed: stored first, then pushed to every connected socket of the member. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly realtime: RealtimeService,
    private readonly preferences: PreferencesService,
  ) {}

  async notify(items: NewNotification[]): Promise<void> {
    const wanted = await this.preferences.wantedInApp(items.filter((item) => item.userId !== item.actorId));
    if (wanted.length === 0) return;
    const rows = this.notifications.create(
      wanted.map((item) => ({
        ...item,
        body: item.body?.slice(0, 300) ?? null,
        title: item.title.slice(0, 200),
        sourceId: item.sourceId ?? null,
        actorId: item.actorId ?? null,
      })),
    );
    await this.notifications.save(rows);
    for (const row of rows) {
      const { id, kind, title, link, createdAt } = toView(row);
      this.realtime.toUser(row.userId, 'notification', { id, kind, title, link, createdAt, body: row.body });
    }
  }

  /** Something was hidden or deleted: whatever pointed at it goes too. */
  async withdraw(sourceId: string): Promise<void> {
    await this.notifications.delete({ sourceId });
  }

  async feed(userId: string, query: { unread?: boolean; limit: number; cursor?: string }): Promise<NotificationFeedPage> {
    const after = decodeCursor(query.cursor, 2);
    const qb = this.notifications.createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    if (after) qb.andWhere('(n.created_at, n.id) < (:at, :id)', { at: after[0], id: after[1] });
    const rows = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(query.limit + 1)
      .getMany();
    const unreadCount = await this.notifications.countBy({ userId, readAt: IsNull() });
    return { ...toPage(rows, query.limit, (n) => [n.createdAt.toISOString(), n.id], toView), unreadCount };
  }

  async markRead(userId: string, selection: { ids?: string[]; all?: boolean }): Promise<{ updated: number }> {
    if (!selection.all && !selection.ids?.length) return { updated: 0 };
    const result = await this.notifications.update(
      { userId, readAt: IsNull(), ...(selection.all ? {} : { id: In(selection.ids!) }) },
      { readAt: new Date() },
    );
    return { updated: result.affected ?? 0 };
  }
}
