import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CoordinatorOnly, CurrentUser } from '@mutuals/identity';
import { CreateCategoryDto, FlagQueueQuery, ResolveFlagDto, ToggleDto } from './dto/forums.dto';
import { ForumsModerationService } from './forums-moderation.service';

const uuid = new ParseUUIDPipe();

@ApiTags('forums admin')
@CoordinatorOnly()
@Controller('admin')
export class ForumsAdminController {
  constructor(private readonly moderation: ForumsModerationService) {}

  @Post('forums/categories')
  createCategory(@Body() body: CreateCategoryDto) {
    return this.moderation.createCategory(body);
  }

  @Post('forums/threads/:id/pin')
  @HttpCode(200)
  pin(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: ToggleDto) {
    return this.moderation.setThreadFlag(user, id, 'pinned', body.value);
  }

  @Post('forums/threads/:id/lock')
  @HttpCode(200)
  lock(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: ToggleDto) {
    return this.moderation.setThreadFlag(user, id, 'locked', body.value);
  }

  @Get('flags')
  flags(@CurrentUser() user: AuthUser, @Query() query: FlagQueueQuery) {
    return this.moderation.queue(user, query);
  }

  @Post('flags/:id/resolve')
  @HttpCode(200)
  resolve(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: ResolveFlagDto) {
    return this.moderation.resolve(user, id, body.action);
  }

  @Post('posts/:id/hide')
  @HttpCode(200)
  hide(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.moderation.hide(user, id);
  }

  @Post('posts/:id/restore')
  @HttpCode(200)
  restore(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.moderation.restore(user, id);
  }
}
