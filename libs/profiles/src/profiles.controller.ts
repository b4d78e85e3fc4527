import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EligibilityResult, MeView, SessionView, OrganisationView, ProfileView, PublicProfileView, StageChangeView, TaxonomyView } from '@mutuals/contracts';
import { AllowPending, AuthUser, CurrentUser, OptionalUser, Public } from '@mutuals/identity';
import { CreateOrganisationDto, EligibilityDto, MemberSearchDto, UpdateOrganisationDto, UpdateProfileDto } from './dto/profile.dto';
import { checkEligibility } from './eligibility/eligibility';
import { MemberRefPipe, type MemberRef } from './member-ref.pipe';
import { ProfilesService } from './profiles.service';

@ApiTags('profiles')
@Controller()
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<MeView> {
    return this.profiles.me(user.id);
  }

  /** The web client's view of who is signed in: never 401, so signed-out pages stay quiet. */
  @Public()
  @Get('auth/session')
  async session(@OptionalUser() user: AuthUser | null): Promise<SessionView> {
    return { user: user ? await this.profiles.me(user.id) : null };
  }

  @AllowPending()
  @Patch('me/profile')
  updateProfile(@CurrentUser() user: AuthUser, @Body() body: UpdateProfileDto): Promise<ProfileView> {
    return this.profiles.updateProfile(user.id, body);
  }

  @Public()
  @Get('taxonomy')
  taxonomy(): TaxonomyView {
    return this.profiles.taxonomy();
  }

  @Public()
  @Post('eligibility/check')
  @HttpCode(200)
  eligibility(@Body() body: EligibilityDto): EligibilityResult {
    return checkEligibility(body);
  }

  @AllowPending()
  @Post('organisations')
  createOrganisation(@CurrentUser() user: AuthUser, @Body() body: CreateOrganisationDto): Promise<OrganisationView> {
    return this.profiles.createOrganisation(user.id, body);
  }

  @Get('organisations/:id')
  organisation(@Param('id', ParseUUIDPipe) id: string) {
    return this.profiles.getOrganisation(id);
  }

  /** The organisation's journey through the stages, oldest step first. */
  @Get('organisations/:id/stages')
  stages(@Param('id', ParseUUIDPipe) id: string): Promise<StageChangeView[]> {
    return this.profiles.stageHistory(id);
  }

  @AllowPending()
  @Patch('organisations/:id')
  updateOrganisation(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationView> {
    return this.profiles.updateOrganisation(user, id, body);
  }

  @Get('members')
  members(@Query() query: MemberSearchDto) {
    return this.profiles.searchMembers(query);
  }

  /** By id, or by handle: `/members/@handle` is where a forum mention links. */
  @Get('members/:id')
  member(@CurrentUser() user: AuthUser, @Param('id', MemberRefPipe) ref: MemberRef): Promise<PublicProfileView> {
    return this.profiles.getMember(ref, user);
  }
}
