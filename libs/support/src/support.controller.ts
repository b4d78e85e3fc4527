import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '@mutuals/core';
import { Endpoint, GenericErrors, PageQuery } from '@mutuals/core';
import type { SupportApplicationView, SupportFundView, SupportPartnerView, SupportRoleView } from '@mutuals/contracts';
import { FilesErrors } from '@mutuals/files';
import { CoordinatorOnly, CurrentUser, type AuthUser } from '@mutuals/identity';
import {
  AddSupportAdviserDto,
  AddSupportDeliverableDto,
  ApproveSupportApplicationDto,
  AssignSupportApplicationDto,
  ConfirmSupportDeliveryDto,
  CreateSupportPartnerDto,
  DeclineSupportApplicationDto,
  LogSupportDeliveryDto,
  RequestSupportInformationDto,
  SupportApplicationDto,
  SupportApplicationsQuery,
  SupportAssessmentDto,
  UpdateSupportFundDto,
} from './support.dto';
import { SupportErrors } from './support.errors';
import { SupportService } from './support.service';

const uuid = new ParseUUIDPipe({ version: '4' });
const E = SupportErrors;

/** The applying organisation's side: drafts, submission, following the status, confirming delivery. */
@ApiTags('support')
@Controller('support')
export class SupportController {
  constructor(private readonly support: SupportService) {}

  @Endpoint({
    summary: 'How the caller takes part in the support programme (coordinator, adviser, applicant)',
    response: 'SupportRoleView',
    errors: [],
  })
  @Get('me')
  role(@CurrentUser() user: AuthUser): Promise<SupportRoleView> {
    return this.support.role(user);
  }

  @Endpoint({
    summary: "Your organisation's applications for support, in every state",
    response: 'Page<SupportApplicationView>',
    errors: [GenericErrors.invalidCursor],
  })
  @Get('applications')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<SupportApplicationView>> {
    return this.support.mine(user, query);
  }

  @Endpoint({
    summary: 'Start an application for your organisation (a draft only its members see)',
    response: 'SupportApplicationView',
    errors: [E.noOrganisation],
  })
  @Post('applications')
  create(@CurrentUser() user: AuthUser, @Body() body: SupportApplicationDto): Promise<SupportApplicationView> {
    return this.support.create(user, body);
  }

  @Endpoint({
    summary: 'An application the caller may see (its organisation, coordinators once submitted, the assigned partner’s advisers)',
    response: 'SupportApplicationView',
    errors: [E.applicationNotFound],
  })
  @Get('applications/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<SupportApplicationView> {
    return this.support.get(user, id);
  }

  @Endpoint({
    summary: 'Save a draft, or answer a request for more information',
    response: 'SupportApplicationView',
    errors: [E.applicationNotFound, E.notYourMove, E.invalidSupportTransition],
  })
  @Patch('applications/:id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: SupportApplicationDto,
  ): Promise<SupportApplicationView> {
    return this.support.update(user, id, body);
  }

  @Endpoint({
    summary: 'Submit (or resubmit) the application to the coordinators',
    response: 'SupportApplicationView',
    errors: [E.applicationNotFound, E.notYourMove, E.invalidSupportTransition, E.applicationIncomplete],
  })
  @Post('applications/:id/submit')
  @HttpCode(200)
  submit(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<SupportApplicationView> {
    return this.support.submit(user, id);
  }

  @Endpoint({
    summary: 'Confirm the advice was delivered and rate it; unspent days return to the fund',
    response: 'SupportApplicationView',
    errors: [E.applicationNotFound, E.notYourMove, E.invalidSupportTransition],
  })
  @Post('applications/:id/confirm')
  @HttpCode(200)
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: ConfirmSupportDeliveryDto,
  ): Promise<SupportApplicationView> {
    return this.support.confirm(user, id, body);
  }
}

/** The coordinators' side: the queue, assessment, decisions, assignment, the fund and the partners. */
@ApiTags('support admin')
@CoordinatorOnly()
@Controller('admin/support')
export class SupportAdminController {
  constructor(private readonly support: SupportService) {}

  @Endpoint({
    summary: 'The queue: applications submitted or beyond (or of one state)',
    response: 'Page<SupportApplicationView>',
    errors: [GenericErrors.invalidCursor],
  })
  @Get('applications')
  queue(@CurrentUser() user: AuthUser, @Query() query: SupportApplicationsQuery): Promise<Page<SupportApplicationView>> {
    return this.support.queue(user, query);
  }

  @Endpoint({
    summary: 'Score the application against the rubric (eligibility, readiness, growth case, match funding)',
    response: 'SupportApplicationView',
    errors: [E.applicationNotFound, E.invalidSupportTransition],
  })
  @Put('applications/:id/assessment')
  assess(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: SupportAssessmentDto,
  ): Promise<SupportApplicationView> {
    return this.support.assess(user, id, body);
  }

  @Endpoint({
    summary: 'Ask the applicant for more information',
    response: 'SupportApplicationView',
    errors: [E.applicationNotFound, E.invalidSupportTransition],
  })
  @Post('applications/:id/request-information')
  @HttpCode(200)
  requestInformation(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: RequestSupportInformationDto,
  ): Promise<SupportApplicationView> {
    return this.support.requestInformation(user, id, body.message);
  }

  @Endpoint({
    summary: 'Approve with adviser days per area, committing their cost against the fund',
    response: 'SupportApplicationView',
    errors: [E.applicationNotFound, E.invalidSupportTransition, E.assessmentIncomplete, E.fundExhausted, E.invalidSupportRequest],
  })
  @Post('applications/:id/approve')
  @HttpCode(200)
  approve(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: ApproveSupportApplicationDto,
  ): Promise<SupportApplicationView> {
    return this.support.approve(user, id, body);
  }

  @Endpoint({
    summary: 'Decline with the reasons the applicant sees',
    response: 'SupportApplicationView',
    errors: [E.applicationNotFound, E.invalidSupportTransition],
  })
  @Post('applications/:id/decline')
  @HttpCode(200)
  decline(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: DeclineSupportApplicationDto,
  ): Promise<SupportApplicationView> {
    return this.support.decline(user, id, body.reason);
  }

  @Endpoint({
    summary: 'Assign an approved application to a delivery partner (re-priced at its day rate)',
    response: 'SupportApplicationView',
    errors: [E.applicationNotFound, E.invalidSupportTransition, E.fundExhausted, E.invalidSupportRequest],
  })
  @Post('applications/:id/assign')
  @HttpCode(200)
  assign(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: AssignSupportApplicationDto,
  ): Promise<SupportApplicationView> {
    return this.support.assign(user, id, body.partnerId);
  }

  @Endpoint({
    summary: 'The fund: total, committed, delivered, remaining, by area and by partner',
    response: 'SupportFundView',
    errors: [],
  })
  @Get('fund')
  fund(): Promise<SupportFundView> {
    return this.support.fund();
  }

  @Endpoint({
    summary: 'Set the fund’s total (never below what is committed)',
    response: 'SupportFundView',
    errors: [E.fundBelowCommitted],
  })
  @Put('fund')
  setFund(@CurrentUser() user: AuthUser, @Body() body: UpdateSupportFundDto): Promise<SupportFundView> {
    return this.support.setFundTotal(user, body.totalPence);
  }

  @Endpoint({ summary: 'The delivery partners, their day rates and advisers', response: 'SupportPartnerView[]', errors: [] })
  @Get('partners')
  partners(): Promise<SupportPartnerView[]> {
    return this.support.partners();
  }

  @Endpoint({
    summary: 'Add a delivery partner (an organisation of kind delivery-partner)',
    response: 'SupportPartnerView',
    errors: [E.invalidSupportRequest],
  })
  @Post('partners')
  createPartner(@CurrentUser() user: AuthUser, @Body() body: CreateSupportPartnerDto): Promise<SupportPartnerView> {
    return this.support.createPartner(user, body);
  }

  @Endpoint({
    summary: 'Make a member an adviser of the partner',
    response: 'SupportPartnerView',
    errors: [E.partnerNotFound, E.invalidSupportRequest],
  })
  @Post('partners/:id/advisers')
  @HttpCode(200)
  addAdviser(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: AddSupportAdviserDto,
  ): Promise<SupportPartnerView> {
    return this.support.addAdviser(user, id, body.userId);
  }
}

/** The advisers' side: their partner's assignments, days delivered, documents, completion. */
@ApiTags('support')
@Controller('adviser/assignments')
export class AdviserController {
  constructor(private readonly support: SupportService) {}

  @Endpoint({
    summary: "Your delivery partner's assignments",
    response: 'Page<SupportApplicationView>',
    errors: [GenericErrors.invalidCursor, E.notAnAdviser],
  })
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<SupportApplicationView>> {
    return this.support.assignments(user, query);
  }

  @Endpoint({
    summary: 'Log days delivered in one area (never more than allocated)',
    response: 'SupportApplicationView',
    errors: [E.applicationNotFound, E.notYourMove, E.invalidSupportTransition, E.allocationExceeded, E.invalidSupportRequest],
  })
  @Post(':id/logs')
  @HttpCode(200)
  log(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: LogSupportDeliveryDto): Promise<SupportApplicationView> {
    return this.support.logDays(user, id, body);
  }

  @Endpoint({
    summary: 'Add a deliverable: a document you uploaded (POST /files, purpose attachment)',
    response: 'SupportApplicationView',
    errors: [E.applicationNotFound, E.notYourMove, E.invalidSupportTransition, FilesErrors.notYourFile],
  })
  @Post(':id/deliverables')
  @HttpCode(200)
  addDeliverable(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: AddSupportDeliverableDto,
  ): Promise<SupportApplicationView> {
    return this.support.addDeliverable(user, id, body);
  }

  @Endpoint({
    summary: 'Mark the work delivered; the applicant is asked to confirm and rate it',
    response: 'SupportApplicationView',
    errors: [E.applicationNotFound, E.notYourMove, E.invalidSupportTransition],
  })
  @Post(':id/complete')
  @HttpCode(200)
  complete(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<SupportApplicationView> {
    return this.support.complete(user, id);
  }
}
