// Pieces every story page shares: the card in lists, the facts line, outcomes, the story itself.
import { Link } from 'react-router-dom';
import type { StorySummary, StoryView } from '@mutuals/contracts';
import { termName, useTaxonomy } from '../../api/taxonomy';
import { Badge } from '../../components';

export function StoryFacts({ story }: { story: StorySummary }) {
  const { taxonomy } = useTaxonomy();
  const terms = [
    termName(taxonomy?.sectors, story.sector),
    termName(taxonomy?.regions, story.region),
    termName(taxonomy?.stages, story.stage),
  ].filter(Boolean);
  return <p className="muted">{terms.join(' · ')}</p>;
}

export function Outcomes({ story }: { story: StorySummary }) {
  if (story.outcomes.length === 0) return null;
  return (
    <dl className="story-outcomes">
      {story.outcomes.map((o, i) => (
        <div key={`${o.label}-${i}`}>
          <dt>{o.label}</dt>
          <dd>{o.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function StoryCard({ story, headingLevel = 2 }: { story: StorySummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card story-card">
      {story.cover && <img className="story-card-cover" src={story.cover.url} alt={story.cover.alt} loading="lazy" />}
      <Heading className="card-title">
        <Link to={`/stories/${story.slug}`}>{story.title}</Link>
      </Heading>
      {story.featured && <Badge tone="success">Featured</Badge>}
      <p>{story.summary}</p>
      <StoryFacts story={story} />
      <Outcomes story={story} />
    </li>
  );
}

/** The story as readers see it; `preview` marks one not yet published. */
export function StoryArticle({ story }: { story: StoryView }) {
  const credits = [
    ...story.memberCredits.map((c) => (c.role ? `${c.displayName} (${c.role})` : c.displayName)),
    ...story.organisationCredits.map((c) => (c.role ? `${c.name} (${c.role})` : c.name)),
  ];
  return (
    <article className="story">
      <p className="lead">{story.summary}</p>
      <StoryFacts story={story} />
      <p className="muted">
        By {story.author.displayName}
        {story.organisation && `, ${story.organisation.name}`}
        {story.publishedAt && ` · ${new Date(story.publishedAt).toLocaleDateString('en-GB', { dateStyle: 'long' })}`}
      </p>
      {story.cover && (
        <img
          className="story-cover"
          src={story.cover.url}
          alt={story.cover.alt}
          width={story.cover.width ?? undefined}
          height={story.cover.height ?? undefined}
        />
      )}
      <Outcomes story={story} />
      <div className="forum-post-body story-body" dangerouslySetInnerHTML={{ __html: story.bodyHtml }} />
      {credits.length > 0 && <p>With thanks to {credits.join(', ')}.</p>}
    </article>
  );
}
