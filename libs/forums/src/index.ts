export { ForumsModule } from './forums.module';
export { ForumsReadingService } from './forums-reading.service';
export { ForumsPostingService, type PostingOptions, type Posted } from './forums-posting.service';
export { ForumsModerationService } from './forums-moderation.service';
export * from './forums.events';
export { ForumsErrors } from './forums.errors';
