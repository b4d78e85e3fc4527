import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  AgreementState,
  AgreementView,
  CheckInFlagView,
  CheckInView,
  MeetingView,
  MentorshipCareView,
  MentorshipChangeView,
  SessionLogView,
} from '@mutuals/contracts';
import { CoordinatorOnly, CurrentUser, type AuthUser } from '@mutuals/identity';
import { AgreementsService } from './agreements.service';
import { CheckInsService } from './check-ins.service';
import { MeetingsService } from './meetings.service';
import {
  AgreementDto,
  CancelMeetingDto,
  CheckInAnswerDto,
  ConfirmAgreementDto,
  EditSessionDto,
  LogMeetingDto,
  ProposeMeetingDto,
} from './pair-care.dto';
import { PairRecordsService } from './pair-records.service';
import { Endpoint } from '@mutuals/core';
import { MatchingErrors } from '../matching.errors';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('mentoring')
@Controller('mentoring')
export class PairCareController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly agreements: AgreementsService,
    private readonly checkIns: CheckInsService,
    private readonly records: PairRecordsService,
  ) {}

  @Endpoint({
    summary: "A mentorship's meetings",
    response: 'MeetingView[]',
    errors: [MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Get('mentorships/:id/meetings')
  listMeetings(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<MeetingView[]> {
    return this.meetings.list(user, id);
  }

  @Endpoint({
    summary: 'Propose a meeting',
    response: 'MeetingView',
    errors: [MatchingErrors.invalidMeeting, MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Post('mentorships/:id/meetings')
  proposeMeeting(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: ProposeMeetingDto): Promise<MeetingView> {
    return this.meetings.propose(user, id, body);
  }

  @Endpoint({
    summary: 'Propose another time for a meeting',
    response: 'MeetingView',
    errors: [
      MatchingErrors.invalidMeeting,
      MatchingErrors.meetingNotFound,
      MatchingErrors.meetingNotOpen,
      MatchingErrors.mentorshipClosed,
      MatchingErrors.mentorshipNotFound,
      MatchingErrors.pairOnly,
    ],
  })
  @Post('mentorships/:id/meetings/:meetingId/propose-time')
  @HttpCode(200)
  proposeTime(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('meetingId', uuid) meetingId: string,
    @Body() body: ProposeMeetingDto,
  ): Promise<MeetingView> {
    return this.meetings.proposeTime(user, id, meetingId, body);
  }

  @Endpoint({
    summary: 'Accept a proposed meeting time',
    response: 'MeetingView',
    errors: [
      MatchingErrors.meetingNotFound,
      MatchingErrors.meetingNotOpen,
      MatchingErrors.meetingNotYours,
      MatchingErrors.mentorshipClosed,
      MatchingErrors.mentorshipNotFound,
      MatchingErrors.pairOnly,
    ],
  })
  @Post('mentorships/:id/meetings/:meetingId/accept')
  @HttpCode(200)
  acceptMeeting(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('meetingId', uuid) meetingId: string,
  ): Promise<MeetingView> {
    return this.meetings.accept(user, id, meetingId);
  }

  @Endpoint({
    summary: 'Cancel a meeting',
    response: 'MeetingView',
    errors: [
      MatchingErrors.meetingNotFound,
      MatchingErrors.meetingNotOpen,
      MatchingErrors.mentorshipClosed,
      MatchingErrors.mentorshipNotFound,
      MatchingErrors.pairOnly,
    ],
  })
  @Post('mentorships/:id/meetings/:meetingId/cancel')
  @HttpCode(200)
  cancelMeeting(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('meetingId', uuid) meetingId: string,
    @Body() body: CancelMeetingDto,
  ): Promise<MeetingView> {
    return this.meetings.cancel(user, id, meetingId, body);
  }

  @Endpoint({
    summary: 'Log how a meeting went',
    response: 'SessionLogView',
    errors: [
      MatchingErrors.invalidSession,
      MatchingErrors.meetingNotDue,
      MatchingErrors.meetingNotFound,
      MatchingErrors.meetingNotOpen,
      MatchingErrors.mentorshipClosed,
      MatchingErrors.mentorshipNotFound,
      MatchingErrors.pairOnly,
    ],
  })
  @Post('mentorships/:id/meetings/:meetingId/log')
  logMeeting(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('meetingId', uuid) meetingId: string,
    @Body() body: LogMeetingDto,
  ): Promise<SessionLogView> {
    return this.meetings.log(user, id, meetingId, body);
  }

  @Endpoint({
    summary: 'Mark a meeting missed',
    response: 'MeetingView',
    errors: [
      MatchingErrors.meetingNotDue,
      MatchingErrors.meetingNotFound,
      MatchingErrors.meetingNotOpen,
      MatchingErrors.mentorshipClosed,
      MatchingErrors.mentorshipNotFound,
      MatchingErrors.pairOnly,
    ],
  })
  @Post('mentorships/:id/meetings/:meetingId/missed')
  @HttpCode(200)
  markMissed(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('meetingId', uuid) meetingId: string,
  ): Promise<MeetingView> {
    return this.meetings.markMissed(user, id, meetingId);
  }

  @Endpoint({
    summary: 'A meeting as an iCalendar invitation',
    response: 'string',
    produces: 'text/calendar',
    errors: [
      MatchingErrors.meetingNotFound,
      MatchingErrors.meetingNotOpen,
      MatchingErrors.mentorshipClosed,
      MatchingErrors.mentorshipNotFound,
      MatchingErrors.pairOnly,
    ],
  })
  @Get('mentorships/:id/meetings/:meetingId/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="mentoring-session.ics"')
  calendar(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('meetingId', uuid) meetingId: string): Promise<string> {
    return this.meetings.calendar(user, id, meetingId);
  }

  @Endpoint({
    summary: "Read the pair's mentoring agreement",
    response: 'AgreementState',
    errors: [MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Get('mentorships/:id/agreement')
  agreement(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<AgreementState> {
    return this.agreements.get(user, id);
  }

  @Endpoint({
    summary: "Write the pair's mentoring agreement",
    response: 'AgreementView',
    errors: [MatchingErrors.agreementTooEarly, MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Put('mentorships/:id/agreement')
  saveAgreement(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: AgreementDto): Promise<AgreementView> {
    return this.agreements.save(user, id, body);
  }

  @Endpoint({
    summary: 'Confirm the agreement as it stands',
    response: 'AgreementView',
    errors: [MatchingErrors.agreementChanged, MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Post('mentorships/:id/agreement/confirm')
  @HttpCode(200)
  confirmAgreement(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: ConfirmAgreementDto,
  ): Promise<AgreementView> {
    return this.agreements.confirm(user, id, body);
  }

  @Endpoint({
    summary: 'Edit a logged session',
    response: 'SessionLogView',
    errors: [
      MatchingErrors.invalidSession,
      MatchingErrors.mentorshipClosed,
      MatchingErrors.mentorshipNotFound,
      MatchingErrors.pairOnly,
      MatchingErrors.sessionNotFound,
    ],
  })
  @Patch('mentorships/:id/sessions/:sessionId')
  editSession(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() body: EditSessionDto,
  ): Promise<SessionLogView> {
    return this.records.editSession(user, id, sessionId, body);
  }

  @Endpoint({
    summary: 'Delete a logged session',
    response: null,
    errors: [MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly, MatchingErrors.sessionNotFound],
  })
  @Delete('mentorships/:id/sessions/:sessionId')
  @HttpCode(204)
  deleteSession(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('sessionId', uuid) sessionId: string): Promise<void> {
    return this.records.deleteSession(user, id, sessionId);
  }

  @Endpoint({
    summary: 'Delete a goal',
    response: null,
    errors: [MatchingErrors.goalNotFound, MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Delete('mentorships/:id/goals/:goalId')
  @HttpCode(204)
  deleteGoal(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('goalId', uuid) goalId: string): Promise<void> {
    return this.records.deleteGoal(user, id, goalId);
  }

  @Endpoint({
    summary: "A mentorship's history of changes",
    response: 'MentorshipChangeView[]',
    errors: [MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Get('mentorships/:id/changes')
  changes(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<MentorshipChangeView[]> {
    return this.records.changes(user, id);
  }

  @Endpoint({ summary: 'Your check-ins waiting for an answer', response: 'CheckInView[]', errors: [] })
  @Get('check-ins')
  pendingCheckIns(@CurrentUser() user: AuthUser): Promise<CheckInView[]> {
    return this.checkIns.pending(user);
  }

  @Endpoint({
    summary: 'Answer a check-in',
    response: '{ flagged: boolean }',
    errors: [MatchingErrors.checkInAnswered, MatchingErrors.checkInNotFound],
  })
  @Post('check-ins/:checkInId')
  @HttpCode(200)
  answerCheckIn(
    @CurrentUser() user: AuthUser,
    @Param('checkInId', uuid) checkInId: string,
    @Body() body: CheckInAnswerDto,
  ): Promise<{ flagged: boolean }> {
    return this.checkIns.answer(user, checkInId, body);
  }
}

@ApiTags('admin')
@CoordinatorOnly()
@Controller('admin/mentoring')
export class PairCareAdminController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Endpoint({
    summary: "Read a mentorship's care record (meetings, check-ins, flags)",
    response: 'MentorshipCareView',
    errors: [MatchingErrors.mentorshipNotFound],
  })
  @Get('mentorships/:id/care')
  care(@Param('id', uuid) id: string): Promise<MentorshipCareView> {
    return this.checkIns.care(id);
  }

  @Endpoint({ summary: 'List check-ins that raised a concern', response: 'CheckInFlagView[]', errors: [] })
  @Get('check-ins/flags')
  flags(): Promise<CheckInFlagView[]> {
    return this.checkIns.flags();
  }
}
