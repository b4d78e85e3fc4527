import { Injectable } from '@nestjs/common';
import { ChatMemberDataService } from '@mutuals/chat';
import { ForumsMemberDataService } from '@mutuals/forums';
import { AccountSettingsService } from '@mutuals/identity';
import { MatchingMemberDataService } from '@mutuals/matching';
import { NotificationsMemberDataService } from '@mutuals/notifications';
import { OpportunitiesService } from '@mutuals/partnerships';
import { ProfilesMemberDataService } from '@mutuals/profiles';
import { StoriesService } from '@mutuals/stories';
import { SupportService } from '@mutuals/support';

/**
 * "Download my data": each lib answers for what it holds of the member through its exported
 * service; gathering them is the composition root's job, since no lib may reach into another.
 */
@Injectable()
export class MemberDataService {
  constructor(
    private readonly identity: AccountSettingsService,
    private readonly profiles: ProfilesMemberDataService,
    private readonly forums: ForumsMemberDataService,
    private readonly chat: ChatMemberDataService,
    private readonly matching: MatchingMemberDataService,
    private readonly notifications: NotificationsMemberDataService,
    private readonly stories: StoriesService,
    private readonly support: SupportService,
    private readonly partnerships: OpportunitiesService,
  ) {}

  async export(userId: string) {
    const [account, profile, forums, chat, mentoring, notifications, stories, supportApplications, partnerships] = await Promise.all([
      this.identity.exportOf(userId),
      this.profiles.exportOf(userId),
      this.forums.exportOf(userId),
      this.chat.exportOf(userId),
      this.matching.exportOf(userId),
      this.notifications.exportOf(userId),
      this.stories.exportOf(userId),
      this.support.exportOf(userId),
      this.partnerships.exportOf(userId),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      account,
      profile,
      forums,
      chat,
      mentoring,
      notifications,
      stories,
      supportApplications,
      partnerships,
    };
  }
}
