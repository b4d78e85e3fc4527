// /support: the organisation's applications for funded advice, the way to apply, and (for advisers
// and coordinators) the way to their own pages.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { pageItems } from '../../api/queryClient';
import { myApplicationsQuery, supportRoleQuery } from '../../api/support';
import { ActionFeedback, Alert, ButtonLink, EmptyState, LoadMore, PageTitle, Spinner } from '../../components';
import { ApplicationListItem } from './supportParts';

export function SupportPage() {
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;
  const role = useQuery(supportRoleQuery());
  const list = useInfiniteQuery(myApplicationsQuery());
  const items = pageItems(list.data);
  const organisation = role.data?.organisation ?? null;
  return (
    <>
      <PageTitle
        title="Funded advice"
        lead="The programme pays for professional advice (options appraisal, business planning, financial modelling, legal, HR and TUPE, bid writing and more) for mutuals and teams planning to become one."
        actions={organisation ? <ButtonLink to="/support/apply">Apply for advice</ButtonLink> : undefined}
      />
      <ActionFeedback notice={notice} error={null} />
      {role.data?.adviser && (
        <Alert tone="info" title={`You advise for ${role.data.adviser.partner.name}`}>
          <Link to="/adviser/assignments">Your assignments</Link>
        </Alert>
      )}
      {role.data?.coordinator && (
        <Alert tone="info" title="Coordinator">
          <Link to="/admin/support">The applications queue</Link> and <Link to="/admin/support/fund">the fund</Link>.
        </Alert>
      )}
      {role.isSuccess && !organisation && (
        <Alert tone="info" title="Applications are made for an organisation">
          <Link to="/profile">Add your organisation to your profile</Link> to apply.
        </Alert>
      )}
      <h2>{organisation ? `Applications of ${organisation.name}` : 'Applications'}</h2>
      {list.isPending && <Spinner />}
      {list.error && <Alert tone="danger">{errorMessage(list.error)}</Alert>}
      {list.isSuccess && items.length === 0 && (
        <EmptyState title="No applications yet">Check your eligibility, then apply for the advice you need.</EmptyState>
      )}
      <ul className="story-list">
        {items.map((application) => (
          <ApplicationListItem key={application.id} application={application} to={`/support/applications/${application.id}`} />
        ))}
      </ul>
      <LoadMore query={list} />
    </>
  );
}
