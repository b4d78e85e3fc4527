import { Module } from '@nestjs/common';
import { IdentityModule } from '@mutuals/identity';
import { ProfilesModule } from '@mutuals/profiles';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [IdentityModule, ProfilesModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class SeedModule {}
