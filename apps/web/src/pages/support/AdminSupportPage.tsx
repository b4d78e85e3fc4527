// /admin/support: the coordinators' queue of applications for funded advice, by state.
import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { SupportApplicationStatus } from '@mutuals/contracts';
import { errorMessage } from '../../api/client';
import { pageItems } from '../../api/queryClient';
import { SUPPORT_STATUS_LABELS, supportQueueQuery } from '../../api/support';
import { Alert, ButtonLink, EmptyState, LoadMore, PageTitle, Spinner, Tabs } from '../../components';
import { ApplicationListItem } from './supportParts';

const QUEUES: SupportApplicationStatus[] = [
  'submitted',
  'more-information-requested',
  'approved',
  'in-delivery',
  'delivered',
  'closed',
  'declined',
];

export function AdminSupportPage() {
  const [status, setStatus] = useState<SupportApplicationStatus>('submitted');
  const list = useInfiniteQuery(supportQueueQuery(status));
  const items = pageItems(list.data);
  return (
    <>
      <PageTitle
        title="Support applications"
        lead="Assess applications for funded advice against the rubric, decide, and assign approved ones to a delivery partner."
        actions={
          <ButtonLink to="/admin/support/fund" variant="secondary">
            The fund
          </ButtonLink>
        }
      />
      <Tabs
        label="Applications by state"
        idPrefix="support-queue"
        selected={status}
        onSelect={setStatus}
        tabs={QUEUES.map((id) => ({ id, label: SUPPORT_STATUS_LABELS[id] }))}
      >
        {list.isPending && <Spinner />}
        {list.error && <Alert tone="danger">{errorMessage(list.error)}</Alert>}
        {list.isSuccess && items.length === 0 && <EmptyState title={`No ${SUPPORT_STATUS_LABELS[status].toLowerCase()} applications`} />}
        <ul className="story-list">
          {items.map((application) => (
            <ApplicationListItem key={application.id} application={application} to={`/admin/support/applications/${application.id}`} />
          ))}
        </ul>
        <LoadMore query={list} />
      </Tabs>
    </>
  );
}
