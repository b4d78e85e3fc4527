import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UserView } from '@mutuals/contracts';
import { CoordinatorOnly, CurrentUser } from '../auth/auth.decorators';
import { MemberListQuery } from '../dto/auth.dto';
import { IdentityService } from '../identity.service';
import type { AuthUser } from '../identity.types';

@ApiTags('admin')
@CoordinatorOnly()
@Controller('admin/members')
export class AdminMembersController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  list(@Query() query: MemberListQuery) {
    return this.identity.listMembers(query);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<UserView> {
    return this.identity.approve(id, user.id);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  suspend(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<UserView> {
    return this.identity.suspend(id, user.id);
  }
}
