export { MatchingModule } from './matching.module';
export { MatchingService, type RoundPlan } from './matching.service';
export { MentoringRequestsService, OPEN_REQUEST_CAP, REQUEST_LIFETIME_DAYS } from './mentoring-requests.service';
export { MentorshipsService } from './mentorships.service';
export * from './matching.events';
export { MatchingErrors } from './matching.errors';
