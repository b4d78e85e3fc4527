// /admin: the coordinators' starting point. The programme dashboard (figures for the filters in the
// address, each chart with its table), what needs attention now, and a first-run checklist whose
// items are ticked from the platform's real state (categories in use, applications waiting, mentors
// offering, rounds applied).
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { adminCategoriesQuery } from '../api/forums';
import { adminMembersQuery, directoryQuery } from '../api/members';
import { partnershipFiguresQuery, pounds } from '../api/partnerships';
import { roundsQuery } from '../api/mentoring';
import { pageItems } from '../api/queryClient';
import { programmeMetricsQuery } from '../api/programme';
import { ActionFeedback, ButtonLink, Card, PageTitle, Spinner, plural } from '../components';
import { AttentionTable } from './programme/AttentionTable';
import { ProgrammeFilterForm, useProgrammeFilters } from './programme/ProgrammeFilterForm';
import {
  ActivityChart,
  ClosedChart,
  FunnelChart,
  HeadlineFigures,
  JourneyChart,
  MatchRateChart,
  ReachChart,
  SatisfactionChart,
  SessionsChart,
  StoriesChart,
} from './programme/ProgrammeFigures';
import { filtersToParams } from './programme/programmeFilters';

function Step({ done, title, children }: { done: boolean | undefined; title: string; children: ReactNode }) {
  return (
    <li className={done ? 'done' : undefined}>
      <strong>
        <span aria-hidden="true">{done ? '✓ ' : '○ '}</span>
        {title}
      </strong>
      <span className="visually-hidden">{done ? ' (done)' : ' (to do)'}</span>
      <br />
      <span className="muted">{children}</span>
    </li>
  );
}

function GettingStarted() {
  const categories = useQuery(adminCategoriesQuery());
  const pending = useInfiniteQuery(adminMembersQuery({ status: 'pending' }));
  const mentors = useInfiniteQuery(directoryQuery({ offersMentoring: true }));
  const rounds = useInfiniteQuery(roundsQuery());

  const inUse = categories.data?.filter((c) => !c.archivedAt).length;
  const waiting = pending.data && pageItems(pending.data).length;
  const mentorCount = mentors.data && pageItems(mentors.data).length;
  const applied = rounds.data && pageItems(rounds.data).filter((r) => r.appliedAt).length;
  const loading = categories.isPending || pending.isPending || mentors.isPending || rounds.isPending;
  const steps = [
    inUse !== undefined && inUse > 0,
    waiting === 0,
    mentorCount !== undefined && mentorCount > 0,
    applied !== undefined && applied > 0,
  ];
  const left = steps.filter((done) => !done).length;

  return (
    <Card title={left === 0 ? 'Getting started: all done' : `Getting started: ${plural(left, 'step')} to go`}>
      {loading ? (
        <Spinner label="Checking the platform" />
      ) : (
        <ol className="plain-list checklist">
          <Step done={steps[0]} title="Set up the forum categories">
            {inUse ? `${plural(inUse, 'category', 'categories')} in use. ` : 'Members have nowhere to post yet. '}
            <Link to="/admin/forums/categories">Create, edit, reorder or archive categories</Link>
          </Step>
          <Step done={steps[1]} title="Review applications">
            {waiting ? `${pending.hasNextPage ? 'More than ' : ''}${plural(waiting, 'application')} waiting. ` : 'Nobody is waiting. '}
            <Link to="/admin/members">Approve or reject new members</Link>
          </Step>
          <Step done={steps[2]} title="Invite mentors">
            {mentorCount
              ? `${mentors.hasNextPage ? 'More than ' : ''}${plural(mentorCount, 'member')} ${mentorCount === 1 && !mentors.hasNextPage ? 'offers' : 'offer'} mentoring. `
              : 'No member offers mentoring yet: ask experienced mutuals to join and tick "I offer mentoring" on their profile. '}
            <Link to="/members">See the directory</Link>
          </Step>
          <Step done={steps[3]} title="Set up matching">
            {applied ? `${plural(applied, 'round')} applied. ` : 'No round applied yet. '}
            <Link to="/admin/matching">Run a matching round</Link>
          </Step>
        </ol>
      )}
    </Card>
  );
}

/** Partnerships between mutuals and VCSE organisations since the start, with the way to their breakdowns. */
function PartnershipHeadline() {
  const figures = useQuery(partnershipFiguresQuery());
  const f = figures.data;
  return (
    <section aria-labelledby="partnership-headline">
      <h3 id="partnership-headline">Partnerships with VCSE organisations (since the start)</h3>
      {!f ? (
        figures.isPending && <Spinner label="Counting partnerships" />
      ) : (
        <ul className="stats" aria-label="Partnership figures">
          <li className="stat">
            <span className="stat-value">{f.formed}</span> <span className="stat-label">partnerships formed</span>
          </li>
          <li className="stat">
            <span className="stat-value">{f.won}</span> <span className="stat-label">contracts won</span>
          </li>
          <li className="stat">
            <span className="stat-value">{pounds(f.valueWon)}</span> <span className="stat-label">value won</span>
          </li>
        </ul>
      )}
      <p>
        <Link to="/admin/partnerships">Partnerships by sector and region</Link>
      </p>
    </section>
  );
}

export function AdminHomePage() {
  const filters = useProgrammeFilters();
  const metrics = useQuery(programmeMetricsQuery(filters));
  const view = metrics.data;
  const reportsLink = `/admin/reports${filtersToParams(filters).size ? `?${filtersToParams(filters)}` : ''}`;
  return (
    <>
      <PageTitle
        title="Programme dashboard"
        lead="Reach, mentoring, engagement and outcomes for the period and people chosen below."
        actions={<ButtonLink to={reportsLink}>Reports and downloads</ButtonLink>}
      />
      <ProgrammeFilterForm />
      <ActionFeedback notice={null} error={metrics.error} />
      {!view ? (
        metrics.isPending && <Spinner label="Counting" />
      ) : (
        <div aria-busy={metrics.isFetching} className="dashboard">
          <p className="muted">
            {view.filters.from} to {view.filters.to}
            {metrics.isPlaceholderData && ' (updating…)'}
          </p>
          <HeadlineFigures view={view} />
          <Card title="Needs attention now">
            <AttentionTable attention={view.attention} />
          </Card>
          <Card title="Reach">
            <ReachChart dimension="Sector" members={view.members} organisations={view.organisations} />
            <ReachChart dimension="Stage" members={view.members} organisations={view.organisations} />
            <ReachChart dimension="Region" members={view.members} organisations={view.organisations} />
            <ReachChart dimension="Nation" members={view.members} organisations={view.organisations} />
          </Card>
          <Card title="Mentoring">
            <FunnelChart view={view} />
            <MatchRateChart view={view} />
            <ClosedChart view={view} />
            <SessionsChart view={view} />
            <SatisfactionChart view={view} />
          </Card>
          <Card title="Community">
            <ActivityChart view={view} />
            <StoriesChart view={view} />
          </Card>
          <Card title="Outcomes">
            <JourneyChart view={view} />
            <PartnershipHeadline />
          </Card>
        </div>
      )}
      <GettingStarted />
    </>
  );
}
