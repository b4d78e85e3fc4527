// /adviser/assignments: the delivery partner's assignments, for its advisers.
import { useInfiniteQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { pageItems } from '../../api/queryClient';
import { assignmentsQuery } from '../../api/support';
import { Alert, EmptyState, LoadMore, PageTitle, Spinner } from '../../components';
import { ApplicationListItem } from './supportParts';

export function AdviserAssignmentsPage() {
  const list = useInfiniteQuery(assignmentsQuery());
  const items = pageItems(list.data);
  return (
    <>
      <PageTitle
        title="Your assignments"
        lead="Advice your delivery partner is assigned: log the days you deliver and upload what you deliver."
      />
      {list.isPending && <Spinner />}
      {list.error && <Alert tone="danger">{errorMessage(list.error)}</Alert>}
      {list.isSuccess && items.length === 0 && <EmptyState title="No assignments yet" />}
      <ul className="story-list">
        {items.map((application) => (
          <ApplicationListItem key={application.id} application={application} to={`/adviser/assignments/${application.id}`} />
        ))}
      </ul>
      <LoadMore query={list} />
    </>
  );
}
