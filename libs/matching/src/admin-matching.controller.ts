import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint, GenericErrors, type Page, PageQuery } from '@mutuals/core';
import type { AppliedRoundView, MatchingRoundSummaryView, MatchingRoundView, AdminMentorshipSummaryView } from '@mutuals/contracts';
import { CoordinatorOnly, CurrentUser, type AuthUser } from '@mutuals/identity';
import { AdminMentorshipListQuery, CreateRoundDto } from './dto/mentoring.dto';
import { MatchingService } from './matching.service';
import { MentorshipsService } from './mentorships.service';
import { MatchingErrors } from './matching.errors';

@ApiTags('admin')
@CoordinatorOnly()
@Controller('admin')
export class AdminMatchingController {
  constructor(
    private readonly matching: MatchingService,
    private readonly mentorships: MentorshipsService,
  ) {}

  @Endpoint({
    summary: 'Run a matching round (proposals only, nothing sent yet)',
    response: 'MatchingRoundView',
    errors: [MatchingErrors.invalidRound],
  })
  @Post('matching/rounds')
  createRound(@CurrentUser() user: AuthUser, @Body() body: CreateRoundDto): Promise<MatchingRoundView> {
    return this.matching.createRound(user, body);
  }

  @Endpoint({ summary: 'List matching rounds', response: 'Page<MatchingRoundSummaryView>', errors: [GenericErrors.invalidCursor] })
  @Get('matching/rounds')
  listRounds(@Query() query: PageQuery): Promise<Page<MatchingRoundSummaryView>> {
    return this.matching.listRounds(query);
  }

  @Endpoint({ summary: 'Read a matching round and its proposals', response: 'MatchingRoundView', errors: [MatchingErrors.roundNotFound] })
  @Get('matching/rounds/:id')
  getRound(@Param('id', ParseUUIDPipe) id: string): Promise<MatchingRoundView> {
    return this.matching.getRound(id);
  }

  @Endpoint({
    summary: 'Apply a matching round: send its chosen proposals as requests',
    response: 'AppliedRoundView',
    errors: [MatchingErrors.roundAlreadyApplied, MatchingErrors.roundNotFound],
  })
  @Post('matching/rounds/:id/apply')
  @HttpCode(200)
  applyRound(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AppliedRoundView> {
    return this.matching.applyRound(user, id);
  }

  @Endpoint({
    summary: 'List every mentorship with its health (counts only: goals and notes stay with the pair)',
    response: 'Page<AdminMentorshipSummaryView>',
    errors: [GenericErrors.invalidCursor],
  })
  @Get('mentoring/mentorships')
  listMentorships(@CurrentUser() user: AuthUser, @Query() query: AdminMentorshipListQuery): Promise<Page<AdminMentorshipSummaryView>> {
    return this.mentorships.listForCoordinator(user, query);
  }
}
