import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CoordinatorOnly, CurrentUser } from '@mutuals/identity';
import { CreateCategoryDto, FlagQueueQuery, ReorderCategoriesDto, ResolveFlagDto, ToggleDto, UpdateCategoryDto } from './dto/forums.dto';
import { ForumsModerationService } from './forums-moderation.service';
import { ForumsReadingService } from './forums-reading.service';

const uuid = new ParseUUIDPipe();

@ApiTags('forums admin')
@CoordinatorOnly()
@Controller('admin')
export class ForumsAdminController {
  constructor(
    private readonly reading: ForumsReadingService,
    private readonly moderation: ForumsModerationService,
  ) {}

  /** Every category, archived ones too (members' GET /forums/categories leaves those out). */
  @Get('forums/categories')
  categories() {
    return this.reading.categories({ includeArchived: true });
  }

  @Post('forums/categories')
  createCategory(@Body() body: CreateCategoryDto) {
    return this.moderation.createCategory(body);
  }

  @Put('forums/categories/order')
  reorderCategories(@Body() body: ReorderCategoriesDto) {
    return this.moderation.reorderCategories(body.ids);
  }

  @Patch('forums/categories/:id')
  updateCategory(@Param('id', uuid) id: string, @Body() body: UpdateCategoryDto) {
    return this.moderation.updateCategory(id, body);
  }

  /** value true archives (read-only, hidden from members' list); false brings it back. */
  @Post('forums/categories/:id/archive')
  @HttpCode(200)
  archiveCategory(@Param('id', uuid) id: string, @Body() body: ToggleDto) {
    return this.moderation.archiveCategory(id, body.value);
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
