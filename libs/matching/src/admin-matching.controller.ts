import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQuery, type Page } from '@mutuals/core';
import type { AppliedRoundView, MatchingRoundSummaryView, MatchingRoundView, MentorshipSummaryView } from '@mutuals/contracts';
import { CoordinatorOnly, CurrentUser, type AuthUser } from '@mutuals/identity';
import { AdminMentorshipListQuery, CreateRoundDto } from './dto/mentoring.dto';
import { MatchingService } from './matching.service';
import { MentorshipsService } from './mentorships.service';

@ApiTags('admin')
@CoordinatorOnly()
@Controller('admin')
export class AdminMatchingController {
  constructor(
    private readonly matching: MatchingService,
    private readonly mentorships: MentorshipsService,
  ) {}

  @Post('matching/rounds')
  createRound(@CurrentUser() user: AuthUser, @Body() body: CreateRoundDto): Promise<MatchingRoundView> {
    return this.matching.createRound(user, body);
  }

  @Get('matching/rounds')
  listRounds(@Query() query: PageQuery): Promise<Page<MatchingRoundSummaryView>> {
    return this.matching.listRounds(query);
  }

  @Get('matching/rounds/:id')
  getRound(@Param('id', ParseUUIDPipe) id: string): Promise<MatchingRoundView> {
    return this.matching.getRound(id);
  }

  @Post('matching/rounds/:id/apply')
  @HttpCode(200)
  applyRound(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AppliedRoundView> {
    return this.matching.applyRound(user, id);
  }

  @Get('mentoring/mentorships')
  listMentorships(@CurrentUser() user: AuthUser, @Query() query: AdminMentorshipListQuery): Promise<Page<MentorshipSummaryView>> {
    return this.mentorships.listForCoordinator(user, query);
  }
}
