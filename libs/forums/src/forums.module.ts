import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileAccessRegistry, FilesModule } from '@mutuals/files';
import { IdentityModule } from '@mutuals/identity';
import { ForumCategoryEntity } from './entities/category.entity';
import { ForumCategoryCountEntity } from './entities/category-count.entity';
import { ForumFlagEntity } from './entities/flag.entity';
import { ForumPostRevisionEntity } from './entities/post-revision.entity';
import { ForumPostEntity } from './entities/post.entity';
import { ForumReactionEntity } from './entities/reaction.entity';
import { ForumSearchPostingEntity } from './entities/search-posting.entity';
import { ForumSubscriptionEntity } from './entities/subscription.entity';
import { ForumThreadReadEntity } from './entities/thread-read.entity';
import { ForumThreadEntity } from './entities/thread.entity';
import { ForumCategoriesRepository } from './forum-categories.repository';
import { ForumFlagsRepository } from './forum-flags.repository';
import { ForumPostsRepository } from './forum-posts.repository';
import { ForumSearchRepository } from './forum-search.repository';
import { ForumThreadsRepository } from './forum-threads.repository';
import { ForumViews } from './forum-views';
import { ForumsAdminController } from './forums-admin.controller';
import { ForumsCache } from './forums-cache';
import { ForumsLive } from './forums-live';
import { ForumsModerationService } from './forums-moderation.service';
import { ForumsPostingService } from './forums-posting.service';
import { ForumsReadingService } from './forums-reading.service';
import { ForumsController } from './forums.controller';
import { ForumsGateway } from './forums.gateway';
import { ForumsMemberDataRepository } from './forums-member-data.repository';
import { ForumsMemberDataService } from './forums-member-data.service';

@Module({
  imports: [
    IdentityModule,
    FilesModule,
    TypeOrmModule.forFeature([
      ForumCategoryEntity,
      ForumCategoryCountEntity,
      ForumThreadEntity,
      ForumPostEntity,
      ForumPostRevisionEntity,
      ForumReactionEntity,
      ForumThreadReadEntity,
      ForumSubscriptionEntity,
      ForumFlagEntity,
      ForumSearchPostingEntity,
    ]),
  ],
  controllers: [ForumsController, ForumsAdminController],
  providers: [
    ForumCategoriesRepository,
    ForumThreadsRepository,
    ForumPostsRepository,
    ForumSearchRepository,
    ForumFlagsRepository,
    ForumViews,
    ForumsCache,
    ForumsLive,
    ForumsReadingService,
    ForumsPostingService,
    ForumsModerationService,
    ForumsGateway,
    ForumsMemberDataRepository,
    ForumsMemberDataService,
  ],
  exports: [ForumsReadingService, ForumsPostingService, ForumsModerationService, ForumsMemberDataService],
})
export class ForumsModule implements OnModuleInit {
  constructor(
    private readonly fileAccess: FileAccessRegistry,
    private readonly reading: ForumsReadingService,
  ) {}

  /** Files attached to posts are seen by whoever may read the post. */
  onModuleInit(): void {
    this.fileAccess.register('forum-post', (viewer, postId) => this.reading.mayViewPostFiles(viewer, postId));
  }
}
