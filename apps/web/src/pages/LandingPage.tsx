import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { pageItems } from '../api/queryClient';
import { useSession } from '../api/session';
import { storiesQuery } from '../api/stories';
import { StoryCard } from './stories/storyParts';
import { ButtonLink, Card, PageTitle } from '../components';

const stats = [
  { value: 'About 115', label: 'public service mutuals in England' },
  { value: '£1.6bn', label: 'of public services delivered each year' },
  { value: '96%', label: 'made a surplus in 2019' },
  { value: '56%', label: 'were led by women in 2018' },
];

const steps = [
  {
    title: 'Check you can take part',
    body: 'Answer a few questions about your organisation, its services and how much say staff have. You get an answer at once: eligible, likely (with what to confirm) or not yet (with what to do).',
  },
  {
    title: 'Describe your organisation',
    body: 'Tell us your sector, your stage on the journey from exploring to growing, your region and where you need help, from options appraisal to TUPE and pensions.',
  },
  {
    title: 'Choose a mentor',
    body: 'We suggest mentors from established mutuals and explain why each one fits. You decide whom to ask; they accept or decline with a reason.',
  },
  {
    title: 'Work together',
    body: 'Agree goals, meet, log your sessions and chat between them. Goals and notes belong to the pair; coordinators see progress, not what you discussed.',
  },
];

function WelcomeBack() {
  const { me } = useSession();
  if (!me) return null;
  return (
    <Card title={`Welcome back, ${me.user.displayName}`}>
      <ul className="link-list">
        <li>
          <Link to="/mentoring">Mentoring: suggestions, requests and your mentorships</Link>
        </li>
        <li>
          <Link to="/forums">Forums: ask other mutuals, share what worked</Link>
        </li>
        <li>
          <Link to="/members">Members: find people by sector, region or expertise</Link>
        </li>
        <li>
          <Link to="/my-stories">Your stories: tell how your mutual spun out or grew</Link>
        </li>
        <li>
          <Link to="/profile">Your profile</Link>
        </li>
      </ul>
    </Card>
  );
}

/** The stories coordinators chose to feature; the section is left out until there are some. */
function FeaturedStories() {
  const featured = useInfiniteQuery(storiesQuery({ featured: true }, 3));
  const stories = pageItems(featured.data);
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="stories-heading" className="section">
      <h2 id="stories-heading">Success stories</h2>
      <ul className="story-list story-list-featured">
        {stories.map((story) => (
          <StoryCard key={story.id} story={story} headingLevel={3} />
        ))}
      </ul>
      <p>
        <Link to="/stories">Read every story</Link>
      </p>
    </section>
  );
}

export function LandingPage() {
  const { me } = useSession();
  return (
    <div className="landing">
      <section className="hero">
        <PageTitle
          title="Peer support for public service mutuals"
          lead="Mutuals Network connects teams spinning out of the public sector with mutuals that have already done it. Find a mentor who has been through the options appraisal, the business case and go-live; ask the network in the forums; and celebrate what employee-led public services achieve."
        />
        <div className="actions">
          <ButtonLink to="/eligibility">Check your eligibility</ButtonLink>
          {!me && (
            <ButtonLink to="/register" variant="secondary">
              Join the network
            </ButtonLink>
          )}
        </div>
      </section>

      <WelcomeBack />

      <section aria-labelledby="what-heading" className="section">
        <h2 id="what-heading">What is a public service mutual?</h2>
        <p>
          A public service mutual is an organisation that has left the public sector and is now run with significant employee control:
          community health and adult social care, leisure centres, libraries, youth and children's services, education, arts and culture. It
          meets three tests:
        </p>
        <ol className="tests">
          <li>
            <strong>It has left the public sector.</strong> It has "spun out" of a council, NHS body or government department and trades
            independently.
          </li>
          <li>
            <strong>It delivers public services with a social purpose.</strong> Usually under contract to the body it left, and increasingly
            to others too.
          </li>
          <li>
            <strong>Its staff have a significant say in how it is run.</strong> Through ownership, elected board members or a formal voice
            in decisions.
          </li>
        </ol>
        <p>
          "Mutual" is not a legal form. Most are community interest companies; others are co-operatives, community benefit societies,
          companies limited by guarantee or shares, or charities.
        </p>
      </section>

      <section aria-labelledby="sector-heading" className="section">
        <h2 id="sector-heading">A sector that works</h2>
        <ul className="stats">
          {stats.map((s) => (
            <li key={s.label} className="stat">
              <span className="stat-value">{s.value}</span>
              <span className="stat-label">{s.label}</span>
            </li>
          ))}
        </ul>
        <p className="muted">Mutuals range from two staff to several thousand. Figures from the State of the Sector surveys.</p>
      </section>

      <FeaturedStories />

      <section aria-labelledby="programme-heading" className="section">
        <h2 id="programme-heading">The Mutuals Support Programme</h2>
        <p>
          The government is funding £1.7m of support for aspiring and newly formed mutuals. £1.2m pays for professional advice: options
          appraisal, business planning, financial modelling, legal, HR and organisational change, marketing, bid writing and social value.
          £500k pilots partnership working with voluntary, community and social enterprise (VCSE) organisations, and the peer support this
          network runs:
        </p>
        <div className="grid grid-3">
          <Card title="One-to-one mentoring" level={3}>
            <p>Newly formed mutuals are paired with a chief executive, finance or HR lead from an established mutual.</p>
          </Card>
          <Card title="Peer support" level={3}>
            <p>Aspiring mutuals meet teams at the same stage and those a step ahead, in the forums and in chat.</p>
          </Card>
          <Card title="Success stories" level={3}>
            <p>Mutuals share what they achieved, so commissioners and staff can see what spinning out makes possible.</p>
          </Card>
        </div>
      </section>

      <section aria-labelledby="how-heading" className="section">
        <h2 id="how-heading">How it works</h2>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step.title} className="step">
              <h3>{step.title}</h3>
              <p>{step.body}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="who-heading" className="section">
        <h2 id="who-heading">Who can get support</h2>
        <ul>
          <li>Organisations based in England.</li>
          <li>That meet, or intend to meet, the three tests of a public service mutual.</li>
          <li>Existing mutuals in their first five years, or still on their original contract.</li>
          <li>That can show how support would help them grow or diversify.</li>
          <li>That can bring cash match funding.</li>
        </ul>
        <p>
          Mentors come from established mutuals that have been through it themselves. Not sure where you stand?{' '}
          <Link to="/eligibility">Check your eligibility</Link> in two minutes.
        </p>
      </section>

      {!me && (
        <section className="cta-band" aria-labelledby="cta-heading">
          <h2 id="cta-heading">Ready to join?</h2>
          <p>Register, describe your organisation and see which mentors fit. A coordinator approves new members.</p>
          <div className="actions">
            <ButtonLink to="/register">Join the network</ButtonLink>
            <ButtonLink to="/signin" variant="secondary">
              Sign in
            </ButtonLink>
          </div>
        </section>
      )}
    </div>
  );
}
