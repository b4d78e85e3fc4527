import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileAccessRegistry, FilesModule } from '@mutuals/files';
import { IdentityModule } from '@mutuals/identity';
import { ForumCategoryEntity } from './entities/category.entity';
import { ForumFlagEntity } from './entities/flag.entity';
import { ForumPostRevisionEntity } from './entities/post-revision.entity';
import { ForumPostEntity } from './entities/post.entity';
import { ForumReactionEntity } from './entities/reaction.entity';
import { ForumSubscriptionEntity } from './entities/subscription.entity';
import { ForumThreadReadEntity } from './entities/thread-read.entity';
import { ForumThreadEntity } from './entities/thread.entity';
import { ForumViews } from './forum-views';
import { ForumsAdminController } from './forums-admin.controller';
import { ForumsModerationService } from './forums-moderation.service';
import { ForumsController } from './forums.controller';
import { ForumsGateway } from './forums.gateway';
import { ForumsService } from './forums.service';

@Module({
  imports: [
    IdentityModule,
    FilesModule,
    TypeOrmModule.forFeature([
      ForumCategoryEntity,
      ForumThreadEntity,
      ForumPostEntity,
      ForumPostRevisionEntity,
      ForumReactionEntity,
      ForumThreadReadEntity,
      ForumSubscriptionEntity,
      ForumFlagEntity,
    ]),
  ],
  controllers: [ForumsController, ForumsAdminController],
  providers: [ForumsService, ForumsModerationService, ForumViews, ForumsGateway],
  exports: [ForumsService, ForumsModerationService],
})
export class ForumsModule implements OnModuleInit {
  constructor(
    private readonly fileAccess: FileAccessRegistry,
    private readonly forums: ForumsService,
  ) {}

  /** Files attached to posts are seen by whoever may read the post. */
  onModuleInit(): void {
    this.fileAccess.register('forum-post', (_viewer, postId) => this.forums.isPostVisible(postId));
  }
}
