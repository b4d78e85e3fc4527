export { ProfilesModule } from './profiles.module';
export { ProfilesService } from './profiles.service';
export { ProfilesMemberDataService } from './profiles-member-data.service';
export type { MatchingParticipant } from './profiles.types';
export * from './taxonomy/taxonomy';
export * from './profiles.events';
export { ProfilesErrors } from './profiles.errors';
export { EligibilityDto } from './dto/profile.dto';
