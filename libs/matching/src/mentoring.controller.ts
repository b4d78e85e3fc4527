import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '@mutuals/core';
import type {
  GoalView,
  MatchingWeightsView,
  MentorAvailabilityView,
  MentoringRequestView,
  MentorshipSummaryView,
  MentorshipView,
  MentorSuggestionView,
  SessionLogView,
} from '@mutuals/contracts';
import { CurrentUser, type AuthUser } from '@mutuals/identity';
import {
  CloseMentorshipDto,
  CreateGoalDto,
  CreateRequestDto,
  DeclineRequestDto,
  FitCheckDto,
  LogSessionDto,
  MentorshipListQuery,
  RequestListQuery,
  SuggestionsQuery,
  UpdateGoalDto,
} from './dto/mentoring.dto';
import { MatchingService } from './matching.service';
import { MentoringRequestsService } from './mentoring-requests.service';
import { MentorshipsService } from './mentorships.service';
import { Endpoint, GenericErrors } from '@mutuals/core';
import { MatchingErrors } from './matching.errors';

@ApiTags('mentoring')
@Controller('mentoring')
export class MentoringController {
  constructor(
    private readonly matching: MatchingService,
    private readonly requests: MentoringRequestsService,
    private readonly mentorships: MentorshipsService,
  ) {}

  @Endpoint({ summary: 'Mentors suggested for you, best match first', response: 'MentorSuggestionView[]', errors: [] })
  @Get('suggestions')
  suggestions(@CurrentUser() user: AuthUser, @Query() query: SuggestionsQuery): Promise<MentorSuggestionView[]> {
    return this.matching.suggestions(user, query.limit);
  }

  @Endpoint({ summary: "A mentor's availability (places left)", response: 'MentorAvailabilityView', errors: [] })
  @Get('mentors/:id/availability')
  availability(@Param('id', ParseUUIDPipe) id: string): Promise<MentorAvailabilityView> {
    return this.matching.availability(id);
  }

  @Endpoint({ summary: 'How suggestions are weighed', response: 'MatchingWeightsView', errors: [] })
  @Get('weights')
  weights(): MatchingWeightsView {
    return this.matching.weights();
  }

  @Endpoint({
    summary: 'Ask a mentor for mentoring',
    response: 'MentoringRequestView',
    errors: [
      MatchingErrors.alreadyMentored,
      MatchingErrors.cannotRequestSelf,
      MatchingErrors.duplicateRequest,
      MatchingErrors.mentorFull,
      MatchingErrors.notAMentor,
      MatchingErrors.tooManyOpenRequests,
    ],
  })
  @Post('requests')
  createRequest(@CurrentUser() user: AuthUser, @Body() body: CreateRequestDto): Promise<MentoringRequestView> {
    return this.requests.create(user, body);
  }

  @Endpoint({
    summary: 'Your mentoring requests, sent and received',
    response: 'Page<MentoringRequestView>',
    errors: [GenericErrors.invalidCursor],
  })
  @Get('requests')
  listRequests(@CurrentUser() user: AuthUser, @Query() query: RequestListQuery): Promise<Page<MentoringRequestView>> {
    return this.requests.list(user, query);
  }

  @Endpoint({
    summary: 'Accept a mentoring request (starts the mentorship)',
    response: 'MentorshipView',
    errors: [
      MatchingErrors.capacityFull,
      MatchingErrors.menteeOnly,
      MatchingErrors.mentorOnly,
      MatchingErrors.mentorshipNotFound,
      MatchingErrors.requestNotFound,
      MatchingErrors.requestNotPending,
    ],
  })
  @Post('requests/:id/accept')
  @HttpCode(200)
  accept(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<MentorshipView> {
    return this.requests.accept(user, id);
  }

  @Endpoint({
    summary: 'Decline a mentoring request',
    response: 'MentoringRequestView',
    errors: [MatchingErrors.menteeOnly, MatchingErrors.mentorOnly, MatchingErrors.requestNotFound, MatchingErrors.requestNotPending],
  })
  @Post('requests/:id/decline')
  @HttpCode(200)
  decline(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DeclineRequestDto,
  ): Promise<MentoringRequestView> {
    return this.requests.decline(user, id, body.reason);
  }

  @Endpoint({
    summary: 'Withdraw your mentoring request',
    response: 'MentoringRequestView',
    errors: [MatchingErrors.menteeOnly, MatchingErrors.mentorOnly, MatchingErrors.requestNotFound, MatchingErrors.requestNotPending],
  })
  @Post('requests/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<MentoringRequestView> {
    return this.requests.withdraw(user, id);
  }

  @Endpoint({ summary: 'Your mentorships', response: 'Page<MentorshipSummaryView>', errors: [GenericErrors.invalidCursor] })
  @Get('mentorships')
  listMentorships(@CurrentUser() user: AuthUser, @Query() query: MentorshipListQuery): Promise<Page<MentorshipSummaryView>> {
    return this.mentorships.list(user, query);
  }

  @Endpoint({ summary: 'Read a mentorship', response: 'MentorshipView', errors: [MatchingErrors.mentorshipNotFound] })
  @Get('mentorships/:id')
  getMentorship(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<MentorshipView> {
    return this.mentorships.get(user, id);
  }

  @Endpoint({
    summary: 'Add a goal to a mentorship',
    response: 'GoalView',
    errors: [MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly, MatchingErrors.tooManyGoals],
  })
  @Post('mentorships/:id/goals')
  addGoal(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateGoalDto): Promise<GoalView> {
    return this.mentorships.addGoal(user, id, body);
  }

  @Endpoint({
    summary: 'Edit a goal or mark it done',
    response: 'GoalView',
    errors: [MatchingErrors.goalNotFound, MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Patch('mentorships/:id/goals/:goalId')
  updateGoal(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Body() body: UpdateGoalDto,
  ): Promise<GoalView> {
    return this.mentorships.updateGoal(user, id, goalId, body);
  }

  @Endpoint({
    summary: 'Link a resource from the library to a goal',
    response: 'GoalView',
    errors: [
      MatchingErrors.goalNotFound,
      MatchingErrors.mentorshipClosed,
      MatchingErrors.mentorshipNotFound,
      MatchingErrors.pairOnly,
      MatchingErrors.resourceNotFound,
    ],
  })
  @Put('mentorships/:id/goals/:goalId/resources/:resourceId')
  linkResource(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Param('resourceId', ParseUUIDPipe) resourceId: string,
  ): Promise<GoalView> {
    return this.mentorships.linkResource(user, id, goalId, resourceId);
  }

  @Endpoint({
    summary: 'Unlink a resource from a goal',
    response: 'GoalView',
    errors: [MatchingErrors.goalNotFound, MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Delete('mentorships/:id/goals/:goalId/resources/:resourceId')
  unlinkResource(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Param('resourceId', ParseUUIDPipe) resourceId: string,
  ): Promise<GoalView> {
    return this.mentorships.unlinkResource(user, id, goalId, resourceId);
  }

  @Endpoint({
    summary: 'Log a session that was not booked here',
    response: 'SessionLogView',
    errors: [MatchingErrors.invalidSession, MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Post('mentorships/:id/sessions')
  logSession(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: LogSessionDto): Promise<SessionLogView> {
    return this.mentorships.logSession(user, id, body);
  }

  @Endpoint({
    summary: 'Answer the fit check (carry on or part ways)',
    response: 'MentorshipView',
    errors: [MatchingErrors.fitCheckTooEarly, MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Post('mentorships/:id/fit-check')
  @HttpCode(200)
  fitCheck(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: FitCheckDto): Promise<MentorshipView> {
    return this.mentorships.answerFitCheck(user, id, body);
  }

  @Endpoint({
    summary: 'Close a mentorship',
    response: 'MentorshipView',
    errors: [MatchingErrors.mentorshipClosed, MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Post('mentorships/:id/close')
  @HttpCode(200)
  close(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: CloseMentorshipDto): Promise<MentorshipView> {
    return this.mentorships.close(user, id, body);
  }
}
