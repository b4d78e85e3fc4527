import { Module } from '@nestjs/common';
import { IdentityModule } from '@mutuals/identity';
import { MatchingModule } from '@mutuals/matching';
import { ProfilesModule } from '@mutuals/profiles';
import { DemoSeeder } from './demo-seeder';
import { MentoringDemoSeed } from './mentoring-seed';

@Module({ imports: [IdentityModule, ProfilesModule, MatchingModule], providers: [DemoSeeder, MentoringDemoSeed], exports: [DemoSeeder] })
export class SeedModule {}
