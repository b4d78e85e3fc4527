// /admin: the coordinators' starting point. A first-run checklist whose items are ticked from the
// platform's real state (categories in use, applications waiting, mentors offering, rounds applied).
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { adminCategoriesQuery } from '../api/forums';
import { adminMembersQuery, directoryQuery } from '../api/members';
import { roundsQuery } from '../api/mentoring';
import { pageItems } from '../api/queryClient';
import { Card, PageTitle, Spinner, plural } from '../components';

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

export function AdminHomePage() {
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
    <>
      <PageTitle title="Coordinator overview" lead="What the programme needs from its coordinators, ticked off as it happens." />
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
    </>
  );
}
