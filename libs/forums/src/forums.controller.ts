import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQuery } from '@mutuals/core';
import { AllowPending, AuthUser, CurrentUser } from '@mutuals/identity';
import { CreatePostDto, CreateThreadDto, FlagDto, MarkThreadReadDto, PostBodyDto, PreviewDto, SearchQuery } from './dto/forums.dto';
import { ForumsModerationService } from './forums-moderation.service';
import { ForumsService } from './forums.service';

const uuid = new ParseUUIDPipe();

@ApiTags('forums')
@Controller('forums')
export class ForumsController {
  constructor(
    private readonly forums: ForumsService,
    private readonly moderation: ForumsModerationService,
  ) {}

  @Get('categories')
  categories() {
    return this.forums.categories();
  }

  @Get('categories/:slug/threads')
  threads(@CurrentUser() user: AuthUser, @Param('slug') slug: string, @Query() query: PageQuery) {
    return this.forums.listThreads(slug, user, query);
  }

  @Post('threads')
  createThread(@CurrentUser() user: AuthUser, @Body() body: CreateThreadDto) {
    return this.forums.createThread(user, body);
  }

  @Get('threads/:id')
  thread(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.forums.getThread(id, user);
  }

  @Get('threads/:id/posts')
  posts(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query() query: PageQuery) {
    return this.forums.listPosts(id, user, query);
  }

  @Post('threads/:id/posts')
  reply(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: CreatePostDto) {
    return this.forums.reply(user, id, body);
  }

  @AllowPending()
  @Post('threads/:id/read')
  @HttpCode(204)
  markRead(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: MarkThreadReadDto) {
    return this.forums.markRead(user, id, body.lastReadPostId);
  }

  @AllowPending()
  @Put('threads/:id/subscription')
  @HttpCode(204)
  subscribe(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.forums.subscribe(user, id, true);
  }

  @AllowPending()
  @Delete('threads/:id/subscription')
  @HttpCode(204)
  unsubscribe(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.forums.subscribe(user, id, false);
  }

  @Get('posts/:id')
  post(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.forums.getPost(id, user);
  }

  @Get('posts/:id/revisions')
  revisions(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.forums.revisions(user, id);
  }

  @Patch('posts/:id')
  edit(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: PostBodyDto) {
    return this.forums.editPost(user, id, body.body);
  }

  @Delete('posts/:id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.forums.deletePost(user, id);
  }

  @Put('posts/:id/reactions/:emoji')
  @HttpCode(204)
  react(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('emoji') emoji: string) {
    return this.forums.react(user, id, emoji, true);
  }

  @Delete('posts/:id/reactions/:emoji')
  @HttpCode(204)
  unreact(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('emoji') emoji: string) {
    return this.forums.react(user, id, emoji, false);
  }

  @Post('posts/:id/flags')
  flag(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: FlagDto) {
    return this.moderation.flag(user, id, body.reason);
  }

  @Post('preview')
  @HttpCode(200)
  preview(@Body() body: PreviewDto) {
    return this.forums.preview(body.body);
  }

  @Get('search')
  search(@CurrentUser() user: AuthUser, @Query() query: SearchQuery) {
    return this.forums.search(user, query);
  }
}
