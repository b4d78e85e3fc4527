// /admin/members, the people page: coordinators find anyone (by name, handle or email; role, sector,
// region and status, kept in the address), approve or reject (with a reason the applicant sees) new
// members, suspend or reinstate accounts and change roles; rejecting, suspending and role changes are
// confirmed first.
import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountStatus, AdminMemberQuery, AdminMemberView, Role, UserView } from '@mutuals/contracts';
import { api, isApiError } from '../api/client';
import { adminMembersQuery, memberKeys } from '../api/members';
import { mapPageItems, pageItems } from '../api/queryClient';
import { useSession } from '../api/session';
import { useTaxonomy } from '../api/taxonomy';
import { PlaceFilters } from './PlaceFilters';
import {
  Badge,
  Button,
  Confirm,
  EmptyState,
  LoadMore,
  PageTitle,
  Select,
  Spinner,
  Tabs,
  TextArea,
  TextField,
  type TabItem,
  type Tone,
  ActionFeedback,
} from '../components';

type StatusTab = AccountStatus | 'all';

const tabs: TabItem<StatusTab>[] = [
  { id: 'pending', label: 'Awaiting approval' },
  { id: 'active', label: 'Active' },
  { id: 'suspended', label: 'Suspended' },
  { id: 'rejected', label: 'Rejected' },
  { id: 'all', label: 'Everyone' },
];

const roleLabel: Record<Role, string> = { member: 'Member', coordinator: 'Coordinator', admin: 'Admin' };

const statusTone: Record<AccountStatus, Tone> = { pending: 'warning', active: 'success', suspended: 'danger', rejected: 'neutral' };
const statusLabel: Record<AccountStatus, string> = { pending: 'Pending', active: 'Active', suspended: 'Suspended', rejected: 'Rejected' };

const emptyText: Record<StatusTab, string> = {
  all: 'Nobody has joined yet.',
  pending: 'Nobody is waiting for approval.',
  active: 'No active members yet.',
  suspended: 'No suspended accounts.',
  rejected: 'No rejected applications.',
};

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

function isStatus(value: string | null): value is StatusTab {
  return tabs.some((t) => t.id === value);
}

/** The search and filters, as the address keeps them. */
interface Filters {
  q: string;
  role: string;
  sector: string;
  region: string;
}

const FILTER_NAMES = ['q', 'role', 'sector', 'region'] as const;

function readFilters(params: URLSearchParams): Filters {
  return {
    q: params.get('q') ?? '',
    role: params.get('role') ?? '',
    sector: params.get('sector') ?? '',
    region: params.get('region') ?? '',
  };
}

function toQuery(status: StatusTab, f: Filters): Omit<AdminMemberQuery, 'cursor'> {
  return {
    status: status === 'all' ? undefined : status,
    q: f.q.trim() || undefined,
    role: (f.role || undefined) as Role | undefined,
    sector: f.sector || undefined,
    region: f.region || undefined,
  };
}

type Action = 'approve' | 'reject' | 'suspend' | 'reinstate' | 'role';
const done: Record<Action, string> = {
  role: 'has a new role',
  approve: 'is approved',
  reject: 'will see why their application was not accepted when they sign in',
  suspend: 'is suspended',
  reinstate: 'is reinstated',
};
/** Actions that wait for the coordinator to confirm (reject also asks why). */
type Confirming = { member: AdminMemberView; action: 'reject' | 'suspend' | 'role' };

export function AdminMembersPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const { taxonomy } = useTaxonomy();
  const raw = params.get('status');
  const status: StatusTab = isStatus(raw) ? raw : 'pending';
  const applied = readFilters(params);
  const appliedKey = params.toString();
  const [draft, setDraft] = useState<Filters>(applied);
  const query = toQuery(status, applied);
  const client = useQueryClient();
  const list = useInfiniteQuery(adminMembersQuery(query));
  const items = pageItems(list.data);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [reason, setReason] = useState('');
  const [newRole, setNewRole] = useState<Role>('member');
  const filtered = FILTER_NAMES.some((name) => params.get(name));

  // The form follows the address (back button, shared link).
  useEffect(() => {
    setDraft(readFilters(new URLSearchParams(appliedKey)));
  }, [appliedKey]);

  const act = useMutation({
    mutationFn: ({ member, action, reason, role }: { member: AdminMemberView; action: Action; reason?: string; role?: Role }) =>
      api.post<UserView>(
        `/admin/members/${member.id}/${action}`,
        action === 'reject' ? { reason } : action === 'role' ? { role } : undefined,
      ),
    onMutate: () => setNotice(null),
    onSuccess: (updated, { member, action }) => {
      setConfirming(null);
      setReason('');
      // The member leaves this tab at once when they no longer belong in it; every list and profile that shows them reloads.
      client.setQueryData(adminMembersQuery(query).queryKey, (data) =>
        mapPageItems(data, (rows) =>
          rows
            .filter((m) => m.id !== member.id || status === 'all' || updated.status === status)
            .map((m) => (m.id === member.id ? { ...m, status: updated.status, role: updated.role } : m)),
        ),
      );
      void client.invalidateQueries({ queryKey: memberKeys.all });
      setNotice(`${member.displayName} ${done[action]}.`);
    },
  });
  const busyId = act.isPending ? act.variables.member.id : null;
  const error = act.error ?? list.error;

  /** The address with these filters and this tab. */
  const navigate = (next: StatusTab, f: Filters, replace: boolean) => {
    setNotice(null);
    setConfirming(null);
    act.reset();
    const address = new URLSearchParams();
    if (next !== 'pending') address.set('status', next);
    if (f.q.trim()) address.set('q', f.q.trim());
    for (const name of ['role', 'sector', 'region'] as const) if (f[name]) address.set(name, f[name]);
    setParams(address, { replace });
  };
  const select = (next: StatusTab) => navigate(next, applied, true);
  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate(status, draft, false);
  };
  const clear = () => navigate(status, { q: '', role: '', sector: '', region: '' }, false);

  const roleChoices = (Object.keys(roleLabel) as Role[])
    .filter((r) => r !== 'admin' || me?.user.role === 'admin')
    .map((r) => ({ value: r, label: roleLabel[r] }));

  return (
    <>
      <PageTitle
        title="People"
        lead="Everyone on the network. Approve new members so they can post, chat and request mentoring, or reject an application with a reason the applicant sees; suspend accounts that misuse the network; make coordinators."
      />
      <form className="filters" role="search" aria-label="Find people" onSubmit={search}>
        <TextField
          label="Search"
          hint="Name, handle or email address"
          type="search"
          name="q"
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
        <Select
          label="Role"
          name="role"
          placeholder="Any role"
          options={(Object.keys(roleLabel) as Role[]).map((r) => ({ value: r, label: roleLabel[r] }))}
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value })}
        />
        <PlaceFilters taxonomy={taxonomy} value={draft} onChange={(place) => setDraft({ ...draft, ...place })} />
        <div className="filters-actions">
          <Button type="submit">Search</Button>
          {filtered && (
            <Button variant="ghost" onClick={clear}>
              Clear filters
            </Button>
          )}
        </div>
      </form>
      <ActionFeedback notice={notice} error={error} />
      <Tabs label="Account status" tabs={tabs} selected={status} onSelect={select} idPrefix="member-status">
        {list.isPending ? (
          <Spinner label="Loading members" />
        ) : items.length === 0 ? (
          <EmptyState title={filtered ? 'Nobody matches those filters.' : emptyText[status]} />
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
                            <Badge tone="info">{roleLabel[m.role]}</Badge>
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
                        {m.id !== me?.user.id && (m.role !== 'admin' || me?.user.role === 'admin') && (
                          <Button
                            size="sm"
                            variant="secondary"
                            disabled={busyId !== null}
                            onClick={() => {
                              setNewRole(m.role);
                              setConfirming({ member: m, action: 'role' });
                            }}
                          >
                            Change role<span className="visually-hidden"> of {m.displayName}</span>
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
                          {confirming.action === 'role' ? (
                            <Confirm
                              title={`Change the role of ${m.displayName}?`}
                              confirmLabel="Change role"
                              busy={busyId === m.id}
                              onConfirm={() => act.mutate({ member: m, action: 'role', role: newRole })}
                              onCancel={() => setConfirming(null)}
                            >
                              <Select
                                label="New role"
                                hint="Coordinators approve members, run matching, moderate and see the console; only an admin makes admins."
                                name="newRole"
                                options={roleChoices}
                                value={newRole}
                                onChange={(event) => setNewRole(event.target.value as Role)}
                              />
                            </Confirm>
                          ) : confirming.action === 'reject' ? (
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
