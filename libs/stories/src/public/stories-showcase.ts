import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, OnDomainEvent } from '@mutuals/core';
import type { StoryView } from '@mutuals/contracts';
import { REGIONS, REGION_SLUGS, SECTORS, SECTOR_SLUGS, STAGES, STAGE_SLUGS, termName } from '@mutuals/profiles';
import { StoriesRepository } from '../stories.repository';
import { StoriesService } from '../stories.service';
import { atomFeed, headTags, listBody, listHead, robots, sitemap, storyBody, storyHead, type TermNames } from './markup';
import { ShowcaseCache } from './showcase-cache';

/** A public page as the server renders it into the client's index.html. */
export interface RenderedPage {
  status: 200 | 301 | 404;
  /** For a 301: where the story lives now. */
  location?: string;
  head?: string;
  body?: string;
}

const FEED_SIZE = 50;
const LIST_SIZE = 50;
const SITEMAP_SIZE = 5000;

const names: TermNames = (kind, slug) => {
  if (!slug) return null;
  return termName(kind === 'sector' ? SECTORS : kind === 'region' ? REGIONS : STAGES, slug);
};

/** The filters of the public list that the server understands (others are left to the client). */
const FILTERS = { sector: SECTOR_SLUGS, region: REGION_SLUGS, stage: STAGE_SLUGS } as const;

/**
 * What the public and crawlers get without JavaScript: /stories and /stories/:slug with their
 * head tags and a static body, the Atom feed, the sitemap and robots.txt. All cached (see
 * ShowcaseCache) and cleared exactly when a story.changed event says something public changed.
 */
@Injectable()
export class StoriesShowcase {
  private readonly base: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly stories: StoriesService,
    private readonly repository: StoriesRepository,
    private readonly cache: ShowcaseCache,
  ) {
    this.base = config.publicUrl.replace(/\/$/, '');
  }

  // after-commit: the change is stored; a failure to tell the other replicas is retried. A leaving
  // member's name comes off every page that showed it, and their erased stories off the showcase.
  @OnDomainEvent('story.changed', { phase: 'after-commit' })
  @OnDomainEvent('identity.account.deleted', { phase: 'after-commit' })
  async onStoryChanged(): Promise<void> {
    await this.cache.invalidate();
  }

  /** The page for a path of the web client, or null when the server has nothing of its own to say there. */
  async page(path: string, query: URLSearchParams): Promise<RenderedPage | null> {
    if (path === '/stories') {
      const filter = Object.fromEntries(
        Object.entries(FILTERS).flatMap(([name, allowed]) => {
          const value = query.get(name);
          return value && (allowed as readonly string[]).includes(value) ? [[name, value]] : [];
        }),
      );
      const key = `/stories?${new URLSearchParams(filter).toString()}`;
      return this.cache.get(key, async () => {
        const { items } = await this.stories.listPublished({ ...filter, limit: LIST_SIZE });
        const canonical = Object.keys(filter).length ? key : '/stories';
        return { status: 200, head: headTags(listHead(this.base, canonical, items)), body: listBody(items, names) } satisfies RenderedPage;
      });
    }
    const match = /^\/stories\/([^/]+)$/.exec(path);
    if (!match) return null;
    const slug = match[1]!;
    return this.cache.get(`/stories/${slug}`, async () => {
      const row = await this.repository.bySlug(slug);
      if (!row || row.status !== 'published') return { status: 404 } satisfies RenderedPage;
      if (row.slug !== slug) return { status: 301, location: `/stories/${row.slug}` } satisfies RenderedPage;
      const story = await this.stories.getPublished(slug);
      return { status: 200, head: headTags(storyHead(story, this.base, names)), body: storyBody(story, names) } satisfies RenderedPage;
    });
  }

  feed(): Promise<string> {
    return this.cache.get('/stories/feed.xml', async () => atomFeed(await this.publishedViews(FEED_SIZE), this.base));
  }

  sitemap(): Promise<string> {
    return this.cache.get('/sitemap.xml', async () => {
      const rows = await this.repository.published(SITEMAP_SIZE);
      return sitemap(
        rows.map((r) => ({ slug: r.slug, updatedAt: r.updated_at.toISOString() })),
        this.base,
      );
    });
  }

  robots(): string {
    return robots(this.base);
  }

  private async publishedViews(limit: number): Promise<StoryView[]> {
    const rows = await this.repository.published(limit);
    return Promise.all(rows.map((r) => this.stories.getPublished(r.slug)));
  }
}
