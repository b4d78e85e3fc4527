import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  DomainEvents,
  type FieldError,
  type Page,
  type UnitOfWork,
  decodeCursor,
  renderMarkdown,
  toPage,
} from '@mutuals/core';
import type {
  StoryCreditRequestView,
  StoryOrganisationCredit,
  StoryPipelineCounts,
  StoryStatus,
  StorySummary,
  StoryView,
} from '@mutuals/contracts';
import { STORY_STATUSES } from '@mutuals/contracts';
import { FilesService } from '@mutuals/files';
import { AuthUser, IdentityService, isCoordinator } from '@mutuals/identity';
import { MentorshipsService } from '@mutuals/matching';
import { ProfilesService } from '@mutuals/profiles';
import type { CreateStoryDto, PublicStoriesQuery, ReviewQueueQuery, UpdateStoryDto } from './stories.dto';
import { StoriesErrors } from './stories.errors';
import { CreditRow, StoriesRepository, StoryContent, StoryRow } from './stories.repository';
import { slugify } from './slug';

/** The files kind of a story's cover: files asks this lib back who may see it. */
export const COVER_KIND = 'story-cover';

/** States an author may still write in. */
const WRITABLE: ReadonlySet<StoryStatus> = new Set(['draft', 'changes_requested']);
/** States a coordinator may withdraw from. */
const WITHDRAWABLE_BY_COORDINATOR: ReadonlySet<StoryStatus> = new Set(['submitted', 'changes_requested', 'published']);

const authorLink = (id: string) => `/my-stories/${id}`;
const publicLink = (slug: string) => `/stories/${slug}`;

/** Drafts, review, consent and the public showcase of success stories. */
@Injectable()
export class StoriesService {
  constructor(
    private readonly stories: StoriesRepository,
    private readonly events: DomainEvents,
    private readonly identity: IdentityService,
    private readonly profiles: ProfilesService,
    private readonly files: FilesService,
    private readonly mentorships: MentorshipsService,
  ) {}

  /** What the member's "download my data" holds from this lib. */
  exportOf(userId: string) {
    return this.stories.exportOf(userId);
  }

  // ---- reading ----

  async listPublished(query: PublicStoriesQuery): Promise<Page<StorySummary>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.stories.listPublished(query, after, query.limit + 1);
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.published_at!.toISOString(), r.id],
      (r) => r,
    );
    return { items: await this.summaries(page.items), nextCursor: page.nextCursor };
  }

  /** A published story by any slug it has had; the answer's slug is the current one. */
  async getPublished(slug: string, viewer: AuthUser | null = null): Promise<StoryView> {
    const row = await this.stories.bySlug(slug);
    if (!row || row.status !== 'published') throw StoriesErrors.storyNotFound('No such story');
    return this.view(row, viewer);
  }

  /** Any state, for whoever may see it: the author; from submission on, coordinators and the credited. */
  async get(viewer: AuthUser, id: string): Promise<StoryView> {
    const row = await this.stories.find(id);
    const credits = row ? await this.stories.creditsOf([row.id]) : [];
    if (!row || !visibleTo(row, credits, viewer)) throw StoriesErrors.storyNotFound('No such story');
    return this.view(row, viewer, credits);
  }

  async mine(user: AuthUser, query: { limit: number; cursor?: string }): Promise<Page<StoryView>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.stories.listByAuthor(user.id, after, query.limit + 1);
    return this.viewPage(rows, query.limit, (r) => [r.updated_at.toISOString(), r.id], user);
  }

  async reviewQueue(coordinator: AuthUser, query: ReviewQueueQuery): Promise<Page<StoryView>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.stories.listForReview(query.status, after, query.limit + 1);
    return this.viewPage(rows, query.limit, (r) => [r.submitted_at!.toISOString(), r.id], coordinator);
  }

  async creditRequests(user: AuthUser): Promise<StoryCreditRequestView[]> {
    const rows = await this.stories.creditRequestsFor(user.id);
    const authors = await this.identity.getUserSummaries(rows.map((r) => r.story.author_id));
    return rows
      .filter((r) => r.story.status !== 'draft')
      .map((r) => ({
        story: {
          id: r.story.id,
          slug: r.story.slug,
          title: r.story.title,
          summary: r.story.summary,
          status: r.story.status,
          author: { id: r.story.author_id, displayName: authors.get(r.story.author_id)?.displayName ?? 'Former member' },
        },
        role: r.role,
        consent: r.consent,
      }));
  }

  /** The programme's "stories pipeline": how many stories are in each state (created in the range, of the sector). */
  async pipelineCounts(filter: { from?: Date; to?: Date; sector?: string } = {}): Promise<StoryPipelineCounts> {
    const counts = Object.fromEntries(STORY_STATUSES.map((s) => [s, 0])) as StoryPipelineCounts;
    counts.featured = 0;
    for (const row of await this.stories.countsByState(filter)) {
      counts[row.status] += row.n;
      if (row.featured) counts.featured += row.n;
    }
    return counts;
  }

  /** files asks this for a cover: whoever may see the story may see its cover. */
  async mayViewStory(viewer: AuthUser, id: string): Promise<boolean> {
    const row = await this.stories.find(id);
    return row !== undefined && visibleTo(row, await this.stories.creditsOf([id]), viewer);
  }

  async isPublished(id: string): Promise<boolean> {
    return (await this.stories.find(id))?.status === 'published';
  }

  // ---- writing (the author) ----

  async create(author: AuthUser, input: CreateStoryDto): Promise<StoryView> {
    const id = randomUUID();
    const prepared = await this.prepare(author, id, input, undefined);
    const removed = await this.events.transaction(async ({ manager }) => {
      const cover = await this.applyCover(manager, author, id, input);
      const defaults: Omit<StoryContent, 'title' | 'summary' | 'body' | 'body_html' | 'sector' | 'outcomes'> = {
        region: null,
        stage: null,
        organisation_id: null,
        mentorship_id: null,
        organisation_credits: [],
        cover_url: null,
        cover_alt: '',
        cover_width: null,
        cover_height: null,
      };
      const content = { ...defaults, ...defined(prepared.content), ...defined(cover.fields) } as StoryContent;
      // The id is a placeholder slug no title can produce, replaced by the claimed slug below.
      await this.stories.insert(manager, { ...content, id, slug: id, author_id: author.id });
      await this.stories.claimSlug(manager, id, slugify(input.title));
      await this.stories.replaceCredits(manager, id, prepared.credits ?? [], author.id);
      return cover.removed;
    });
    await this.files.forget(removed);
    return this.get(author, id);
  }

  /** Any field of the story while it is the author's to write (a draft, or changes requested). */
  async update(author: AuthUser, id: string, input: UpdateStoryDto): Promise<StoryView> {
    const current = await this.ownStory(author, id);
    if (!WRITABLE.has(current.status)) throw StoriesErrors.storyNotEditable(`A ${label(current.status)} story cannot be edited`);
    const prepared = await this.prepare(author, id, input, current);
    const removed = await this.events.transaction(async (unit) => {
      const { manager } = unit;
      const row = await this.stories.lockForChange(manager, id);
      if (!row || !WRITABLE.has(row.status)) throw StoriesErrors.storyNotEditable('The story changed meanwhile; reload it');
      const cover = await this.applyCover(manager, author, id, input);
      const change = { ...prepared.content, ...cover.fields };
      await this.stories.updateContent(manager, id, change);
      if (input.title !== undefined && input.title !== row.title) await this.stories.claimSlug(manager, id, slugify(input.title));
      const before = prepared.credits ? await this.stories.creditsOf([id], manager) : [];
      if (prepared.credits) await this.stories.replaceCredits(manager, id, prepared.credits, author.id);
      // A member consents to a version: once what the public would read changes (or their own
      // role), their answer is forgotten and they are asked again at the next submission.
      const everyone = contentChanged(row, change);
      const recredited = prepared.credits ? rolesChanged(before, prepared.credits) : [];
      const reset =
        everyone || recredited.length > 0 ? await this.stories.resetAnswers(manager, id, everyone ? null : recredited, author.id) : [];
      if (reset.length > 0) {
        await unit.emit('story.consent-reset', {
          storyId: id,
          title: change.title ?? row.title,
          authorId: author.id,
          link: '/story-consents',
          userIds: reset,
        });
      }
      return cover.removed;
    });
    await this.files.forget(removed);
    return this.get(author, id);
  }

  /** Hands the story to the coordinators; credited members not yet asked are asked now. */
  async submit(author: AuthUser, id: string): Promise<StoryView> {
    // Read before the transaction: the embedded database has one connection, which the transaction holds.
    const coordinatorIds = await this.identity.activeCoordinatorIds();
    await this.events.transaction(async (unit) => {
      const row = await this.lockOwn(unit, author, id);
      if (!WRITABLE.has(row.status)) throw StoriesErrors.invalidTransition(`A ${label(row.status)} story cannot be submitted`);
      await this.stories.setState(unit.manager, id, { status: 'submitted', submitted: true });
      const asked = await this.stories.askPending(unit.manager, id);
      const ref = { storyId: id, title: row.title, authorId: author.id };
      await unit.emit('story.submitted', { ...ref, link: '/admin/stories', coordinatorIds });
      if (asked.length > 0) await unit.emit('story.consent-requested', { ...ref, link: '/story-consents', userIds: asked });
    });
    return this.get(author, id);
  }

  /** The author takes the story back at any point, or a coordinator takes it down once handed in; final. */
  async withdraw(caller: AuthUser, id: string, reason: string | null, as: 'author' | 'coordinator'): Promise<StoryView> {
    await this.events.transaction(async (unit) => {
      const row = as === 'author' ? await this.lockOwn(unit, caller, id) : await this.lockForReview(unit, id);
      const allowed = as === 'author' ? row.status !== 'withdrawn' : WITHDRAWABLE_BY_COORDINATOR.has(row.status);
      if (!allowed) throw StoriesErrors.invalidTransition(`A ${label(row.status)} story cannot be withdrawn`);
      await this.stories.setState(unit.manager, id, { status: 'withdrawn', reason });
      if (row.status === 'published') await unit.emit('story.changed', { storyId: id });
    });
    return this.get(caller, id);
  }

  /**
   * A credited member's own answer, which they may change at any time until the story is
   * withdrawn. Consent to a published story can be withdrawn as freely as it was given (UK GDPR
   * art. 7(3)): the story leaves the public pages at once and goes back to the coordinators. Given
   * again, before anyone handed in a changed version, the story returns to the public pages as it was.
   */
  async consent(user: AuthUser, id: string, answer: 'given' | 'declined'): Promise<StoryView> {
    // Read before the transaction: the embedded database has one connection, which the transaction holds.
    const coordinatorIds = await this.identity.activeCoordinatorIds();
    await this.events.transaction(async (unit) => {
      const { manager } = unit;
      const row = await this.stories.lockForChange(manager, id);
      const credits = row ? await this.stories.creditsOf([id], manager) : [];
      if (!row || !visibleTo(row, credits, user)) throw StoriesErrors.storyNotFound('No such story');
      if (row.status === 'withdrawn') throw StoriesErrors.invalidTransition('The story is withdrawn: consent can no longer change');
      if (row.author_id === user.id || !(await this.stories.setConsent(manager, id, user.id, answer))) {
        throw StoriesErrors.notCredited('This story does not ask you for consent');
      }
      const ref = { storyId: id, title: row.title, authorId: row.author_id, link: authorLink(id) };
      if (row.status === 'published' && answer === 'declined') {
        await this.stories.setState(manager, id, { status: 'submitted', reason: 'A member it credits withdrew their consent' });
        await unit.emit('story.changed', { storyId: id });
        await unit.emit('story.consent-withdrawn', { ...ref, userId: user.id, coordinatorIds });
      } else if (
        answer === 'given' &&
        heldForConsent(row) &&
        (await this.stories.creditsOf([id], manager)).every((c) => c.consent === 'given')
      ) {
        await this.stories.setState(manager, id, { status: 'published', published: true });
        await unit.emit('story.changed', { storyId: id });
      }
    });
    return this.get(user, id);
  }

  // ---- review (coordinators) ----

  async publish(coordinator: AuthUser, id: string): Promise<StoryView> {
    const waiting = await this.events.transaction(async (unit) => {
      const row = await this.lockForReview(unit, id);
      if (row.status !== 'submitted')
        throw StoriesErrors.invalidTransition(`Only a submitted story can be published; this one is ${label(row.status)}`);
      const credits = await this.stories.creditsOf([id], unit.manager);
      const unanswered = credits.filter((c) => c.consent !== 'given');
      if (unanswered.length > 0) return unanswered;
      await this.stories.setState(unit.manager, id, { status: 'published', published: true });
      await unit.emit('story.published', {
        storyId: id,
        title: row.title,
        authorId: row.author_id,
        slug: row.slug,
        link: publicLink(row.slug),
        creditedUserIds: credits.map((c) => c.user_id).filter((userId) => userId !== row.author_id),
      });
      await unit.emit('story.changed', { storyId: id });
      return [];
    });
    if (waiting.length > 0) {
      // Named after the transaction (which changed nothing): identity reads on a connection of its own.
      const names = await this.identity.getUserSummaries(waiting.map((c) => c.user_id));
      const who = waiting.map((c) => `${names.get(c.user_id)?.displayName ?? 'a member'} (${c.consent})`).join(', ');
      throw StoriesErrors.consentMissing(`Everyone credited must consent before publication; still waiting on: ${who}`);
    }
    return this.get(coordinator, id);
  }

  /** Sends a submitted story back to its author with what to change. */
  async requestChanges(coordinator: AuthUser, id: string, reason: string): Promise<StoryView> {
    await this.events.transaction(async (unit) => {
      const row = await this.lockForReview(unit, id);
      if (row.status !== 'submitted')
        throw StoriesErrors.invalidTransition(`Only a submitted story can be sent back; this one is ${label(row.status)}`);
      await this.stories.setState(unit.manager, id, { status: 'changes_requested', reason });
      await unit.emit('story.changes-requested', { storyId: id, title: row.title, authorId: row.author_id, link: authorLink(id), reason });
    });
    return this.get(coordinator, id);
  }

  async feature(coordinator: AuthUser, id: string, value: boolean): Promise<StoryView> {
    await this.events.transaction(async (unit) => {
      const row = await this.lockForReview(unit, id);
      if (row.status !== 'published') throw StoriesErrors.invalidTransition('Only a published story can be featured');
      if (row.featured === value) return;
      await this.stories.setFeatured(unit.manager, id, value);
      await unit.emit('story.changed', { storyId: id });
    });
    return this.get(coordinator, id);
  }

  /** Links the story's discussion thread (after publication, once). */
  async linkDiscussion(storyId: string, threadId: string): Promise<void> {
    if (await this.stories.setDiscussion(storyId, threadId)) await this.events.emit('story.changed', { storyId });
  }

  storyRow(id: string): Promise<StoryRow | undefined> {
    return this.stories.find(id);
  }

  // ---- inside ----

  /** The caller's own story, 404 when they may not see it and 403 when they see it but did not write it. */
  private async ownStory(author: AuthUser, id: string): Promise<StoryRow> {
    const row = await this.stories.find(id);
    return this.checkOwn(row, row ? await this.stories.creditsOf([id]) : [], author);
  }

  private async lockOwn(unit: UnitOfWork, author: AuthUser, id: string): Promise<StoryRow> {
    const row = await this.stories.lockForChange(unit.manager, id);
    return this.checkOwn(row, row ? await this.stories.creditsOf([id], unit.manager) : [], author);
  }

  private checkOwn(row: StoryRow | undefined, credits: CreditRow[], author: AuthUser): StoryRow {
    if (!row || !visibleTo(row, credits, author)) throw StoriesErrors.storyNotFound('No such story');
    if (row.author_id !== author.id) throw StoriesErrors.notYourStory('Only its author may do this');
    return row;
  }

  /** Coordinators never see drafts. */
  private async lockForReview(unit: UnitOfWork, id: string): Promise<StoryRow> {
    const row = await this.stories.lockForChange(unit.manager, id);
    if (!row || row.status === 'draft') throw StoriesErrors.storyNotFound('No such story');
    return row;
  }

  /** Checks what refers elsewhere (organisations, members, a mentorship) and renders the Markdown. */
  private async prepare(
    author: AuthUser,
    storyId: string,
    input: UpdateStoryDto,
    current: StoryRow | undefined,
  ): Promise<{ content: Partial<StoryContent>; credits?: { userId: string; role: string }[] }> {
    const errors: FieldError[] = [];
    const content: Partial<StoryContent> = {
      title: input.title,
      summary: input.summary,
      sector: input.sector,
      region: input.region,
      stage: input.stage,
      outcomes: input.outcomes?.map((o) => ({ label: o.label, value: o.value })),
      cover_alt: input.coverAlt,
    };
    if (input.body !== undefined) {
      content.body = input.body;
      content.body_html = renderMarkdown(input.body).html;
    }
    if (input.organisationId !== undefined) {
      const organisation = await this.organisation(input.organisationId);
      if (!organisation) errors.push({ field: 'organisationId', message: 'is not an organisation' });
      else {
        content.organisation_id = organisation.id;
        // A new story takes its region and stage from the organisation unless told otherwise.
        if (!current) {
          content.region = input.region ?? organisation.region;
          content.stage = input.stage ?? organisation.stage;
        }
      }
    }
    if (input.organisationCredits !== undefined) {
      const credits: StoryOrganisationCredit[] = [];
      for (const [i, credit] of input.organisationCredits.entries()) {
        const organisation = credit.organisationId ? await this.organisation(credit.organisationId) : null;
        if (credit.organisationId && !organisation)
          errors.push({ field: `organisationCredits.${i}.organisationId`, message: 'is not an organisation' });
        credits.push({ organisationId: organisation?.id ?? null, name: organisation?.name ?? credit.name ?? '', role: credit.role ?? '' });
      }
      content.organisation_credits = credits;
    }

    let credits: { userId: string; role: string }[] | undefined;
    if (input.memberCredits !== undefined || input.mentorshipId !== undefined) {
      credits = input.memberCredits
        ? input.memberCredits.map((c) => ({ userId: c.userId, role: c.role ?? '' }))
        : (await this.stories.creditsOf([storyId])).map((c) => ({ userId: c.user_id, role: c.role }));
      const known = await this.identity.getUserSummaries(credits.map((c) => c.userId));
      input.memberCredits?.forEach((c, i) => {
        if (known.get(c.userId)?.status !== 'active')
          errors.push({ field: `memberCredits.${i}.userId`, message: 'is not an active member' });
      });
      if (input.mentorshipId !== undefined) {
        const pair = await this.pairOf(author, input.mentorshipId);
        if (!pair) errors.push({ field: 'mentorshipId', message: 'is not a mentorship of yours' });
        else {
          content.mentorship_id = input.mentorshipId;
          for (const side of pair) if (!credits.some((c) => c.userId === side.userId)) credits.push(side);
        }
      }
      credits = dedupe(credits);
    }
    if (errors.length > 0) throw StoriesErrors.invalid('Some fields of the story are not valid', errors);
    return { content, credits };
  }

  private async organisation(id: string) {
    try {
      return await this.profiles.getOrganisation(id);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not-found') return null;
      throw error;
    }
  }

  /** Both sides of the author's mentorship, or null when it is not theirs. */
  private async pairOf(author: AuthUser, mentorshipId: string): Promise<{ userId: string; role: string }[] | null> {
    try {
      const mentorship = await this.mentorships.get(author, mentorshipId);
      if (mentorship.viewerRole === 'coordinator') return null;
      return [
        { userId: mentorship.mentor.id, role: 'Mentor' },
        { userId: mentorship.mentee.id, role: 'Mentee' },
      ];
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not-found') return null;
      throw error;
    }
  }

  /** Claims or removes the cover in the story's transaction; its fields for the row, and what files to forget. */
  private async applyCover(
    manager: UnitOfWork['manager'],
    author: AuthUser,
    storyId: string,
    input: UpdateStoryDto,
  ): Promise<{ fields: Partial<StoryContent>; removed: string[] }> {
    if (input.coverFileId === undefined) return { fields: {}, removed: [] };
    const cover = input.coverFileId === null ? null : { fileId: input.coverFileId, alt: input.coverAlt ?? '' };
    const { file, removed } = await this.files.setCover(manager, author.id, COVER_KIND, storyId, cover);
    return {
      fields: {
        cover_url: file?.url ?? null,
        cover_width: file?.width ?? null,
        cover_height: file?.height ?? null,
        cover_alt: file?.alt ?? '',
      },
      removed,
    };
  }

  private async viewPage(
    rows: StoryRow[],
    limit: number,
    keyOf: (row: StoryRow) => (string | number)[],
    viewer: AuthUser,
  ): Promise<Page<StoryView>> {
    const page = toPage(rows, limit, keyOf, (r) => r);
    const credits = await this.stories.creditsOf(page.items.map((r) => r.id));
    const items = await Promise.all(
      page.items.map((r) =>
        this.view(
          r,
          viewer,
          credits.filter((c) => c.story_id === r.id),
        ),
      ),
    );
    return { items, nextCursor: page.nextCursor };
  }

  private async summaries(rows: StoryRow[]): Promise<StorySummary[]> {
    const authors = await this.identity.getUserSummaries(rows.map((r) => r.author_id));
    const organisations = new Map<string, { id: string; name: string } | null>();
    for (const id of new Set(rows.map((r) => r.organisation_id).filter((id): id is string => id !== null))) {
      const organisation = await this.organisation(id);
      organisations.set(id, organisation ? { id: organisation.id, name: organisation.name } : null);
    }
    return rows.map((r) =>
      toSummary(r, authors.get(r.author_id)?.displayName, r.organisation_id ? organisations.get(r.organisation_id) : null),
    );
  }

  private async view(row: StoryRow, viewer: AuthUser | null, credits?: CreditRow[]): Promise<StoryView> {
    const allCredits = credits ?? (await this.stories.creditsOf([row.id]));
    const [summary] = await this.summaries([row]);
    const people = await this.identity.getUserSummaries(allCredits.map((c) => c.user_id));
    const isAuthor = viewer?.id === row.author_id;
    const coordinator = viewer !== null && isCoordinator(viewer);
    // The public sees only those who agreed to be named (everyone, once published).
    const shown = isAuthor || coordinator ? allCredits : allCredits.filter((c) => c.consent === 'given' || c.user_id === viewer?.id);
    const ownCredit = allCredits.find((c) => c.user_id === viewer?.id && c.asked_at !== null);
    return {
      ...summary!,
      status: row.status,
      body: row.body,
      bodyHtml: row.body_html,
      memberCredits: shown.map((c) => ({
        userId: c.user_id,
        displayName: people.get(c.user_id)?.displayName ?? 'Former member',
        handle: people.get(c.user_id)?.handle ?? '',
        role: c.role,
        consent: c.consent,
        consentedAt: c.consented_at?.toISOString() ?? null,
      })),
      organisationCredits: row.organisation_credits,
      reason: isAuthor || coordinator ? row.reason : null,
      discussionThreadId: row.discussion_thread_id,
      mentorshipId: isAuthor || coordinator ? row.mentorship_id : null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      submittedAt: row.submitted_at?.toISOString() ?? null,
      permissions: {
        edit: isAuthor && WRITABLE.has(row.status),
        submit: isAuthor && WRITABLE.has(row.status),
        withdraw: (isAuthor && row.status !== 'withdrawn') || (coordinator && WITHDRAWABLE_BY_COORDINATOR.has(row.status)),
        review: coordinator && row.status === 'submitted',
        consent: !isAuthor && ownCredit !== undefined && row.status !== 'withdrawn',
      },
    };
  }
}

/** Published: anyone. Otherwise: its author; from submission on, coordinators and the members it asked. */
function visibleTo(row: StoryRow, credits: CreditRow[], viewer: AuthUser | null): boolean {
  if (row.status === 'published') return true;
  if (!viewer) return false;
  if (row.author_id === viewer.id) return true;
  if (row.status === 'draft') return false;
  return isCoordinator(viewer) || credits.some((c) => c.user_id === viewer.id && c.asked_at !== null);
}

/**
 * Published once, taken off because consent was withdrawn, and not handed in again since: its text
 * is the one the coordinators published, so consent given again puts it back without a new review.
 */
function heldForConsent(row: StoryRow): boolean {
  return row.status === 'submitted' && row.published_at !== null && row.submitted_at !== null && row.submitted_at < row.published_at;
}

/** Fields a reader of the published story sees; the mentorship link is the author's bookkeeping. */
const NOT_READ = new Set<string>(['mentorship_id', 'body_html']);

function contentChanged(row: StoryRow, change: Partial<StoryContent>): boolean {
  return Object.entries(change).some(
    ([field, value]) => value !== undefined && !NOT_READ.has(field) && canonical(value) !== canonical(row[field as keyof StoryRow]),
  );
}

/** JSON with object keys sorted: jsonb hands objects back in an order of its own. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Members whose credited role the new credits change. */
function rolesChanged(before: CreditRow[], after: { userId: string; role: string }[]): string[] {
  const roles = new Map(before.map((c) => [c.user_id, c.role]));
  return after.filter((c) => roles.has(c.userId) && roles.get(c.userId) !== c.role).map((c) => c.userId);
}

function toSummary(
  row: StoryRow,
  authorName: string | undefined,
  organisation: { id: string; name: string } | null | undefined,
): StorySummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    sector: row.sector,
    region: row.region,
    stage: row.stage,
    featured: row.featured,
    cover: row.cover_url ? { url: row.cover_url, alt: row.cover_alt, width: row.cover_width, height: row.cover_height } : null,
    outcomes: row.outcomes,
    author: { id: row.author_id, displayName: authorName ?? 'Former member' },
    organisation: organisation ?? null,
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}

/** Only the fields given: an absent field leaves the column's value (or default) alone. */
function defined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function dedupe(credits: { userId: string; role: string }[]): { userId: string; role: string }[] {
  const seen = new Set<string>();
  return credits.filter((c) => !seen.has(c.userId) && seen.add(c.userId));
}

const label = (status: StoryStatus) => status.replace('_', ' ');
