import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OrganisationJoinRequestView, OrganisationSummary } from '@mutuals/contracts';
import { AllowPending, CurrentUser, type AuthUser } from '@mutuals/identity';
import { JoinRequestListQuery, OrganisationSearchDto } from './dto/profile.dto';
import { OrganisationJoinsService } from './organisation-joins.service';
import { ProfilesErrors } from './profiles.errors';
import { Endpoint } from '@mutuals/core';

@ApiTags('organisations')
@Controller()
export class OrganisationJoinsController {
  constructor(private readonly joins: OrganisationJoinsService) {}

  /** A new member looks for their organisation by name during onboarding. */
  @Endpoint({ summary: 'Find an organisation by name', response: 'OrganisationSummary[]', errors: [] })
  @Get('organisations')
  search(@Query() query: OrganisationSearchDto): Promise<OrganisationSummary[]> {
    return this.joins.search(query.q, query.limit);
  }

  /** Onboarding happens before approval, so a pending member may ask. */
  @Endpoint({
    summary: 'Ask to join an organisation',
    response: 'OrganisationJoinRequestView',
    errors: [ProfilesErrors.alreadyInOrganisation, ProfilesErrors.joinRequestPending, ProfilesErrors.organisationNotFound],
  })
  @AllowPending()
  @Post('organisations/:id/join-requests')
  ask(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationJoinRequestView> {
    return this.joins.ask(user, id);
  }

  @Endpoint({ summary: 'Requests to join your organisation, and your own', response: 'OrganisationJoinRequestView[]', errors: [] })
  @Get('organisation-join-requests')
  list(@CurrentUser() user: AuthUser, @Query() query: JoinRequestListQuery): Promise<OrganisationJoinRequestView[]> {
    return this.joins.list(user, query.box);
  }

  @Endpoint({
    summary: 'Approve a request to join your organisation',
    response: 'OrganisationJoinRequestView',
    errors: [ProfilesErrors.joinRequestDecided, ProfilesErrors.joinRequestNotFound],
  })
  @Post('organisation-join-requests/:id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationJoinRequestView> {
    return this.joins.approve(user, id);
  }

  @Endpoint({
    summary: 'Decline a request to join your organisation',
    response: 'OrganisationJoinRequestView',
    errors: [ProfilesErrors.joinRequestDecided, ProfilesErrors.joinRequestNotFound],
  })
  @Post('organisation-join-requests/:id/decline')
  @HttpCode(200)
  decline(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationJoinRequestView> {
    return this.joins.decline(user, id);
  }

  @Endpoint({
    summary: 'Withdraw your request to join an organisation',
    response: 'OrganisationJoinRequestView',
    errors: [ProfilesErrors.joinRequestDecided, ProfilesErrors.joinRequestNotFound],
  })
  @AllowPending()
  @Post('organisation-join-requests/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationJoinRequestView> {
    return this.joins.withdraw(user, id);
  }
}
