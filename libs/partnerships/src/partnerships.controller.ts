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
import { Endpoint, GenericErrors, PageQuery } from '@mutuals/core';
import { CoordinatorOnly, CurrentUser, type AuthUser } from '@mutuals/identity';
import { CapabilitiesService } from './capabilities.service';
import { InterestsService } from './interests.service';
import { OpportunitiesService } from './opportunities.service';
import { PartnershipsErrors } from './partnerships.errors';
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

  @Endpoint({
    summary: 'The partnerships vocabulary: capabilities, client groups, value bands',
    response: 'PartnershipsTaxonomyView',
    errors: [],
  })
  @Get('taxonomy')
  taxonomy(): PartnershipsTaxonomyView {
    return { capabilities: [...CAPABILITIES], clientGroups: [...CLIENT_GROUPS], valueBands: [...VALUE_BANDS] };
  }

  @Endpoint({
    summary: 'The board (open opportunities, best fit for your organisation first) or your organisation’s own',
    response: 'Page<OpportunityView>',
    errors: [GenericErrors.invalidCursor],
  })
  @Get('opportunities')
  list(@CurrentUser() user: AuthUser, @Query() query: OpportunityListDto): Promise<Page<OpportunityView>> {
    return this.opportunities.list(user, query);
  }

  @Endpoint({
    summary: 'Post an opportunity for your organisation, as a draft or open',
    response: 'OpportunityView',
    errors: [PartnershipsErrors.invalid, PartnershipsErrors.noOrganisation],
  })
  @Post('opportunities')
  post(@CurrentUser() user: AuthUser, @Body() body: CreateOpportunityDto): Promise<OpportunityView> {
    return this.opportunities.post(user, body);
  }

  @Endpoint({
    summary: 'An opportunity, with your organisation’s fit and your own interest',
    response: 'OpportunityView',
    errors: [PartnershipsErrors.opportunityNotFound],
  })
  @Get('opportunities/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<OpportunityView> {
    return this.opportunities.get(user, id);
  }

  @Endpoint({
    summary: 'Edit a draft or open opportunity (the poster’s organisation)',
    response: 'OpportunityView',
    errors: [
      PartnershipsErrors.invalid,
      PartnershipsErrors.invalidTransition,
      PartnershipsErrors.opportunityNotFound,
      PartnershipsErrors.posterOnly,
    ],
  })
  @Patch('opportunities/:id')
  update(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: UpdateOpportunityDto): Promise<OpportunityView> {
    return this.opportunities.update(user, id, body);
  }

  @Endpoint({
    summary: 'Move an opportunity on: publish, close, partnered, won, lost, withdrawn',
    response: 'OpportunityView',
    errors: [
      PartnershipsErrors.invalid,
      PartnershipsErrors.invalidTransition,
      PartnershipsErrors.nothingShortlisted,
      PartnershipsErrors.opportunityNotFound,
      PartnershipsErrors.posterOnly,
    ],
  })
  @Post('opportunities/:id/status')
  @HttpCode(200)
  move(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: OpportunityStatusDto): Promise<OpportunityView> {
    return this.opportunities.move(user, id, body);
  }

  @Endpoint({
    summary: 'Express your organisation’s interest, with a pitch',
    response: 'InterestView',
    errors: [
      PartnershipsErrors.duplicateInterest,
      PartnershipsErrors.noOrganisation,
      PartnershipsErrors.opportunityClosed,
      PartnershipsErrors.opportunityNotFound,
      PartnershipsErrors.ownOpportunity,
    ],
  })
  @Post('opportunities/:id/interests')
  express(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: ExpressInterestDto): Promise<InterestView> {
    return this.interests.express(user, id, body);
  }

  @Endpoint({
    summary: 'The pitches, shortlisted first (the poster’s organisation)',
    response: 'Page<InterestView>',
    errors: [GenericErrors.invalidCursor, PartnershipsErrors.opportunityNotFound, PartnershipsErrors.posterOnly],
  })
  @Get('opportunities/:id/interests')
  interestsOf(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query() query: PageQuery): Promise<Page<InterestView>> {
    return this.interests.list(user, id, query);
  }

  @Endpoint({
    summary: 'Your own pitch',
    response: 'InterestView',
    errors: [PartnershipsErrors.interestNotFound, PartnershipsErrors.opportunityNotFound],
  })
  @Get('opportunities/:id/interests/mine')
  myInterest(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<InterestView> {
    return this.interests.mine(user, id);
  }

  @Endpoint({
    summary: 'Shortlist an interested organisation',
    response: 'InterestView',
    errors: [
      PartnershipsErrors.interestNotFound,
      PartnershipsErrors.invalidTransition,
      PartnershipsErrors.opportunityNotFound,
      PartnershipsErrors.posterOnly,
    ],
  })
  @Put('opportunities/:id/interests/:interestId/shortlist')
  shortlist(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('interestId', uuid) interestId: string,
  ): Promise<InterestView> {
    return this.interests.shortlist(user, id, interestId, true);
  }

  @Endpoint({
    summary: 'Take an organisation off the shortlist',
    response: 'InterestView',
    errors: [
      PartnershipsErrors.interestNotFound,
      PartnershipsErrors.invalidTransition,
      PartnershipsErrors.opportunityNotFound,
      PartnershipsErrors.posterOnly,
    ],
  })
  @Delete('opportunities/:id/interests/:interestId/shortlist')
  unshortlist(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('interestId', uuid) interestId: string,
  ): Promise<InterestView> {
    return this.interests.shortlist(user, id, interestId, false);
  }

  @Endpoint({
    summary: 'Open (or reopen) the conversation of the poster’s members and the shortlist',
    response: 'OpportunityConversationView',
    errors: [
      PartnershipsErrors.invalidTransition,
      PartnershipsErrors.nothingShortlisted,
      PartnershipsErrors.opportunityNotFound,
      PartnershipsErrors.posterOnly,
    ],
  })
  @Post('opportunities/:id/conversation')
  @HttpCode(200)
  openConversation(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<OpportunityConversationView> {
    return this.interests.openConversation(user, id);
  }

  @Endpoint({
    summary: 'The VCSE directory: what organisations offer partners',
    response: 'Page<CapabilityProfileView>',
    errors: [GenericErrors.invalidCursor],
  })
  @Get('organisations')
  directory(@CurrentUser() user: AuthUser, @Query() query: CapabilityDirectoryDto): Promise<Page<CapabilityProfileView>> {
    return this.capabilities.directory(user, query);
  }

  @Endpoint({
    summary: 'What an organisation offers partners',
    response: 'CapabilityProfileView',
    errors: [PartnershipsErrors.capabilitiesNotFound],
  })
  @Get('organisations/:id/capabilities')
  capabilitiesOf(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<CapabilityProfileView> {
    return this.capabilities.get(user, id);
  }

  @Endpoint({
    summary: 'Publish what your VCSE organisation offers',
    response: 'CapabilityProfileView',
    errors: [PartnershipsErrors.capabilitiesNotFound, PartnershipsErrors.notVcse, PartnershipsErrors.posterOnly],
  })
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

  @Endpoint({ summary: 'Partnerships formed and won, by sector and region', response: 'PartnershipFiguresView', errors: [] })
  @Get('figures')
  figures(): Promise<PartnershipFiguresView> {
    return this.opportunities.figures();
  }
}
