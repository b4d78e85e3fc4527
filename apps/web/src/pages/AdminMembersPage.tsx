// /admin/members: coordinators approve new members and suspend accounts.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountStatus, AdminMemberView, UserView } from '@mutuals/contracts';
import { api, errorMessage } from '../api/client';
import { adminMembersQuery, memberKeys } from '../api/members';
import { mapPageItems, pageItems } from '../api/queryClient';
import { useSession } from '../api/session';
import { Alert, Badge, Button, EmptyState, LoadMore, PageTitle, Spinner, Tabs, type TabItem, type Tone } from '../components';

const tabs: TabItem<AccountStatus>[] = [
  { id: 'pending', label: 'Awaiting approval' },
  { id: 'active', label: 'Active' },
  { id: 'suspended', label: 'Suspended' },
];

const statusTone: Record<AccountStatus, Tone> = { pending: 'warning', active: 'success', suspended: 'danger' };
const statusLabel: Record<AccountStatus, string> = { pending: 'Pending', active: 'Active', suspended: 'Suspended' };

const emptyText: Record<AccountStatus, string> = {
  pending: 'Nobody is waiting for approval.',
  active: 'No active members yet.',
  suspended: 'No suspended accounts.',
};

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

function isStatus(value: string | null): value is AccountStatus {
  return value === 'pending' || value === 'active' || value === 'suspended';
}

type Action = 'approve' | 'suspend';

export function AdminMembersPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: AccountStatus = isStatus(raw) ? raw : 'pending';
  const client = useQueryClient();
  const list = useInfiniteQuery(adminMembersQuery(status));
  const items = pageItems(list.data);
  const [notice, setNotice] = useState<string | null>(null);

  const act = useMutation({
    mutationFn: ({ member, action }: { member: AdminMemberView; action: Action }) =>
      api.post<UserView>(`/admin/members/${member.id}/${action}`),
    onMutate: () => setNotice(null),
    onSuccess: (updated, { member, action }) => {
      // The member leaves this tab at once; every list and profile that shows them reloads.
      client.setQueryData(adminMembersQuery(status).queryKey, (data) =>
        mapPageItems(data, (rows) => rows.filter((m) => m.id !== member.id || updated.status === status)),
      );
      void client.invalidateQueries({ queryKey: memberKeys.all });
      setNotice(action === 'approve' ? `${member.displayName} is approved.` : `${member.displayName} is suspended.`);
    },
  });
  const busyId = act.isPending ? act.variables.member.id : null;
  const error = act.error ?? list.error;

  const select = (next: AccountStatus) => {
    setNotice(null);
    act.reset();
    setParams(next === 'pending' ? {} : { status: next }, { replace: true });
  };

  return (
    <>
      <PageTitle
        title="Member approvals"
        lead="Approve new members so they can post, chat and request mentoring; suspend accounts that misuse the network."
      />
      <div aria-live="polite" className="live-region">
        {notice && (
          <Alert tone="success" role="none">
            {notice}
          </Alert>
        )}
      </div>
      {error && (
        <Alert tone="danger" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      <Tabs label="Account status" tabs={tabs} selected={status} onSelect={select} idPrefix="member-status">
        {list.isPending ? (
          <Spinner label="Loading members" />
        ) : items.length === 0 ? (
          <EmptyState title={emptyText[status]} />
        ) : (
          <>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Joined</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id}>
                    <td data-label="Name">
                      <Link to={`/members/${m.id}`}>{m.displayName}</Link>
                      <span className="muted"> @{m.handle}</span>
                      {m.role !== 'member' && (
                        <>
                          {' '}
                          <Badge tone="info">{m.role}</Badge>
                        </>
                      )}
                    </td>
                    <td data-label="Email" className="break">
                      {m.email}
                    </td>
                    <td data-label="Organisation">
                      {m.organisationName ?? <span className="muted">{m.organisationName === null ? 'Individual' : 'Not given'}</span>}
                    </td>
                    <td data-label="Joined">
                      <time dateTime={m.createdAt}>{dateFormat.format(new Date(m.createdAt))}</time>
                    </td>
                    <td data-label="Status">
                      <Badge tone={statusTone[m.status]}>{statusLabel[m.status]}</Badge>
                    </td>
                    <td className="row-actions">
                      {m.status !== 'active' && (
                        <Button size="sm" busy={busyId === m.id} disabled={busyId !== null} onClick={() => act.mutate({ member: m, action: 'approve' })}>
                          {m.status === 'suspended' ? 'Reinstate' : 'Approve'}
                          <span className="visually-hidden"> {m.displayName}</span>
                        </Button>
                      )}
                      {m.status !== 'suspended' && m.id !== me?.user.id && (
                        <Button size="sm" variant="danger" disabled={busyId !== null} onClick={() => act.mutate({ member: m, action: 'suspend' })}>
                          Suspend<span className="visually-hidden"> {m.displayName}</span>
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <LoadMore query={list} />
          </>
        )}
      </Tabs>
    </>
  );
}
