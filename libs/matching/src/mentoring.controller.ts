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

@ApiTags('mentoring')
@Controller('mentoring')
export class MentoringController {
  constructor(
    private readonly matching: MatchingService,
    private readonly requests: MentoringRequestsService,
    private readonly mentorships: MentorshipsService,
  ) {}

  @Get('suggestions')
  suggestions(@CurrentUser() user: AuthUser, @Query() query: SuggestionsQuery): Promise<MentorSuggestionView[]> {
    return this.matching.suggestions(user, query.limit);
  }

  @Get('mentors/:id/availability')
  availability(@Param('id', ParseUUIDPipe) id: string): Promise<MentorAvailabilityView> {
    return this.matching.availability(id);
  }

  @Get('weights')
  weights(): MatchingWeightsView {
    return this.matching.weights();
  }

  @Post('requests')
  createRequest(@CurrentUser() user: AuthUser, @Body() body: CreateRequestDto): Promise<MentoringRequestView> {
    return this.requests.create(user, body);
  }

  @Get('requests')
  listRequests(@CurrentUser() user: AuthUser, @Query() query: RequestListQuery): Promise<Page<MentoringRequestView>> {
    return this.requests.list(user, query);
  }

  @Post('requests/:id/accept')
  @HttpCode(200)
  accept(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<MentorshipView> {
    return this.requests.accept(user, id);
  }

  @Post('requests/:id/decline')
  @HttpCode(200)
  decline(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DeclineRequestDto,
  ): Promise<MentoringRequestView> {
    return this.requests.decline(user, id, body.reason);
  }

  @Post('requests/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<MentoringRequestView> {
    return this.requests.withdraw(user, id);
  }

  @Get('mentorships')
  listMentorships(@CurrentUser() user: AuthUser, @Query() query: MentorshipListQuery): Promise<Page<MentorshipSummaryView>> {
    return this.mentorships.list(user, query);
  }

  @Get('mentorships/:id')
  getMentorship(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<MentorshipView> {
    return this.mentorships.get(user, id);
  }

  @Post('mentorships/:id/goals')
  addGoal(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateGoalDto): Promise<GoalView> {
    return this.mentorships.addGoal(user, id, body);
  }

  @Patch('mentorships/:id/goals/:goalId')
  updateGoal(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Body() body: UpdateGoalDto,
  ): Promise<GoalView> {
    return this.mentorships.updateGoal(user, id, goalId, body);
  }

  @Put('mentorships/:id/goals/:goalId/resources/:resourceId')
  linkResource(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Param('resourceId', ParseUUIDPipe) resourceId: string,
  ): Promise<GoalView> {
    return this.mentorships.linkResource(user, id, goalId, resourceId);
  }

  @Delete('mentorships/:id/goals/:goalId/resources/:resourceId')
  unlinkResource(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Param('resourceId', ParseUUIDPipe) resourceId: string,
  ): Promise<GoalView> {
    return this.mentorships.unlinkResource(user, id, goalId, resourceId);
  }

  @Post('mentorships/:id/sessions')
  logSession(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: LogSessionDto): Promise<SessionLogView> {
    return this.mentorships.logSession(user, id, body);
  }

  @Post('mentorships/:id/fit-check')
  @HttpCode(200)
  fitCheck(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: FitCheckDto): Promise<MentorshipView> {
    return this.mentorships.answerFitCheck(user, id, body);
  }

  @Post('mentorships/:id/close')
  @HttpCode(200)
  close(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: CloseMentorshipDto): Promise<MentorshipView> {
    return this.mentorships.close(user, id, body);
  }
}
