import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { isCoordinator, useSession } from '../api/session';
import { ButtonLink } from './Button';
import { EmptyState, PageTitle, Spinner } from './ui';

export type RouteAuth = 'member' | 'coordinator';

/** Renders its children only for a signed-in member (or coordinator); otherwise sends to /signin?next=. */
export function RequireAuth({ level, children }: { level: RouteAuth; children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();

  if (loading) return <Spinner label="Checking your session" />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  if (level === 'coordinator' && !isCoordinator(me.user.role)) {
    return (
      <>
        <PageTitle title="Coordinators only" />
        <EmptyState title="This page is for programme coordinators." action={<ButtonLink to="/">Go to the home page</ButtonLink>} />
      </>
    );
  }
  return <>{children}</>;
}
