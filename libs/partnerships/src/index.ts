export { PartnershipsModule } from './partnerships.module';
/** The console calls OpportunitiesService.figures() for partnerships formed and won. */
export { OpportunitiesService } from './opportunities.service';
export { CapabilitiesService } from './capabilities.service';
export { InterestsService } from './interests.service';
export { PartnershipsSweep } from './partnerships-sweep';
export { PartnershipsErrors } from './partnerships.errors';
export { CAPABILITIES, CLIENT_GROUPS, VALUE_BANDS } from './partnerships-taxonomy';
export * from './partnerships.events';
