import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint } from '@mutuals/core';
import { Public } from '@mutuals/identity';
import { StoriesShowcase } from './stories-showcase';

/** Public documents outside the API's prefix (excluded in bootstrap): for feed readers and crawlers. */
@ApiTags('stories')
@Public()
@Controller()
export class ShowcaseController {
  constructor(private readonly showcase: StoriesShowcase) {}

  @Endpoint({ summary: 'Atom feed of published stories, newest first', response: null, produces: 'application/atom+xml', errors: [] })
  @Get('stories/feed.xml')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  @Header('Cache-Control', 'public, no-cache')
  feed(): Promise<string> {
    return this.showcase.feed();
  }

  @Endpoint({ summary: 'Sitemap of the public pages', response: null, produces: 'application/xml', errors: [] })
  @Get('sitemap.xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Cache-Control', 'public, no-cache')
  sitemap(): Promise<string> {
    return this.showcase.sitemap();
  }

  @Endpoint({ summary: 'robots.txt: what crawlers may read, and where the sitemap is', response: null, produces: 'text/plain', errors: [] })
  @Get('robots.txt')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  robots(): string {
    return this.showcase.robots();
  }
}
