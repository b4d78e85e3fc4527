import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '@mutuals/core';
import { PageQuery } from '@mutuals/core';
import type { StoryCreditRequestView, StorySummary, StoryView } from '@mutuals/contracts';
import { CoordinatorOnly, CurrentUser, OptionalUser, Public, type AuthUser } from '@mutuals/identity';
import {
  CreateStoryDto,
  FeatureStoryDto,
  PublicStoriesQuery,
  RejectStoryDto,
  ReviewQueueQuery,
  StoryConsentDto,
  UpdateStoryDto,
  WithdrawStoryDto,
} from './stories.dto';
import { StoriesService } from './stories.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('stories')
@Controller()
export class StoriesController {
  constructor(private readonly stories: StoriesService) {}

  /** Published stories, newest first; anyone may read them. */
  @Public()
  @Get('stories')
  list(@Query() query: PublicStoriesQuery): Promise<Page<StorySummary>> {
    return this.stories.listPublished(query);
  }

  /** A story in any state the caller may see (author; coordinators and credited members once submitted). */
  @Get('stories/by-id/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<StoryView> {
    return this.stories.get(user, id);
  }

  /** A published story by its slug; an old slug answers the story, whose `slug` is the current one. */
  @Public()
  @Get('stories/:slug')
  getPublished(@OptionalUser() user: AuthUser | null, @Param('slug') slug: string): Promise<StoryView> {
    return this.stories.getPublished(slug, user);
  }

  @Post('stories')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateStoryDto): Promise<StoryView> {
    return this.stories.create(user, body);
  }

  @Patch('stories/:id')
  update(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: UpdateStoryDto): Promise<StoryView> {
    return this.stories.update(user, id, body);
  }

  @Post('stories/:id/submit')
  @HttpCode(200)
  submit(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<StoryView> {
    return this.stories.submit(user, id);
  }

  @Post('stories/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: WithdrawStoryDto): Promise<StoryView> {
    return this.stories.withdraw(user, id, body.reason ?? null, 'author');
  }

  /** A credited member's answer: may the story name them? */
  @Post('stories/:id/consent')
  @HttpCode(200)
  consent(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: StoryConsentDto): Promise<StoryView> {
    return this.stories.consent(user, id, body.consent);
  }

  @Get('me/stories')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<StoryView>> {
    return this.stories.mine(user, query);
  }

  /** Stories that name the caller and asked for their consent. */
  @Get('me/story-credits')
  creditRequests(@CurrentUser() user: AuthUser): Promise<StoryCreditRequestView[]> {
    return this.stories.creditRequests(user);
  }
}

@ApiTags('stories')
@CoordinatorOnly()
@Controller('admin/stories')
export class StoriesAdminController {
  constructor(private readonly stories: StoriesService) {}

  /** The review queue: submitted stories, oldest first (or another state with ?status=). */
  @Get()
  queue(@CurrentUser() user: AuthUser, @Query() query: ReviewQueueQuery): Promise<Page<StoryView>> {
    return this.stories.reviewQueue(user, query);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<StoryView> {
    return this.stories.publish(user, id);
  }

  /** Requests changes, with the reason the author sees. */
  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: RejectStoryDto): Promise<StoryView> {
    return this.stories.requestChanges(user, id, body.reason);
  }

  @Post(':id/feature')
  @HttpCode(200)
  feature(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: FeatureStoryDto): Promise<StoryView> {
    return this.stories.feature(user, id, body.value);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: WithdrawStoryDto): Promise<StoryView> {
    return this.stories.withdraw(user, id, body.reason ?? null, 'coordinator');
  }
}
