import { Module } from '@nestjs/common';
import { FilesModule } from '@mutuals/files';
import { ForumsModule } from '@mutuals/forums';
import { IdentityModule } from '@mutuals/identity';
import { MatchingModule } from '@mutuals/matching';
import { PartnershipsModule } from '@mutuals/partnerships';
import { ProfilesModule } from '@mutuals/profiles';
import { StoriesModule } from '@mutuals/stories';
import { SupportModule } from '@mutuals/support';
import { DemoSeeder } from './demo-seeder';
import { FilesDemoSeed } from './files-seed';
import { ForumsDemoSeed } from './forums-seed';
import { MentoringDemoSeed } from './mentoring-seed';
import { PartnershipsDemoSeed } from './partnerships-seed';
import { StoriesDemoSeed } from './stories-seed';
import { SupportDemoSeed } from './support-seed';

@Module({
  imports: [IdentityModule, ProfilesModule, MatchingModule, ForumsModule, FilesModule, StoriesModule, SupportModule, PartnershipsModule],
  providers: [DemoSeeder, MentoringDemoSeed, ForumsDemoSeed, FilesDemoSeed, StoriesDemoSeed, SupportDemoSeed, PartnershipsDemoSeed],
  exports: [DemoSeeder],
})
export class SeedModule {}
