export { ForumsModule } from './forums.module';
export { ForumsService, type PostingOptions } from './forums.service';
export * from './forums.events';
