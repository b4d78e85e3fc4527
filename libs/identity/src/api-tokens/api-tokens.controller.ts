import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminApiTokenView, ApiTokenCreatedView, ApiTokenView } from '@mutuals/contracts';
import { Endpoint } from '@mutuals/core';
import { AllowPending, CoordinatorOnly, CurrentUser, NoApiTokens } from '../auth/auth.decorators';
import { IdentityErrors } from '../identity.errors';
import type { AuthUser } from '../identity.types';
import { AdminApiTokenQuery, CreateApiTokenDto } from './api-tokens.dto';
import { ApiTokensService } from './api-tokens.service';

const uuid = new ParseUUIDPipe();

@ApiTags('api tokens')
@NoApiTokens()
@Controller()
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Endpoint({ summary: 'Your personal API tokens (never their secrets)', response: 'ApiTokenView[]', errors: [] })
  @Get('me/api-tokens')
  mine(@CurrentUser() user: AuthUser): Promise<ApiTokenView[]> {
    return this.tokens.listMine(user.id);
  }

  @Endpoint({
    summary: 'Create a personal API token (its secret is in this answer only)',
    response: 'ApiTokenCreatedView',
    errors: [IdentityErrors.scopeNotAllowed, IdentityErrors.invalidExpiry],
  })
  @AllowPending()
  @Post('me/api-tokens')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateApiTokenDto): Promise<ApiTokenCreatedView> {
    return this.tokens.create(user, body);
  }

  @Endpoint({
    summary: 'Revoke one of your API tokens (at once, on every server)',
    response: null,
    errors: [IdentityErrors.apiTokenNotFound],
  })
  @AllowPending()
  @Delete('me/api-tokens/:id')
  @HttpCode(204)
  revoke(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    return this.tokens.revoke(user, id, false);
  }

  @Endpoint({ summary: 'Every member’s API tokens', response: 'AdminApiTokenView[]', errors: [] })
  @CoordinatorOnly()
  @Get('admin/api-tokens')
  all(@Query() query: AdminApiTokenQuery): Promise<AdminApiTokenView[]> {
    return this.tokens.listAll(query.userId ?? null, query.revoked === true);
  }

  @Endpoint({ summary: 'Revoke any member’s API token', response: null, errors: [IdentityErrors.apiTokenNotFound] })
  @CoordinatorOnly()
  @Delete('admin/api-tokens/:id')
  @HttpCode(204)
  revokeAny(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    return this.tokens.revoke(user, id, true);
  }
}
