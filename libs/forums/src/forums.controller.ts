import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ForumPostView, ForumThreadCreated } from '@mutuals/contracts';
import { PageQuery } from '@mutuals/core';
import { AllowPending, AuthUser, CurrentUser } from '@mutuals/identity';
import { CreatePostDto, CreateThreadDto, FlagDto, MarkThreadReadDto, PostBodyDto, PreviewDto, SearchQuery } from './dto/forums.dto';
import { ForumsModerationService } from './forums-moderation.service';
import { ForumsPostingService } from './forums-posting.service';
import { ForumsReadingService } from './forums-reading.service';

const uuid = new ParseUUIDPipe();

@ApiTags('forums')
@Controller('forums')
export class ForumsController {
  constructor(
    private readonly reading: ForumsReadingService,
    private readonly posting: ForumsPostingService,
    private readonly moderation: ForumsModerationService,
  ) {}

  @Get('categories')
  categories() {
    return this.reading.categories();
  }

  @Get('categories/:slug/threads')
  threads(@CurrentUser() user: AuthUser, @Param('slug') slug: string, @Query() query: PageQuery) {
    return this.reading.listThreads(slug, user, query);
  }

  /** 201 once stored; the same clientId again answers the original thread with 200. */
  @Post('threads')
  async createThread(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateThreadDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ForumThreadCreated> {
    const { value, created } = await this.posting.createThread(user, body);
    reply.status(created ? 201 : 200);
    return value;
  }

  @Get('threads/:id')
  thread(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.reading.getThread(id, user);
  }

  @Get('threads/:id/posts')
  posts(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query() query: PageQuery) {
    return this.reading.listPosts(id, user, query);
  }

  /** 201 once stored; the same clientId again answers the original post with 200. */
  @Post('threads/:id/posts')
  async reply(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: CreatePostDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ForumPostView> {
    const { value, created } = await this.posting.reply(user, id, body);
    reply.status(created ? 201 : 200);
    return value;
  }

  @AllowPending()
  @Post('threads/:id/read')
  @HttpCode(204)
  markRead(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: MarkThreadReadDto) {
    return this.posting.markRead(user, id, body.lastReadPostId);
  }

  @AllowPending()
  @Put('threads/:id/subscription')
  @HttpCode(204)
  subscribe(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.posting.subscribe(user, id, true);
  }

  @AllowPending()
  @Delete('threads/:id/subscription')
  @HttpCode(204)
  unsubscribe(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.posting.subscribe(user, id, false);
  }

  @Get('posts/:id')
  post(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.reading.getPost(id, user);
  }

  @Get('posts/:id/revisions')
  revisions(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.reading.revisions(user, id);
  }

  @Patch('posts/:id')
  edit(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: PostBodyDto) {
    return this.posting.editPost(user, id, body.body);
  }

  @Delete('posts/:id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.posting.deletePost(user, id);
  }

  @Put('posts/:id/reactions/:emoji')
  @HttpCode(204)
  react(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('emoji') emoji: string) {
    return this.posting.react(user, id, emoji, true);
  }

  @Delete('posts/:id/reactions/:emoji')
  @HttpCode(204)
  unreact(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('emoji') emoji: string) {
    return this.posting.react(user, id, emoji, false);
  }

  @Post('posts/:id/flags')
  flag(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: FlagDto) {
    return this.moderation.flag(user, id, body.reason);
  }

  @Post('preview')
  @HttpCode(200)
  preview(@Body() body: PreviewDto) {
    return this.reading.preview(body.body);
  }

  @Get('search')
  search(@Query() query: SearchQuery) {
    return this.reading.search(query);
  }
}
