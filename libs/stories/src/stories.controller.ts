import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '@mutuals/core';
import { Endpoint, GenericErrors, PageQuery } from '@mutuals/core';
import { FilesErrors } from '@mutuals/files';
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
import { StoriesErrors } from './stories.errors';
import { StoriesService } from './stories.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('stories')
@Controller()
export class StoriesController {
  constructor(private readonly stories: StoriesService) {}

  /** Published stories, newest first; anyone may read them. */
  @Endpoint({ summary: 'List published stories (anyone)', response: 'Page<StorySummary>', errors: [GenericErrors.invalidCursor] })
  @Public()
  @Get('stories')
  list(@Query() query: PublicStoriesQuery): Promise<Page<StorySummary>> {
    return this.stories.listPublished(query);
  }

  /** A story in any state the caller may see (author; coordinators and credited members once submitted). */
  @Endpoint({ summary: 'A story in any state the caller may see', response: 'StoryView', errors: [StoriesErrors.storyNotFound] })
  @Get('stories/by-id/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<StoryView> {
    return this.stories.get(user, id);
  }

  /** A published story by its slug; an old slug answers the story, whose `slug` is the current one. */
  @Endpoint({
    summary: 'A published story by its slug (`story`), current or old (anyone)',
    response: 'StoryView',
    errors: [StoriesErrors.storyNotFound],
  })
  @Public()
  // GET takes the slug and PATCH the id at the same place (shared/API.md); one parameter name keeps the two one path.
  @Get('stories/:story')
  getPublished(@OptionalUser() user: AuthUser | null, @Param('story') slug: string): Promise<StoryView> {
    return this.stories.getPublished(slug, user);
  }

  @Endpoint({
    summary: 'Write a story (a draft only its author sees)',
    response: 'StoryView',
    errors: [StoriesErrors.invalid, FilesErrors.notYourFile],
  })
  @Post('stories')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateStoryDto): Promise<StoryView> {
    return this.stories.create(user, body);
  }

  @Endpoint({
    summary: 'Edit a draft or a story sent back for changes (its author; `story` is its id)',
    response: 'StoryView',
    errors: [
      StoriesErrors.invalid,
      StoriesErrors.storyNotFound,
      StoriesErrors.notYourStory,
      StoriesErrors.storyNotEditable,
      FilesErrors.notYourFile,
    ],
  })
  @Patch('stories/:story')
  update(@CurrentUser() user: AuthUser, @Param('story', uuid) id: string, @Body() body: UpdateStoryDto): Promise<StoryView> {
    return this.stories.update(user, id, body);
  }

  @Endpoint({
    summary: 'Submit a story for review; the members it credits are asked to consent',
    response: 'StoryView',
    errors: [StoriesErrors.storyNotFound, StoriesErrors.notYourStory, StoriesErrors.invalidTransition],
  })
  @Post('stories/:id/submit')
  @HttpCode(200)
  submit(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<StoryView> {
    return this.stories.submit(user, id);
  }

  @Endpoint({
    summary: 'Withdraw your own story (final)',
    response: 'StoryView',
    errors: [StoriesErrors.storyNotFound, StoriesErrors.notYourStory, StoriesErrors.invalidTransition],
  })
  @Post('stories/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: WithdrawStoryDto): Promise<StoryView> {
    return this.stories.withdraw(user, id, body.reason ?? null, 'author');
  }

  /** A credited member's answer: may the story name them? */
  @Endpoint({
    summary: 'Give or decline consent to be named in a story',
    response: 'StoryView',
    errors: [StoriesErrors.storyNotFound, StoriesErrors.notCredited, StoriesErrors.invalidTransition],
  })
  @Post('stories/:id/consent')
  @HttpCode(200)
  consent(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: StoryConsentDto): Promise<StoryView> {
    return this.stories.consent(user, id, body.consent);
  }

  @Endpoint({ summary: 'Your stories in every state', response: 'Page<StoryView>', errors: [GenericErrors.invalidCursor] })
  @Get('me/stories')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<StoryView>> {
    return this.stories.mine(user, query);
  }

  /** Stories that name the caller and asked for their consent. */
  @Endpoint({ summary: 'Stories that credit you and asked for your consent', response: 'StoryCreditRequestView[]', errors: [] })
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
  @Endpoint({
    summary: 'The review queue (submitted stories, or another state)',
    response: 'Page<StoryView>',
    errors: [GenericErrors.invalidCursor],
  })
  @Get()
  queue(@CurrentUser() user: AuthUser, @Query() query: ReviewQueueQuery): Promise<Page<StoryView>> {
    return this.stories.reviewQueue(user, query);
  }

  @Endpoint({
    summary: 'Publish a submitted story once everyone it credits consented',
    response: 'StoryView',
    errors: [StoriesErrors.storyNotFound, StoriesErrors.invalidTransition, StoriesErrors.consentMissing],
  })
  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<StoryView> {
    return this.stories.publish(user, id);
  }

  /** Requests changes, with the reason the author sees. */
  @Endpoint({
    summary: 'Send a submitted story back to its author with a reason',
    response: 'StoryView',
    errors: [StoriesErrors.storyNotFound, StoriesErrors.invalidTransition],
  })
  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: RejectStoryDto): Promise<StoryView> {
    return this.stories.requestChanges(user, id, body.reason);
  }

  @Endpoint({
    summary: 'Feature or unfeature a published story',
    response: 'StoryView',
    errors: [StoriesErrors.storyNotFound, StoriesErrors.invalidTransition],
  })
  @Post(':id/feature')
  @HttpCode(200)
  feature(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: FeatureStoryDto): Promise<StoryView> {
    return this.stories.feature(user, id, body.value);
  }

  @Endpoint({
    summary: 'Withdraw a story handed in or published (final)',
    response: 'StoryView',
    errors: [StoriesErrors.storyNotFound, StoriesErrors.invalidTransition],
  })
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: WithdrawStoryDto): Promise<StoryView> {
    return this.stories.withdraw(user, id, body.reason ?? null, 'coordinator');
  }
}
