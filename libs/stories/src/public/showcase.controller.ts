import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@mutuals/identity';
import { StoriesShowcase } from './stories-showcase';

/** Public documents outside the API's prefix (excluded in bootstrap): for feed readers and crawlers. */
@ApiExcludeController()
@Public()
@Controller()
export class ShowcaseController {
  constructor(private readonly showcase: StoriesShowcase) {}

  @Get('stories/feed.xml')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  @Header('Cache-Control', 'public, no-cache')
  feed(): Promise<string> {
    return this.showcase.feed();
  }

  @Get('sitemap.xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Cache-Control', 'public, no-cache')
  sitemap(): Promise<string> {
    return this.showcase.sitemap();
  }

  @Get('robots.txt')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  robots(): string {
    return this.showcase.robots();
  }
}
