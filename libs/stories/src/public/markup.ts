// The server's own markup of the public showcase: head tags, a static body for readers and
// crawlers without JavaScript, the Atom feed, the sitemap. Plain functions of plain data; every
// value from a story passes through `escape` (or JSON.stringify made safe for a script element).
import type { StorySummary, StoryView } from '@mutuals/contracts';

const SITE_NAME = 'Mutuals Network';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For HTML and XML text and attribute values alike. Control characters XML forbids are dropped. */
export function escape(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** JSON inside <script type="application/ld+json">: no "</script>" or "<!--" can close or confuse it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** A term's readable name, given the taxonomy's names by slug. */
export type TermNames = (kind: 'sector' | 'region' | 'stage', slug: string | null) => string | null;

export interface PageHead {
  title: string;
  description: string;
  canonical: string;
  image: string | null;
  imageAlt: string;
  type: 'website' | 'article';
  jsonLd: unknown;
  /** Alternate links (the Atom feed). */
  feedUrl: string;
}

/** The tags of <head> a crawler or a link preview reads. */
export function headTags(head: PageHead): string {
  const tags = [
    `<title>${escape(head.title)}</title>`,
    `<meta name="description" content="${escape(head.description)}">`,
    `<link rel="canonical" href="${escape(head.canonical)}">`,
    `<link rel="alternate" type="application/atom+xml" title="${escape(`${SITE_NAME}: success stories`)}" href="${escape(head.feedUrl)}">`,
    `<meta property="og:site_name" content="${SITE_NAME}">`,
    `<meta property="og:type" content="${head.type}">`,
    `<meta property="og:title" content="${escape(head.title)}">`,
    `<meta property="og:description" content="${escape(head.description)}">`,
    `<meta property="og:url" content="${escape(head.canonical)}">`,
    `<meta property="og:locale" content="en_GB">`,
    `<meta name="twitter:card" content="${head.image ? 'summary_large_image' : 'summary'}">`,
    `<meta name="twitter:title" content="${escape(head.title)}">`,
    `<meta name="twitter:description" content="${escape(head.description)}">`,
  ];
  if (head.image) {
    tags.push(
      `<meta property="og:image" content="${escape(head.image)}">`,
      `<meta property="og:image:alt" content="${escape(head.imageAlt)}">`,
      `<meta name="twitter:image" content="${escape(head.image)}">`,
      `<meta name="twitter:image:alt" content="${escape(head.imageAlt)}">`,
    );
  }
  tags.push(`<script type="application/ld+json">${scriptJson(head.jsonLd)}</script>`);
  return tags.join('\n    ');
}

export function storyHead(story: StoryView, base: string, names: TermNames): PageHead {
  const canonical = `${base}/stories/${story.slug}`;
  const image = story.cover ? `${base}${story.cover.url}` : null;
  return {
    title: `${story.title} | ${SITE_NAME}`,
    description: story.summary,
    canonical,
    image,
    imageAlt: story.cover?.alt || story.title,
    type: 'article',
    feedUrl: `${base}/stories/feed.xml`,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: story.title,
      description: story.summary,
      ...(image ? { image: [image] } : {}),
      datePublished: story.publishedAt,
      dateModified: story.updatedAt,
      author: { '@type': 'Person', name: story.author.displayName },
      publisher: { '@type': 'Organization', name: SITE_NAME, url: base },
      mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
      ...(story.organisation ? { about: { '@type': 'Organization', name: story.organisation.name } } : {}),
      articleSection: names('sector', story.sector) ?? story.sector,
    },
  };
}

export function listHead(base: string, path: string, stories: StorySummary[]): PageHead {
  const canonical = `${base}${path}`;
  return {
    title: `Success stories | ${SITE_NAME}`,
    description: 'How public service mutuals spun out and grew: staff who became owners, services added, contracts won, people served.',
    canonical,
    image: null,
    imageAlt: '',
    type: 'website',
    feedUrl: `${base}/stories/feed.xml`,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'CollectionPage',
      name: 'Success stories',
      url: canonical,
      hasPart: stories.map((s) => ({ '@type': 'Article', headline: s.title, url: `${base}/stories/${s.slug}` })),
    },
  };
}

function facts(story: StorySummary, names: TermNames): string {
  const terms = [names('sector', story.sector), names('region', story.region), names('stage', story.stage)].filter((t): t is string => !!t);
  return terms.map(escape).join(' · ');
}

function outcomeList(story: StorySummary): string {
  if (story.outcomes.length === 0) return '';
  return `<dl class="story-outcomes">${story.outcomes
    .map((o) => `<div><dt>${escape(o.label)}</dt><dd>${escape(o.value)}</dd></div>`)
    .join('')}</dl>`;
}

/** The story as static HTML inside #root: what a reader without JavaScript gets, replaced by the client once it runs. */
export function storyBody(story: StoryView, names: TermNames): string {
  const date = story.publishedAt ? new Date(story.publishedAt) : null;
  const credits = [
    ...story.memberCredits.map((c) => `${escape(c.displayName)}${c.role ? ` (${escape(c.role)})` : ''}`),
    ...story.organisationCredits.map((c) => `${escape(c.name)}${c.role ? ` (${escape(c.role)})` : ''}`),
  ];
  return `<main class="container static-page"><article class="story">
<p><a href="/stories">Success stories</a></p>
<h1>${escape(story.title)}</h1>
<p class="lead">${escape(story.summary)}</p>
<p class="muted">${facts(story, names)}${date ? ` · <time datetime="${escape(date.toISOString())}">${escape(date.toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' }))}</time>` : ''} · by ${escape(story.author.displayName)}</p>
${story.cover ? `<img src="${escape(story.cover.url)}" alt="${escape(story.cover.alt)}"${story.cover.width ? ` width="${story.cover.width}" height="${story.cover.height}"` : ''}>` : ''}
${outcomeList(story)}
<div class="story-body">${story.bodyHtml}</div>
${credits.length ? `<p>With thanks to ${credits.join(', ')}.</p>` : ''}
${story.discussionThreadId ? `<p><a href="/forums/threads/${escape(story.discussionThreadId)}">Congratulate them and ask how they did it in the forums</a></p>` : ''}
</article></main>`;
}

export function listBody(stories: StorySummary[], names: TermNames): string {
  const items = stories
    .map(
      (s) => `<li><article><h2><a href="/stories/${escape(s.slug)}">${escape(s.title)}</a></h2>
<p>${escape(s.summary)}</p><p class="muted">${facts(s, names)}</p>${outcomeList(s)}</article></li>`,
    )
    .join('\n');
  return `<main class="container static-page"><h1>Success stories</h1>
<p>How public service mutuals spun out and grew. <a href="/stories/feed.xml">Follow new stories in your feed reader</a>.</p>
${stories.length ? `<ul class="story-list">${items}</ul>` : '<p>No stories yet.</p>'}
</main>`;
}

/** An Atom 1.0 feed (RFC 4287) of published stories, newest first. */
export function atomFeed(stories: StoryView[], base: string): string {
  const updated = stories.reduce((latest, s) => (s.updatedAt > latest ? s.updatedAt : latest), '1970-01-01T00:00:00.000Z');
  const entries = stories.map((s) => {
    const url = `${base}/stories/${s.slug}`;
    return `  <entry>
    <title>${escape(s.title)}</title>
    <link rel="alternate" type="text/html" href="${escape(url)}"/>
    <id>urn:uuid:${escape(s.id)}</id>
    <published>${escape(s.publishedAt ?? s.updatedAt)}</published>
    <updated>${escape(s.updatedAt)}</updated>
    <author><name>${escape(s.author.displayName)}</name></author>
    <summary>${escape(s.summary)}</summary>
    <content type="html">${escape(s.bodyHtml)}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <title>${SITE_NAME}: success stories</title>
  <subtitle>How public service mutuals spun out and grew</subtitle>
  <link rel="self" type="application/atom+xml" href="${escape(`${base}/stories/feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${escape(`${base}/stories`)}"/>
  <id>${escape(`${base}/stories`)}</id>
  <updated>${escape(updated)}</updated>
  <author><name>${SITE_NAME}</name></author>
${entries.join('\n')}
</feed>
`;
}

/** The public pages: the landing page, the eligibility check, the stories. */
export function sitemap(stories: { slug: string; updatedAt: string }[], base: string): string {
  const urls = [
    { loc: `${base}/`, lastmod: null },
    { loc: `${base}/eligibility`, lastmod: null },
    { loc: `${base}/stories`, lastmod: stories[0]?.updatedAt ?? null },
    ...stories.map((s) => ({ loc: `${base}/stories/${s.slug}`, lastmod: s.updatedAt })),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${escape(u.loc)}</loc>${u.lastmod ? `<lastmod>${escape(u.lastmod)}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
}

export function robots(base: string): string {
  return `User-agent: *
Allow: /
Disallow: /api/
Disallow: /admin
Disallow: /settings
Disallow: /my-stories
Disallow: /story-consents

Sitemap: ${base}/sitemap.xml
`;
}
