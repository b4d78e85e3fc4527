import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from './config/config';
import { VersionedCache } from './cache/versioned-cache';
import { DatabaseModule } from './database/database.module';
import { DomainEvents } from './events/domain-events';
import { InstanceStateRepository } from './instance/instance-state.repository';
import { RateLimiter } from './rate-limit/rate-limiter';
import { RedisService } from './redis/redis.service';

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [DatabaseModule.forRoot(), DiscoveryModule],
      providers: [{ provide: APP_CONFIG, useValue: config }, RedisService, RateLimiter, DomainEvents, InstanceStateRepository, VersionedCache],
      exports: [APP_CONFIG, DatabaseModule, RedisService, RateLimiter, DomainEvents, InstanceStateRepository, VersionedCache],
    };
  }
}
