export { MatchingModule } from './matching.module';
export { MatchingService, type RoundPlan } from './matching.service';
export { MentoringRequestsService, OPEN_REQUEST_CAP, REQUEST_LIFETIME_DAYS } from './mentoring-requests.service';
export { MentorshipsService } from './mentorships.service';
export * from './matching.events';
export { meetingCalendar, type CalendarPerson } from './pair-care/icalendar';
export { calendarInput } from './pair-care/meetings.service';
export { MeetingsService } from './pair-care/meetings.service';
export { CheckInsService } from './pair-care/check-ins.service';
