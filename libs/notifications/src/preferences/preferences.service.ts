import { Injectable } from '@nestjs/common';
import type {
  DigestFrequency,
  NotificationChannel,
  NotificationPreferencesView,
  UpdateNotificationPreferencesRequest,
} from '@mutuals/contracts';
import { EntityManager } from 'typeorm';
import { NotificationsErrors } from '../notifications.errors';
import {
  DEFAULT_DIGEST_FREQUENCY,
  IN_APP_KIND_TO_PREFERENCE,
  SWITCHABLE_KINDS,
  SwitchableKind,
  isSwitchableKind,
} from './notification-kinds';
import { PreferencesRepository } from './preferences.repository';

/** Who wants what, by which channel: the defaults of notification-kinds.ts unless a member chose otherwise. */
@Injectable()
export class PreferencesService {
  constructor(private readonly preferences: PreferencesRepository) {}

  /** Each member's channel for one kind. Pass the writer's manager inside a transaction. */
  async channels(userIds: readonly string[], kind: SwitchableKind, manager?: EntityManager): Promise<Map<string, NotificationChannel>> {
    const chosen = await this.preferences.channelsFor(userIds, kind, manager);
    const fallback = SWITCHABLE_KINDS[kind].defaultChannel;
    return new Map(userIds.map((id) => [id, chosen.get(id) ?? fallback]));
  }

  /** The preference that governs an in-app notification of this kind, with its default channel; null when none does. */
  inAppPreference(kind: string): { kind: SwitchableKind; defaultChannel: NotificationChannel } | null {
    const preference = IN_APP_KIND_TO_PREFERENCE[kind];
    return preference ? { kind: preference, defaultChannel: SWITCHABLE_KINDS[preference].defaultChannel } : null;
  }

  async view(userId: string): Promise<NotificationPreferencesView> {
    const [choices, digest] = await Promise.all([this.preferences.choicesOf(userId), this.preferences.digestFrequencyOf(userId)]);
    return {
      kinds: Object.entries(SWITCHABLE_KINDS).map(([kind, def]) => ({
        kind,
        label: def.label,
        description: def.description,
        channel: choices.get(kind) ?? def.defaultChannel,
        channels: [...def.channels],
        defaultChannel: def.defaultChannel,
      })),
      digest: digest ?? DEFAULT_DIGEST_FREQUENCY,
    };
  }

  async update(userId: string, change: UpdateNotificationPreferencesRequest): Promise<NotificationPreferencesView> {
    const kinds = change.kinds ?? [];
    kinds.forEach(({ kind, channel }, index) => {
      if (!isSwitchableKind(kind)) {
        throw NotificationsErrors.invalid('No such notification kind', [{ field: `kinds.${index}.kind`, message: `unknown kind ${kind}` }]);
      }
      const allowed: NotificationChannel[] = SWITCHABLE_KINDS[kind].channels;
      if (!allowed.includes(channel)) {
        throw NotificationsErrors.invalid('That channel is not offered for this kind', [
          { field: `kinds.${index}.channel`, message: `must be one of ${allowed.join(', ')}` },
        ]);
      }
    });
    await this.preferences.setChannels(userId, kinds);
    if (change.digest) await this.preferences.setDigestFrequency(userId, change.digest);
    return this.view(userId);
  }

  /** What an unsubscribe link does: that kind's email stops (in-app stays where there is one). */
  async stopEmail(userId: string, kind: SwitchableKind | 'digest', manager?: EntityManager): Promise<void> {
    if (kind === 'digest') return this.preferences.setDigestFrequency(userId, 'off' satisfies DigestFrequency, manager);
    const channels: NotificationChannel[] = SWITCHABLE_KINDS[kind].channels;
    await this.preferences.setChannels(userId, [{ kind, channel: channels.includes('app') ? 'app' : 'off' }], manager);
  }

  async emailStopped(userId: string, kind: SwitchableKind | 'digest'): Promise<boolean> {
    if (kind === 'digest') return (await this.preferences.digestFrequencyOf(userId)) === 'off';
    const channel = (await this.channels([userId], kind)).get(userId);
    return channel === 'app' || channel === 'off';
  }

  forget(manager: EntityManager, userId: string): Promise<void> {
    return this.preferences.forget(manager, userId);
  }
}
