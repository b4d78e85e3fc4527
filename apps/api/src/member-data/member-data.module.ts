import { Module } from '@nestjs/common';
import { ChatModule } from '@mutuals/chat';
import { ForumsModule } from '@mutuals/forums';
import { IdentityModule } from '@mutuals/identity';
import { MatchingModule } from '@mutuals/matching';
import { NotificationsModule } from '@mutuals/notifications';
import { PartnershipsModule } from '@mutuals/partnerships';
import { ProfilesModule } from '@mutuals/profiles';
import { StoriesModule } from '@mutuals/stories';
import { SupportModule } from '@mutuals/support';
import { MemberDataController } from './member-data.controller';
import { MemberDataService } from './member-data.service';

@Module({
  imports: [
    IdentityModule,
    ProfilesModule,
    ForumsModule,
    ChatModule,
    MatchingModule,
    NotificationsModule,
    StoriesModule,
    SupportModule,
    PartnershipsModule,
  ],
  controllers: [MemberDataController],
  providers: [MemberDataService],
})
export class MemberDataModule {}
