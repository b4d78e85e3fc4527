import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminMemberView, Page, UserView } from '@mutuals/contracts';
import {
  AuthUser,
  ChangeRoleDto,
  CoordinatorOnly,
  CurrentUser,
  IdentityErrors,
  IdentityService,
  RejectMemberDto,
} from '@mutuals/identity';
import { AdminMemberSearchDto } from './dto/profile.dto';
import { ProfilesService } from './profiles.service';
import { Endpoint, GenericErrors } from '@mutuals/core';

@ApiTags('admin')
@CoordinatorOnly()
@Controller('admin/members')
export class AdminMembersController {
  constructor(
    private readonly identity: IdentityService,
    private readonly profiles: ProfilesService,
  ) {}

  /**
   * Every account, newest first: the approvals queue and the people page. Accounts come from
   * identity; a sector or region filter first asks profiles which members are in it.
   */
  @Endpoint({
    summary: 'Find members: the approvals queue and the people page',
    response: 'Page<AdminMemberView>',
    errors: [GenericErrors.invalidCursor],
  })
  @Get()
  async list(@Query() query: AdminMemberSearchDto): Promise<Page<AdminMemberView>> {
    const { sector, region, ...accounts } = query;
    const ids = sector || region ? await this.profiles.memberIdsIn({ sector, region }) : undefined;
    const page = await this.identity.listMembers({ ...accounts, ids });
    const profiles = await this.profiles.getPublicProfiles(page.items.map((m) => m.id));
    return { ...page, items: page.items.map((m) => ({ ...m, organisationName: profiles.get(m.id)?.organisation?.name ?? null })) };
  }

  @Endpoint({ summary: 'Approve a member', response: 'UserView', errors: [IdentityErrors.memberNotFound] })
  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<UserView> {
    return this.identity.approve(id, user.id);
  }

  @Endpoint({
    summary: 'Turn down an applicant, with a reason',
    response: 'UserView',
    errors: [IdentityErrors.invalidTransition, IdentityErrors.memberNotFound],
  })
  @Post(':id/reject')
  @HttpCode(200)
  reject(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Body() body: RejectMemberDto): Promise<UserView> {
    return this.identity.reject(id, user.id, body.reason);
  }

  @Endpoint({
    summary: 'Reinstate a suspended or rejected member',
    response: 'UserView',
    errors: [IdentityErrors.invalidTransition, IdentityErrors.memberNotFound],
  })
  @Post(':id/reinstate')
  @HttpCode(200)
  reinstate(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<UserView> {
    return this.identity.reinstate(id, user.id);
  }

  @Endpoint({
    summary: "Change a member's role (only an admin gives or takes away admin)",
    response: 'UserView',
    errors: [IdentityErrors.adminsOnly, IdentityErrors.invalidTransition, IdentityErrors.memberNotFound],
  })
  @Post(':id/role')
  @HttpCode(200)
  changeRole(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Body() body: ChangeRoleDto): Promise<UserView> {
    return this.identity.changeRole(id, user, body.role);
  }

  @Endpoint({
    summary: 'Suspend a member (signs them out everywhere)',
    response: 'UserView',
    errors: [IdentityErrors.invalidTransition, IdentityErrors.memberNotFound],
  })
  @Post(':id/suspend')
  @HttpCode(200)
  suspend(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<UserView> {
    return this.identity.suspend(id, user.id);
  }
}
