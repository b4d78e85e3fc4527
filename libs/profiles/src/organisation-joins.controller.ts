import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OrganisationJoinRequestView, OrganisationSummary } from '@mutuals/contracts';
import { AllowPending, CurrentUser, type AuthUser } from '@mutuals/identity';
import { JoinRequestListQuery, OrganisationSearchDto } from './dto/profile.dto';
import { OrganisationJoinsService } from './organisation-joins.service';

@ApiTags('organisations')
@Controller()
export class OrganisationJoinsController {
  constructor(private readonly joins: OrganisationJoinsService) {}

  /** A new member looks for their organisation by name during onboarding. */
  @Get('organisations')
  search(@Query() query: OrganisationSearchDto): Promise<OrganisationSummary[]> {
    return this.joins.search(query.q, query.limit);
  }

  /** Onboarding happens before approval, so a pending member may ask. */
  @AllowPending()
  @Post('organisations/:id/join-requests')
  ask(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationJoinRequestView> {
    return this.joins.ask(user, id);
  }

  @Get('organisation-join-requests')
  list(@CurrentUser() user: AuthUser, @Query() query: JoinRequestListQuery): Promise<OrganisationJoinRequestView[]> {
    return this.joins.list(user, query.box);
  }

  @Post('organisation-join-requests/:id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationJoinRequestView> {
    return this.joins.approve(user, id);
  }

  @Post('organisation-join-requests/:id/decline')
  @HttpCode(200)
  decline(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationJoinRequestView> {
    return this.joins.decline(user, id);
  }

  @AllowPending()
  @Post('organisation-join-requests/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationJoinRequestView> {
    return this.joins.withdraw(user, id);
  }
}
