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

  @Get('mentorships/:id/meetings')
  listMeetings(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<MeetingView[]> {
    return this.meetings.list(user, id);
  }

  @Post('mentorships/:id/meetings')
  proposeMeeting(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: ProposeMeetingDto): Promise<MeetingView> {
    return this.meetings.propose(user, id, body);
  }

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

  @Post('mentorships/:id/meetings/:meetingId/accept')
  @HttpCode(200)
  acceptMeeting(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('meetingId', uuid) meetingId: string,
  ): Promise<MeetingView> {
    return this.meetings.accept(user, id, meetingId);
  }

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

  @Post('mentorships/:id/meetings/:meetingId/log')
  logMeeting(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('meetingId', uuid) meetingId: string,
    @Body() body: LogMeetingDto,
  ): Promise<SessionLogView> {
    return this.meetings.log(user, id, meetingId, body);
  }

  @Post('mentorships/:id/meetings/:meetingId/missed')
  @HttpCode(200)
  markMissed(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('meetingId', uuid) meetingId: string,
  ): Promise<MeetingView> {
    return this.meetings.markMissed(user, id, meetingId);
  }

  @Get('mentorships/:id/meetings/:meetingId/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="mentoring-session.ics"')
  calendar(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('meetingId', uuid) meetingId: string): Promise<string> {
    return this.meetings.calendar(user, id, meetingId);
  }

  @Get('mentorships/:id/agreement')
  agreement(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<AgreementState> {
    return this.agreements.get(user, id);
  }

  @Put('mentorships/:id/agreement')
  saveAgreement(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: AgreementDto): Promise<AgreementView> {
    return this.agreements.save(user, id, body);
  }

  @Post('mentorships/:id/agreement/confirm')
  @HttpCode(200)
  confirmAgreement(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: ConfirmAgreementDto,
  ): Promise<AgreementView> {
    return this.agreements.confirm(user, id, body);
  }

  @Patch('mentorships/:id/sessions/:sessionId')
  editSession(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() body: EditSessionDto,
  ): Promise<SessionLogView> {
    return this.records.editSession(user, id, sessionId, body);
  }

  @Delete('mentorships/:id/sessions/:sessionId')
  @HttpCode(204)
  deleteSession(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('sessionId', uuid) sessionId: string): Promise<void> {
    return this.records.deleteSession(user, id, sessionId);
  }

  @Delete('mentorships/:id/goals/:goalId')
  @HttpCode(204)
  deleteGoal(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('goalId', uuid) goalId: string): Promise<void> {
    return this.records.deleteGoal(user, id, goalId);
  }

  @Get('mentorships/:id/changes')
  changes(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<MentorshipChangeView[]> {
    return this.records.changes(user, id);
  }

  @Get('check-ins')
  pendingCheckIns(@CurrentUser() user: AuthUser): Promise<CheckInView[]> {
    return this.checkIns.pending(user);
  }

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

  @Get('mentorships/:id/care')
  care(@Param('id', uuid) id: string): Promise<MentorshipCareView> {
    return this.checkIns.care(id);
  }

  @Get('check-ins/flags')
  flags(): Promise<CheckInFlagView[]> {
    return this.checkIns.flags();
  }
}
