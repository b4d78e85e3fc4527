// /admin/members: coordinators approve or reject (with a reason the applicant sees) new members,
// and suspend or reinstate accounts; rejecting and suspending are confirmed first.
import { Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountStatus, AdminMemberView, UserView } from '@mutuals/contracts';
import { api, isApiError } from '../api/client';
import { adminMembersQuery, memberKeys } from '../api/members';
import { mapPageItems, pageItems } from '../api/queryClient';
import { useSession } from '../api/session';
import {
  Badge,
  Button,
  Confirm,
  EmptyState,
  LoadMore,
  PageTitle,
  Spinner,
  Tabs,
  TextArea,
  type TabItem,
  type Tone,
  ActionFeedback,
} from '../components';

const tabs: TabItem<AccountStatus>[] = [
  { id: 'pending', label: 'Awaiting approval' },
  { id: 'active', label: 'Active' },
  { id: 'suspended', label: 'Suspended' },
  { id: 'rejected', label: 'Rejected' },
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
  return tabs.some((t) => t.id === value);
}

type Action = 'approve' | 'reject' | 'suspend' | 'reinstate';
const done: Record<Action, string> = {
  approve: 'is approved',
  reject: 'will see why their application was not accepted when they sign in',
  suspend: 'is suspended',
  reinstate: 'is reinstated',
};
/** Actions that wait for the coordinator to confirm (reject also asks why). */
type Confirming = { member: AdminMemberView; action: 'reject' | 'suspend' };

export function AdminMembersPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: AccountStatus = isStatus(raw) ? raw : 'pending';
  const client = useQueryClient();
  const list = useInfiniteQuery(adminMembersQuery(status));
  const items = pageItems(list.data);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [reason, setReason] = useState('');

  const act = useMutation({
    mutationFn: ({ member, action, reason }: { member: AdminMemberView; action: Action; reason?: string }) =>
      api.post<UserView>(`/admin/members/${member.id}/${action}`, action === 'reject' ? { reason } : undefined),
    onMutate: () => setNotice(null),
    onSuccess: (updated, { member, action }) => {
      setConfirming(null);
      setReason('');
      // The member leaves this tab at once; every list and profile that shows them reloads.
      client.setQueryData(adminMembersQuery(status).queryKey, (data) =>
        mapPageItems(data, (rows) => rows.filter((m) => m.id !== member.id || updated.status === status)),
      );
      void client.invalidateQueries({ queryKey: memberKeys.all });
      setNotice(`${member.displayName} ${done[action]}.`);
    },
  });
  const busyId = act.isPending ? act.variables.member.id : null;
  const error = act.error ?? list.error;

  const select = (next: AccountStatus) => {
    setNotice(null);
    setConfirming(null);
    act.reset();
    setParams(next === 'pending' ? {} : { status: next }, { replace: true });
  };

  return (
    <>
      <PageTitle
        title="Member approvals"
        lead="Approve new members so they can post, chat and request mentoring, or reject an application with a reason the applicant sees; suspend accounts that misuse the network."
      />
      <ActionFeedback notice={notice} error={error} />
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
                  <Fragment key={m.id}>
                    <tr>
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
                        {m.email} {m.emailVerified ? <Badge tone="success">Confirmed</Badge> : <Badge tone="warning">Not confirmed</Badge>}
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
                        {(m.status === 'pending' || m.status === 'rejected') && (
                          <Button
                            size="sm"
                            busy={busyId === m.id}
                            disabled={busyId !== null}
                            onClick={() => act.mutate({ member: m, action: 'approve' })}
                          >
                            Approve<span className="visually-hidden"> {m.displayName}</span>
                          </Button>
                        )}
                        {m.status === 'pending' && (
                          <Button
                            size="sm"
                            variant="secondary"
                            disabled={busyId !== null}
                            onClick={() => setConfirming({ member: m, action: 'reject' })}
                          >
                            Reject<span className="visually-hidden"> {m.displayName}</span>
                          </Button>
                        )}
                        {m.status === 'suspended' && (
                          <Button
                            size="sm"
                            busy={busyId === m.id}
                            disabled={busyId !== null}
                            onClick={() => act.mutate({ member: m, action: 'reinstate' })}
                          >
                            Reinstate<span className="visually-hidden"> {m.displayName}</span>
                          </Button>
                        )}
                        {m.status === 'active' && m.id !== me?.user.id && (
                          <Button
                            size="sm"
                            variant="danger"
                            disabled={busyId !== null}
                            onClick={() => setConfirming({ member: m, action: 'suspend' })}
                          >
                            Suspend<span className="visually-hidden"> {m.displayName}</span>
                          </Button>
                        )}
                      </td>
                    </tr>
                    {confirming?.member.id === m.id && (
                      <tr>
                        <td colSpan={6}>
                          {confirming.action === 'reject' ? (
                            <Confirm
                              title={`Reject the application of ${m.displayName}?`}
                              confirmLabel="Reject application"
                              variant="danger"
                              busy={busyId === m.id}
                              onConfirm={() => act.mutate({ member: m, action: 'reject', reason })}
                              onCancel={() => setConfirming(null)}
                            >
                              <TextArea
                                label="Reason"
                                hint="The applicant reads this when they next sign in, so write it to them."
                                name="reason"
                                rows={3}
                                value={reason}
                                onChange={(event) => setReason(event.target.value)}
                                error={isApiError(act.error) ? act.error.fieldErrors.reason : undefined}
                              />
                            </Confirm>
                          ) : (
                            <Confirm
                              title={`Suspend ${m.displayName}?`}
                              confirmLabel="Suspend account"
                              variant="danger"
                              busy={busyId === m.id}
                              onConfirm={() => act.mutate({ member: m, action: 'suspend' })}
                              onCancel={() => setConfirming(null)}
                            >
                              <p>They are signed out at once and cannot sign in until a coordinator reinstates them.</p>
                            </Confirm>
                          )}
                        </td>
                      </tr>
                    )}
                  </Fragment>
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
