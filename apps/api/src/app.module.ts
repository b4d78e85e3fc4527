import { DynamicModule, Module } from '@nestjs/common';
import { ChatModule } from '@mutuals/chat';
import { AppConfig, CoreModule } from '@mutuals/core';
import { FilesModule } from '@mutuals/files';
import { ForumsModule } from '@mutuals/forums';
import { IdentityModule } from '@mutuals/identity';
import { MatchingModule } from '@mutuals/matching';
import { NotificationsModule } from '@mutuals/notifications';
import { PartnershipsModule } from '@mutuals/partnerships';
import { ProgrammeModule } from '@mutuals/programme';
import { ProfilesModule } from '@mutuals/profiles';
import { RealtimeModule } from '@mutuals/realtime';
import { StoriesModule } from '@mutuals/stories';
import { SupportModule } from '@mutuals/support';
import { WebhooksModule } from '@mutuals/webhooks';
import { HealthModule } from './health/health.module';
import { MemberDataModule } from './member-data/member-data.module';
import { SeedModule } from './seed/seed.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        HealthModule,
        IdentityModule,
        RealtimeModule,
        ProfilesModule,
        NotificationsModule,
        FilesModule,
        ProgrammeModule,
        ForumsModule,
        ChatModule,
        MatchingModule,
        StoriesModule,
        SupportModule,
        PartnershipsModule,
        WebhooksModule,
        MemberDataModule,
        SeedModule,
      ],
    };
  }
}
