import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ForumPostView, ForumThreadCreated } from '@mutuals/contracts';
import { Endpoint, GenericErrors, PageQuery } from '@mutuals/core';
import { AllowPending, AuthUser, CurrentUser } from '@mutuals/identity';
import { CreatePostDto, CreateThreadDto, FlagDto, MarkThreadReadDto, PostBodyDto, PreviewDto, SearchQuery } from './dto/forums.dto';
import { ForumsModerationService } from './forums-moderation.service';
import { ForumsPostingService } from './forums-posting.service';
import { ForumsReadingService } from './forums-reading.service';
import { FilesErrors } from '@mutuals/files';
import { ForumsErrors } from './forums.errors';

const uuid = new ParseUUIDPipe();

@ApiTags('forums')
@Controller('forums')
export class ForumsController {
  constructor(
    private readonly reading: ForumsReadingService,
    private readonly posting: ForumsPostingService,
    private readonly moderation: ForumsModerationService,
  ) {}

  @Endpoint({ summary: 'List forum categories', response: 'ForumCategoryView[]', errors: [] })
  @Get('categories')
  categories() {
    return this.reading.categories();
  }

  @Endpoint({
    summary: "List a category's threads",
    response: 'Page<ForumThreadSummary>',
    errors: [GenericErrors.invalidCursor, ForumsErrors.categoryNotFound],
  })
  @Get('categories/:slug/threads')
  threads(@CurrentUser() user: AuthUser, @Param('slug') slug: string, @Query() query: PageQuery) {
    return this.reading.listThreads(slug, user, query);
  }

  /** 201 once stored; the same clientId again answers the original thread with 200. */
  @Endpoint({
    summary: 'Start a thread (the same clientId again answers the original with 200)',
    response: 'ForumThreadCreated',
    status: [201, 200],
    errors: [
      GenericErrors.rateLimited,
      FilesErrors.notYourFile,
      ForumsErrors.categoryArchived,
      ForumsErrors.invalid,
      ForumsErrors.threadLocked,
      ForumsErrors.threadNotFound,
    ],
  })
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

  @Endpoint({ summary: 'Read a thread', response: 'ForumThreadView', errors: [ForumsErrors.threadNotFound] })
  @Get('threads/:id')
  thread(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.reading.getThread(id, user);
  }

  @Endpoint({
    summary: "List a thread's posts",
    response: 'Page<ForumPostView>',
    errors: [GenericErrors.invalidCursor, ForumsErrors.threadNotFound],
  })
  @Get('threads/:id/posts')
  posts(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query() query: PageQuery) {
    return this.reading.listPosts(id, user, query);
  }

  /** 201 once stored; the same clientId again answers the original post with 200. */
  @Endpoint({
    summary: 'Reply in a thread (the same clientId again answers the original with 200)',
    response: 'ForumPostView',
    status: [201, 200],
    errors: [
      GenericErrors.rateLimited,
      FilesErrors.notYourFile,
      ForumsErrors.categoryArchived,
      ForumsErrors.invalid,
      ForumsErrors.postNotFound,
      ForumsErrors.threadLocked,
      ForumsErrors.threadNotFound,
    ],
  })
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

  @Endpoint({ summary: 'Mark a thread read up to a post', response: null, errors: [ForumsErrors.invalid, ForumsErrors.threadNotFound] })
  @AllowPending()
  @Post('threads/:id/read')
  @HttpCode(204)
  markRead(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: MarkThreadReadDto) {
    return this.posting.markRead(user, id, body.lastReadPostId);
  }

  @Endpoint({ summary: 'Follow a thread (notified of replies)', response: null, errors: [ForumsErrors.threadNotFound] })
  @AllowPending()
  @Put('threads/:id/subscription')
  @HttpCode(204)
  subscribe(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.posting.subscribe(user, id, true);
  }

  @Endpoint({ summary: 'Stop following a thread', response: null, errors: [ForumsErrors.threadNotFound] })
  @AllowPending()
  @Delete('threads/:id/subscription')
  @HttpCode(204)
  unsubscribe(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.posting.subscribe(user, id, false);
  }

  @Endpoint({ summary: 'Read a post', response: 'ForumPostView', errors: [ForumsErrors.postNotFound] })
  @Get('posts/:id')
  post(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.reading.getPost(id, user);
  }

  @Endpoint({
    summary: "Read a post's earlier versions",
    response: 'ForumPostRevisionView[]',
    errors: [ForumsErrors.notYourPost, ForumsErrors.postNotFound],
  })
  @Get('posts/:id/revisions')
  revisions(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.reading.revisions(user, id);
  }

  @Endpoint({
    summary: 'Edit one of your posts',
    response: 'ForumPostView',
    errors: [ForumsErrors.notYourPost, ForumsErrors.postNotFound, ForumsErrors.threadLocked],
  })
  @Patch('posts/:id')
  edit(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: PostBodyDto) {
    return this.posting.editPost(user, id, body.body);
  }

  @Endpoint({
    summary: 'Delete one of your posts',
    response: null,
    errors: [ForumsErrors.notYourPost, ForumsErrors.postNotFound, ForumsErrors.threadLocked],
  })
  @Delete('posts/:id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.posting.deletePost(user, id);
  }

  @Endpoint({ summary: 'React to a post with an emoji', response: null, errors: [ForumsErrors.invalid, ForumsErrors.postNotFound] })
  @Put('posts/:id/reactions/:emoji')
  @HttpCode(204)
  react(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('emoji') emoji: string) {
    return this.posting.react(user, id, emoji, true);
  }

  @Endpoint({ summary: 'Take back a reaction', response: null, errors: [ForumsErrors.invalid, ForumsErrors.postNotFound] })
  @Delete('posts/:id/reactions/:emoji')
  @HttpCode(204)
  unreact(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('emoji') emoji: string) {
    return this.posting.react(user, id, emoji, false);
  }

  @Endpoint({
    summary: 'Flag a post for the moderators',
    response: 'ForumFlagReceipt',
    errors: [ForumsErrors.alreadyFlagged, ForumsErrors.postNotFound],
  })
  @Post('posts/:id/flags')
  flag(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: FlagDto) {
    return this.moderation.flag(user, id, body.reason);
  }

  @Endpoint({ summary: 'Render Markdown as a post would show it', response: 'ForumPreviewView', errors: [] })
  @Post('preview')
  @HttpCode(200)
  preview(@Body() body: PreviewDto) {
    return this.reading.preview(body.body);
  }

  @Endpoint({ summary: 'Search the forums', response: 'ForumSearchPage', errors: [GenericErrors.invalidCursor] })
  @Get('search')
  search(@Query() query: SearchQuery) {
    return this.reading.search(query);
  }
}
