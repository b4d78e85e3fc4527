import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CoordinatorOnly, CurrentUser } from '@mutuals/identity';
import { CreateCategoryDto, FlagQueueQuery, ReorderCategoriesDto, ResolveFlagDto, ToggleDto, UpdateCategoryDto } from './dto/forums.dto';
import { ForumsModerationService } from './forums-moderation.service';
import { ForumsReadingService } from './forums-reading.service';
import { Endpoint, GenericErrors } from '@mutuals/core';
import { ForumsErrors } from './forums.errors';

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
  @Endpoint({ summary: 'List every forum category, archived ones too', response: 'ForumCategoryView[]', errors: [] })
  @Get('forums/categories')
  categories() {
    return this.reading.categories({ includeArchived: true });
  }

  @Endpoint({
    summary: 'Create a forum category',
    response: 'ForumCategoryView',
    errors: [ForumsErrors.categoryNotFound, ForumsErrors.categoryTaken],
  })
  @Post('forums/categories')
  createCategory(@Body() body: CreateCategoryDto) {
    return this.moderation.createCategory(body);
  }

  @Endpoint({ summary: 'Set the order of the forum categories', response: 'ForumCategoryView[]', errors: [ForumsErrors.invalid] })
  @Put('forums/categories/order')
  reorderCategories(@Body() body: ReorderCategoriesDto) {
    return this.moderation.reorderCategories(body.ids);
  }

  @Endpoint({ summary: 'Rename or describe a forum category', response: 'ForumCategoryView', errors: [ForumsErrors.categoryNotFound] })
  @Patch('forums/categories/:id')
  updateCategory(@Param('id', uuid) id: string, @Body() body: UpdateCategoryDto) {
    return this.moderation.updateCategory(id, body);
  }

  /** value true archives (read-only, hidden from members' list); false brings it back. */
  @Endpoint({
    summary: 'Archive a forum category, or bring it back',
    response: 'ForumCategoryView',
    errors: [ForumsErrors.categoryNotFound],
  })
  @Post('forums/categories/:id/archive')
  @HttpCode(200)
  archiveCategory(@Param('id', uuid) id: string, @Body() body: ToggleDto) {
    return this.moderation.archiveCategory(id, body.value);
  }

  @Endpoint({ summary: 'Pin a thread, or unpin it', response: 'ForumThreadView', errors: [ForumsErrors.threadNotFound] })
  @Post('forums/threads/:id/pin')
  @HttpCode(200)
  pin(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: ToggleDto) {
    return this.moderation.setThreadFlag(user, id, 'pinned', body.value);
  }

  @Endpoint({ summary: 'Lock a thread, or unlock it', response: 'ForumThreadView', errors: [ForumsErrors.threadNotFound] })
  @Post('forums/threads/:id/lock')
  @HttpCode(200)
  lock(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: ToggleDto) {
    return this.moderation.setThreadFlag(user, id, 'locked', body.value);
  }

  @Endpoint({ summary: 'List the flag queue', response: 'Page<ForumFlagView>', errors: [GenericErrors.invalidCursor] })
  @Get('flags')
  flags(@CurrentUser() user: AuthUser, @Query() query: FlagQueueQuery) {
    return this.moderation.queue(user, query);
  }

  @Endpoint({
    summary: 'Resolve a flag (dismiss it, or hide the post)',
    response: 'ForumFlagView',
    errors: [ForumsErrors.flagNotFound, ForumsErrors.flagResolved, ForumsErrors.postNotFound],
  })
  @Post('flags/:id/resolve')
  @HttpCode(200)
  resolve(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: ResolveFlagDto) {
    return this.moderation.resolve(user, id, body.action);
  }

  @Endpoint({ summary: 'Hide a post', response: 'ForumPostView', errors: [ForumsErrors.postNotFound] })
  @Post('posts/:id/hide')
  @HttpCode(200)
  hide(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.moderation.hide(user, id);
  }

  @Endpoint({ summary: 'Restore a hidden post', response: 'ForumPostView', errors: [ForumsErrors.notHidden, ForumsErrors.postNotFound] })
  @Post('posts/:id/restore')
  @HttpCode(200)
  restore(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.moderation.restore(user, id);
  }
}
