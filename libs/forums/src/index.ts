export { ForumsModule } from './forums.module';
export { ForumsService, type PostingOptions } from './forums.service';
export { ForumsModerationService } from './forums-moderation.service';
export * from './forums.events';
export { ForumsErrors } from './forums.errors';
