export { MatchingModule } from './matching.module';
export { MatchingService, type RoundPlan } from './matching.service';
export { MentoringRequestsService, OPEN_REQUEST_CAP, REQUEST_LIFETIME_DAYS } from './mentoring-requests.service';
export { MatchingMemberDataService } from './matching-member-data.service';
export { MentorshipsService } from './mentorships.service';
export * from './matching.events';
export { MatchingErrors } from './matching.errors';
export { meetingCalendar, type CalendarPerson } from './pair-care/icalendar';
export { calendarInput } from './pair-care/meetings.service';
export { MeetingsService } from './pair-care/meetings.service';
export { CheckInsService } from './pair-care/check-ins.service';
export { AgreementsService } from './pair-care/agreements.service';
export { PairHistoryService } from './pair-care/pair-history.service';
// The engine's scoring pieces, for other libs that rank by fit (partnerships) with the same factors.
export {
  coveragePiece,
  createMatchingContext,
  MatchingContext,
  rarityPiece,
  rarityTable,
  regionPiece,
  sectorPiece,
  UNKNOWN,
  type FactorPiece,
  type MatchingWeights,
  type RarityTable,
  type Sides,
  type TaxonomySource,
} from './engine';
