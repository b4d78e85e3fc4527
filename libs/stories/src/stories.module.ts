import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileAccessRegistry, FilesModule } from '@mutuals/files';
import { ForumsModule } from '@mutuals/forums';
import { IdentityModule } from '@mutuals/identity';
import { MatchingModule } from '@mutuals/matching';
import { ProfilesModule } from '@mutuals/profiles';
import { StoryCreditEntity } from './entities/story-credit.entity';
import { StorySlugEntity } from './entities/story-slug.entity';
import { StoryEntity } from './entities/story.entity';
import { ShowcaseController } from './public/showcase.controller';
import { ShowcaseCache } from './public/showcase-cache';
import { StoriesShowcase } from './public/stories-showcase';
import { StoryDiscussion } from './story-discussion';
import { StoriesAdminController, StoriesController } from './stories.controller';
import { StoriesMemberDataService } from './stories-member-data.service';
import { StoriesRepository } from './stories.repository';
import { COVER_KIND, StoriesService } from './stories.service';

@Module({
  imports: [
    IdentityModule,
    ProfilesModule,
    FilesModule,
    ForumsModule,
    MatchingModule,
    TypeOrmModule.forFeature([StoryEntity, StorySlugEntity, StoryCreditEntity]),
  ],
  controllers: [StoriesController, StoriesAdminController, ShowcaseController],
  providers: [StoriesRepository, StoriesService, StoriesMemberDataService, StoryDiscussion, ShowcaseCache, StoriesShowcase],
  exports: [StoriesService, StoriesShowcase],
})
export class StoriesModule implements OnModuleInit {
  constructor(
    private readonly fileAccess: FileAccessRegistry,
    private readonly stories: StoriesService,
  ) {}

  onModuleInit(): void {
    // A cover is seen by whoever may see its story: signed-out visitors once it is published.
    this.fileAccess.register(
      COVER_KIND,
      (viewer, storyId) => this.stories.mayViewStory(viewer, storyId),
      (storyId) => this.stories.isPublished(storyId),
    );
  }
}
