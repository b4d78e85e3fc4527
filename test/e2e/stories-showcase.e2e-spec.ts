import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import type { StoryView } from '@mutuals/contracts';
import { createCoordinator, createMember, type TestMember } from '../support/factories';
import { jpeg, uploaded } from '../support/files';
import { api } from '../support/mentoring';
import { draftStory } from '../support/stories';
import { TestApp, createScratchDatabase, startTestApp, usingRedis, usingServerDatabase } from '../support/test-app';

const PUBLIC_URL = 'https://mutuals.example.org';
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'url', 'link'].includes(name),
});

/** The client's own index.html (its title, description and #root), served as the built client would be. */
function webRoot(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'mn-web-'));
  copyFileSync(join(__dirname, '../../apps/web/index.html'), join(dir, 'index.html'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The content of `<meta property|name="key" content="...">`, decoded. */
function meta(html: string, key: string): string | undefined {
  const match = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html);
  return match?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function publish(t: TestApp, coordinator: TestMember, story: StoryView, author: TestMember): Promise<StoryView> {
  await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
  return (await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(200)).body;
}

describe('stories: what a crawler, a link preview and a feed reader see', () => {
  let t: TestApp;
  let root: ReturnType<typeof webRoot>;
  let coordinator: TestMember;
  let author: TestMember;
  beforeAll(async () => {
    root = webRoot();
    t = await startTestApp({ rateLimits: false, env: { WEB_ROOT: root.dir, PUBLIC_URL } });
    coordinator = await createCoordinator(t);
    author = await createMember(t, { displayName: 'Amara Okafor' });
  });
  afterAll(async () => {
    await t.close();
    root.remove();
  });

  const get = (path: string) => request(t.url).get(path).redirects(0);

  it('serves a story page whose HTML carries its title, description, canonical link, Open Graph, Twitter card and JSON-LD', async () => {
    const cover = await uploaded(t, author, 'cover', await jpeg(1200, 630), 'cover.jpg');
    const story = await publish(
      t,
      coordinator,
      await draftStory(t, author, {
        title: 'Riverside Care: “we own it now” & proud',
        summary: 'How 312 care staff became the owners of the service they run, and won two new contracts.',
        body: '## The spin-out\n\nWe left the council in **2019**.',
        coverFileId: cover.id,
        coverAlt: 'Care staff at the first members’ meeting',
        outcomes: [{ label: 'Staff who became members', value: '312' }],
      }),
      author,
    );
    const response = await get(`/stories/${story.slug}`)
      .expect(200)
      .expect('Content-Type', /text\/html/);
    const html = response.text;
    expect(html).toContain('<title>Riverside Care: “we own it now” &amp; proud | Mutuals Network</title>');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(meta(html, 'description')).toBe(story.summary);
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}/stories/${story.slug}">`);
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'og:title')).toBe('Riverside Care: “we own it now” & proud | Mutuals Network');
    expect(meta(html, 'og:url')).toBe(`${PUBLIC_URL}/stories/${story.slug}`);
    expect(meta(html, 'og:image')).toBe(`${PUBLIC_URL}${cover.url}`);
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'twitter:image:alt')).toBe('Care staff at the first members’ meeting');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: story.title,
      author: { '@type': 'Person', name: 'Amara Okafor' },
      image: [`${PUBLIC_URL}${cover.url}`],
      datePublished: story.publishedAt,
    });
    // The story itself, for a reader without JavaScript, inside the element the client takes over.
    const rootContent = /<div id="root">(.*)<\/div>\s*<noscript>/s.exec(html)![1]!;
    expect(rootContent).toContain('<h1>Riverside Care: “we own it now” &amp; proud</h1>');
    expect(rootContent).toContain('<strong>2019</strong>');
    expect(rootContent).toContain('<dt>Staff who became members</dt><dd>312</dd>');
    // The cover is public with the story.
    await request(t.url).get(cover.url).expect(200);
  });

  it('escapes what a story says: no markup or script can leave its tag', async () => {
    const hostile = '</title><script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const story = await publish(
      t,
      coordinator,
      await draftStory(t, author, { title: `Hostile ${hostile}`.slice(0, 160), summary: `Summary ${hostile} </script><!--` }),
      author,
    );
    const html = (await get(`/stories/${story.slug}`).expect(200)).text;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(meta(html, 'description')).toBe(story.summary);
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(ld).description).toBe(story.summary);
  });

  it('answers 404 for a draft or unknown story, and 301 from an old slug to the current one', async () => {
    const draft = await draftStory(t, author, { title: 'Still a draft' });
    await get(`/stories/${draft.slug}`).expect(404);
    await get('/stories/no-such-story').expect(404);
    const story = await draftStory(t, author, { title: 'Library trust opens two new branches' });
    await api(t).patch(`/stories/${story.id}`, author, { title: 'Library trust opens three new branches' }).expect(200);
    const published = await publish(t, coordinator, story, author);
    const moved = await get('/stories/library-trust-opens-two-new-branches').expect(301);
    expect(moved.headers.location).toBe(`/stories/${published.slug}`);
  });

  it('serves the public list with its head tags and every published story, filtered by the query', async () => {
    const html = (await get('/stories?sector=adult-social-care').expect(200)).text;
    expect(html).toContain('<title>Success stories | Mutuals Network</title>');
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}/stories?sector=adult-social-care">`);
    expect(html).toContain('Riverside Care');
    expect(html).not.toContain('Still a draft');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml"');
  });

  it('publishes an Atom feed that validates: the required elements, published stories only, newest first', async () => {
    const response = await get('/stories/feed.xml')
      .expect(200)
      .expect('Content-Type', /application\/atom\+xml/);
    expect(XMLValidator.validate(response.text)).toBe(true);
    const { feed } = xml.parse(response.text);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const element of ['title', 'id', 'updated', 'author']) expect(feed[element]).toBeDefined();
    expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(`${PUBLIC_URL}/stories/feed.xml`);
    expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
    const entries = feed.entry as Record<string, unknown>[];
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const entry of entries) {
      for (const element of ['id', 'title', 'updated', 'summary', 'content']) expect(entry[element]).toBeDefined();
      expect(String(entry.id)).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect((entry.link as Record<string, string>[])[0]!['@href']).toMatch(new RegExp(`^${PUBLIC_URL}/stories/`));
    }
    const titles = entries.map((e) => String(e.title));
    expect(titles).toContain('Riverside Care: “we own it now” & proud');
    expect(titles).not.toContain('Still a draft');
    const published = entries.map((e) => Date.parse(String(e.published)));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
  });

  it('lists the public pages in sitemap.xml and points robots.txt at it', async () => {
    const sitemap = await get('/sitemap.xml').expect(200).expect('Content-Type', /xml/);
    expect(XMLValidator.validate(sitemap.text)).toBe(true);
    const locs = (xml.parse(sitemap.text).urlset.url as { loc: string }[]).map((u) => u.loc);
    expect(locs).toEqual(
      expect.arrayContaining([`${PUBLIC_URL}/`, `${PUBLIC_URL}/stories`, `${PUBLIC_URL}/stories/library-trust-opens-three-new-branches`]),
    );
    expect(locs.some((l) => l.includes('still-a-draft'))).toBe(false);
    const robots = await get('/robots.txt')
      .expect(200)
      .expect('Content-Type', /text\/plain/);
    expect(robots.text).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`);
    expect(robots.text).toContain('Disallow: /api/');
  });

  it('clears its cache exactly when a story changes: a new story appears, a withdrawn one is gone', async () => {
    await get('/stories').expect(200);
    await get('/stories/feed.xml').expect(200);
    const fresh = await publish(t, coordinator, await draftStory(t, author, { title: 'Youth service wins its re-tender' }), author);
    expect((await get('/stories').expect(200)).text).toContain('Youth service wins its re-tender');
    expect((await get('/stories/feed.xml').expect(200)).text).toContain('Youth service wins its re-tender');
    await api(t).post(`/admin/stories/${fresh.id}/withdraw`, coordinator, { reason: 'Published too early' }).expect(200);
    await get(`/stories/${fresh.slug}`).expect(404);
    expect((await get('/stories/feed.xml').expect(200)).text).not.toContain('Youth service wins its re-tender');
    expect((await get('/sitemap.xml').expect(200)).text).not.toContain(fresh.slug);
  });
});

const replicasPossible = usingRedis() && usingServerDatabase();

(replicasPossible ? describe : describe.skip)('stories: two replicas sharing Redis', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let one: TestApp;
  let two: TestApp;
  let root: ReturnType<typeof webRoot>;
  beforeAll(async () => {
    root = webRoot();
    const redisKeyPrefix = `mn-test-${randomBytes(4).toString('hex')}:`;
    database = await createScratchDatabase();
    const env = { WEB_ROOT: root.dir, PUBLIC_URL };
    one = await startTestApp({ databaseUrl: database.url, redisKeyPrefix, rateLimits: false, env });
    two = await startTestApp({ databaseUrl: database.url, redisKeyPrefix, rateLimits: false, env });
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    await database.drop();
    root.remove();
  });

  it('a story published through one replica clears the other’s cached pages at once', async () => {
    const [coordinator, author] = [await createCoordinator(one), await createMember(one)];
    await request(two.url).get('/stories').expect(200);
    await request(two.url).get('/stories/feed.xml').expect(200);
    await publish(one, coordinator, await draftStory(one, author, { title: 'Leisure mutual reopens the lido' }), author);
    // Pub/sub is asynchronous: allow the message a moment to cross, never a stale page for long.
    const deadline = Date.now() + 5_000;
    let html = '';
    while (Date.now() < deadline) {
      html = (await request(two.url).get('/stories').expect(200)).text;
      if (html.includes('Leisure mutual reopens the lido')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(html).toContain('Leisure mutual reopens the lido');
    expect((await request(two.url).get('/stories/feed.xml').expect(200)).text).toContain('Leisure mutual reopens the lido');
  });
});
