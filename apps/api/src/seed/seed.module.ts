import { Module } from '@nestjs/common';
import { ForumsModule } from '@mutuals/forums';
import { IdentityModule } from '@mutuals/identity';
import { MatchingModule } from '@mutuals/matching';
import { ProfilesModule } from '@mutuals/profiles';
import { DemoSeeder } from './demo-seeder';
import { ForumsDemoSeed } from './forums-seed';
import { MentoringDemoSeed } from './mentoring-seed';

@Module({ imports: [IdentityModule, ProfilesModule, MatchingModule, ForumsModule], providers: [DemoSeeder, MentoringDemoSeed, ForumsDemoSeed], exports: [DemoSeeder] })
export class SeedModule {}
