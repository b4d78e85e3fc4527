import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  CapabilityProfileView,
  InterestView,
  OpportunityConversationView,
  OpportunityView,
  Page,
  PartnershipFiguresView,
  PartnershipsTaxonomyView,
} from '@mutuals/contracts';
import { PageQuery } from '@mutuals/core';
import { CoordinatorOnly, CurrentUser, type AuthUser } from '@mutuals/identity';
import { CapabilitiesService } from './capabilities.service';
import { InterestsService } from './interests.service';
import { OpportunitiesService } from './opportunities.service';
import { CLIENT_GROUPS, CAPABILITIES, VALUE_BANDS } from './partnerships-taxonomy';
import {
  CapabilityDirectoryDto,
  CapabilityProfileDto,
  CreateOpportunityDto,
  ExpressInterestDto,
  OpportunityListDto,
  OpportunityStatusDto,
  UpdateOpportunityDto,
} from './partnerships.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('partnerships')
@Controller('partnerships')
export class PartnershipsController {
  constructor(
    private readonly opportunities: OpportunitiesService,
    private readonly interests: InterestsService,
    private readonly capabilities: CapabilitiesService,
  ) {}

  @Get('taxonomy')
  taxonomy(): PartnershipsTaxonomyView {
    return { capabilities: [...CAPABILITIES], clientGroups: [...CLIENT_GROUPS], valueBands: [...VALUE_BANDS] };
  }

  @Get('opportunities')
  list(@CurrentUser() user: AuthUser, @Query() query: OpportunityListDto): Promise<Page<OpportunityView>> {
    return this.opportunities.list(user, query);
  }

  @Post('opportunities')
  post(@CurrentUser() user: AuthUser, @Body() body: CreateOpportunityDto): Promise<OpportunityView> {
    return this.opportunities.post(user, body);
  }

  @Get('opportunities/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<OpportunityView> {
    return this.opportunities.get(user, id);
  }

  @Patch('opportunities/:id')
  update(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: UpdateOpportunityDto): Promise<OpportunityView> {
    return this.opportunities.update(user, id, body);
  }

  @Post('opportunities/:id/status')
  @HttpCode(200)
  move(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: OpportunityStatusDto): Promise<OpportunityView> {
    return this.opportunities.move(user, id, body);
  }

  @Post('opportunities/:id/interests')
  express(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: ExpressInterestDto): Promise<InterestView> {
    return this.interests.express(user, id, body);
  }

  @Get('opportunities/:id/interests')
  interestsOf(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query() query: PageQuery): Promise<Page<InterestView>> {
    return this.interests.list(user, id, query);
  }

  @Get('opportunities/:id/interests/mine')
  myInterest(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<InterestView> {
    return this.interests.mine(user, id);
  }

  @Put('opportunities/:id/interests/:interestId/shortlist')
  shortlist(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('interestId', uuid) interestId: string,
  ): Promise<InterestView> {
    return this.interests.shortlist(user, id, interestId, true);
  }

  @Delete('opportunities/:id/interests/:interestId/shortlist')
  unshortlist(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('interestId', uuid) interestId: string,
  ): Promise<InterestView> {
    return this.interests.shortlist(user, id, interestId, false);
  }

  @Post('opportunities/:id/conversation')
  @HttpCode(200)
  openConversation(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<OpportunityConversationView> {
    return this.interests.openConversation(user, id);
  }

  @Get('organisations')
  directory(@CurrentUser() user: AuthUser, @Query() query: CapabilityDirectoryDto): Promise<Page<CapabilityProfileView>> {
    return this.capabilities.directory(user, query);
  }

  @Get('organisations/:id/capabilities')
  capabilitiesOf(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<CapabilityProfileView> {
    return this.capabilities.get(user, id);
  }

  @Put('organisations/:id/capabilities')
  saveCapabilities(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: CapabilityProfileDto,
  ): Promise<CapabilityProfileView> {
    return this.capabilities.save(user, id, body);
  }
}

@ApiTags('partnerships')
@CoordinatorOnly()
@Controller('admin/partnerships')
export class PartnershipsAdminController {
  constructor(private readonly opportunities: OpportunitiesService) {}

  @Get('figures')
  figures(): Promise<PartnershipFiguresView> {
    return this.opportunities.figures();
  }
}
