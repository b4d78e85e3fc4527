export { SupportModule } from './support.module';
export { SupportService } from './support.service';
export { SupportErrors } from './support.errors';
export * from './support.events';
