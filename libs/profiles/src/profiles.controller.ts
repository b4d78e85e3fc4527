import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  EligibilityResult,
  MeView,
  SessionView,
  OrganisationView,
  ProfileView,
  PublicProfileView,
  StageChangeView,
  TaxonomyView,
} from '@mutuals/contracts';
import { AllowPending, AuthUser, CurrentUser, IdentityErrors, OptionalUser, Public } from '@mutuals/identity';
import { CreateOrganisationDto, EligibilityDto, MemberSearchDto, UpdateOrganisationDto, UpdateProfileDto } from './dto/profile.dto';
import { checkEligibility } from './eligibility/eligibility';
import { MemberRefPipe, type MemberRef } from './member-ref.pipe';
import { ProfilesService } from './profiles.service';
import { ProfilesErrors } from './profiles.errors';
import { Endpoint, GenericErrors } from '@mutuals/core';

@ApiTags('profiles')
@Controller()
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Endpoint({
    summary: 'Your own profile and account',
    response: 'MeView',
    errors: [IdentityErrors.memberNotFound, ProfilesErrors.memberNotFound],
  })
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<MeView> {
    return this.profiles.me(user.id);
  }

  /** The web client's view of who is signed in: never 401, so signed-out pages stay quiet. */
  @Endpoint({
    summary: 'Who is signed in (never 401: null when nobody is)',
    response: 'SessionView',
    errors: [IdentityErrors.memberNotFound, ProfilesErrors.memberNotFound],
  })
  @Public()
  @Get('auth/session')
  async session(@OptionalUser() user: AuthUser | null): Promise<SessionView> {
    return { user: user ? await this.profiles.me(user.id) : null };
  }

  @Endpoint({
    summary: 'Edit your profile',
    response: 'ProfileView',
    errors: [
      IdentityErrors.handleTaken,
      IdentityErrors.memberNotFound,
      ProfilesErrors.invalidProfile,
      ProfilesErrors.memberNotFound,
      ProfilesErrors.notOrganisationMember,
    ],
  })
  @AllowPending()
  @Patch('me/profile')
  updateProfile(@CurrentUser() user: AuthUser, @Body() body: UpdateProfileDto): Promise<ProfileView> {
    return this.profiles.updateProfile(user.id, body);
  }

  @Endpoint({ summary: 'The sectors, needs and regions members choose from', response: 'TaxonomyView', errors: [] })
  @Public()
  @Get('taxonomy')
  taxonomy(): TaxonomyView {
    return this.profiles.taxonomy();
  }

  @Endpoint({
    summary: 'Check eligibility for the programme',
    response: 'EligibilityResult',
    example: {
      outcome: 'likely',
      reasons: ['You deliver public services and your staff have a significant say in how you are run.'],
      nextSteps: ['Confirm when you expect to leave the public sector.', 'Register to find a mentor who has done it.'],
    },
    errors: [],
  })
  @Public()
  @Post('eligibility/check')
  @HttpCode(200)
  eligibility(@Body() body: EligibilityDto): EligibilityResult {
    return checkEligibility(body);
  }

  @Endpoint({ summary: 'Register your organisation', response: 'OrganisationView', errors: [] })
  @AllowPending()
  @Post('organisations')
  createOrganisation(@CurrentUser() user: AuthUser, @Body() body: CreateOrganisationDto): Promise<OrganisationView> {
    return this.profiles.createOrganisation(user.id, body);
  }

  @Endpoint({
    summary: 'Read an organisation and its members',
    response: 'OrganisationView & { members: PublicProfileView[] }',
    errors: [ProfilesErrors.organisationNotFound],
  })
  @Get('organisations/:id')
  organisation(@Param('id', ParseUUIDPipe) id: string) {
    return this.profiles.getOrganisation(id);
  }

  @Endpoint({
    summary: "An organisation's journey through the stages, oldest step first",
    response: 'StageChangeView[]',
    errors: [ProfilesErrors.organisationNotFound],
  })
  @Get('organisations/:id/stages')
  stages(@Param('id', ParseUUIDPipe) id: string): Promise<StageChangeView[]> {
    return this.profiles.stageHistory(id);
  }

  @Endpoint({
    summary: 'Edit your organisation',
    response: 'OrganisationView',
    errors: [ProfilesErrors.notOrganisationMember, ProfilesErrors.organisationNotFound],
  })
  @AllowPending()
  @Patch('organisations/:id')
  updateOrganisation(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationView> {
    return this.profiles.updateOrganisation(user, id, body);
  }

  @Endpoint({ summary: 'Search the member directory', response: 'Page<PublicProfileView>', errors: [GenericErrors.invalidCursor] })
  @Get('members')
  members(@Query() query: MemberSearchDto) {
    return this.profiles.searchMembers(query);
  }

  /** By id, or by handle: `/members/@handle` is where a forum mention links. */
  @Endpoint({
    summary: "Read a member's public profile, by id or @handle",
    response: 'PublicProfileView',
    errors: [ProfilesErrors.memberNotFound, ProfilesErrors.invalidProfile],
  })
  @Get('members/:id')
  member(@CurrentUser() user: AuthUser, @Param('id', MemberRefPipe) ref: MemberRef): Promise<PublicProfileView> {
    return this.profiles.getMember(ref, user);
  }
}
