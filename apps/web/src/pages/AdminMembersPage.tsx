// /admin/members: coordinators approve new members and suspend accounts.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { AccountStatus, AdminMemberView, Page } from '@mutuals/contracts';
import { api, errorMessage } from '../api/client';
import { useSession } from '../api/session';
import { useCursorPages } from '../api/useCursorPages';
import { Alert, Badge, Button, EmptyState, PageTitle, Spinner, Tabs, type TabItem, type Tone } from '../components';

const tabs: TabItem<AccountStatus>[] = [
  { id: 'pending', label: 'Awaiting approval' },
  { id: 'active', label: 'Active' },
  { id: 'suspended', label: 'Suspended' },
];

const statusTone: Record<AccountStatus, Tone> = { pending: 'warning', active: 'success', suspended: 'danger', rejected: 'neutral' };
const statusLabel: Record<AccountStatus, string> = { pending: 'Pending', active: 'Active', suspended: 'Suspended', rejected: 'Rejected' };

const emptyText: Record<AccountStatus, string> = {
  pending: 'Nobody is waiting for approval.',
  active: 'No active members yet.',
  suspended: 'No suspended accounts.',
  rejected: 'No rejected applications.',
};

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

function isStatus(value: string | null): value is AccountStatus {
  return value === 'pending' || value === 'active' || value === 'suspended';
}

type Action = 'approve' | 'suspend';
const resultStatus: Record<Action, AccountStatus> = { approve: 'active', suspend: 'suspended' };

export function AdminMembersPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: AccountStatus = isStatus(raw) ? raw : 'pending';
  const { items, setItems, nextCursor, loading, loadingMore, error, setError, loadMore } = useCursorPages(
    (cursor, signal) => api.get<Page<AdminMemberView>>('/admin/members', { query: { status, cursor }, signal }),
    status,
  );
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const select = (next: AccountStatus) => {
    setNotice(null);
    setParams(next === 'pending' ? {} : { status: next }, { replace: true });
  };

  const act = async (member: AdminMemberView, action: Action) => {
    setBusyId(member.id);
    setError(null);
    setNotice(null);
    try {
      const updated = await api.post<Partial<AdminMemberView> | undefined>(`/admin/members/${member.id}/${action}`);
      const newStatus = updated?.status ?? resultStatus[action];
      // The member now belongs to another tab.
      if (newStatus !== status) setItems((prev) => prev.filter((m) => m.id !== member.id));
      else setItems((prev) => prev.map((m) => (m.id === member.id ? { ...m, ...updated, status: newStatus } : m)));
      setNotice(action === 'approve' ? `${member.displayName} is approved.` : `${member.displayName} is suspended.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusyId(null);
    }
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
          {error}
        </Alert>
      )}
      <Tabs label="Account status" tabs={tabs} selected={status} onSelect={select} idPrefix="member-status">
        {loading ? (
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
                        <Button size="sm" busy={busyId === m.id} disabled={busyId !== null} onClick={() => act(m, 'approve')}>
                          {m.status === 'suspended' ? 'Reinstate' : 'Approve'}
                          <span className="visually-hidden"> {m.displayName}</span>
                        </Button>
                      )}
                      {m.status !== 'suspended' && m.id !== me?.user.id && (
                        <Button size="sm" variant="danger" disabled={busyId !== null} onClick={() => act(m, 'suspend')}>
                          Suspend<span className="visually-hidden"> {m.displayName}</span>
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {nextCursor && (
              <div className="load-more">
                <Button variant="secondary" busy={loadingMore} onClick={loadMore}>
                  Load more
                </Button>
              </div>
            )}
          </>
        )}
      </Tabs>
    </>
  );
}
