import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@mutuals/core';
import { IdentityModule } from '@mutuals/identity';
import { NotificationsModule } from '@mutuals/notifications';
import { ProfilesModule } from '@mutuals/profiles';
import { RealtimeModule } from '@mutuals/realtime';
import { HealthModule } from './health/health.module';
import { SeedModule } from './seed/seed.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config), HealthModule, IdentityModule, RealtimeModule, ProfilesModule, NotificationsModule, SeedModule],
    };
  }
}
