export { StoriesModule } from './stories.module';
export { StoriesService } from './stories.service';
export { StoriesShowcase, type RenderedPage } from './public/stories-showcase';
export { StoriesErrors } from './stories.errors';
export * from './stories.events';
