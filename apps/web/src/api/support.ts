// The support programme: applications for funded advice, the coordinators' queue and fund, the advisers' assignments.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  Page,
  SupportApplicationStatus,
  SupportApplicationView,
  SupportCriterion,
  SupportFundView,
  SupportPartnerView,
  SupportRoleView,
} from '@mutuals/contracts';
import { api } from './client';
import { cursorPaging } from './queryClient';

export const supportKeys = {
  all: ['support'] as const,
  role: () => [...supportKeys.all, 'role'] as const,
  mine: () => [...supportKeys.all, 'mine'] as const,
  one: (id: string) => [...supportKeys.all, 'one', id] as const,
  queue: (status: SupportApplicationStatus) => [...supportKeys.all, 'queue', status] as const,
  assignments: () => [...supportKeys.all, 'assignments'] as const,
  fund: () => [...supportKeys.all, 'fund'] as const,
  partners: () => [...supportKeys.all, 'partners'] as const,
};

export const supportRoleQuery = () =>
  queryOptions({ queryKey: supportKeys.role(), queryFn: ({ signal }) => api.get<SupportRoleView>('/support/me', { signal }) });

export const myApplicationsQuery = () =>
  infiniteQueryOptions({
    queryKey: supportKeys.mine(),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<SupportApplicationView>>('/support/applications', { query: { limit: 20, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const applicationQuery = (id: string) =>
  queryOptions({
    queryKey: supportKeys.one(id),
    queryFn: ({ signal }) => api.get<SupportApplicationView>(`/support/applications/${id}`, { signal }),
  });

export const supportQueueQuery = (status: SupportApplicationStatus) =>
  infiniteQueryOptions({
    queryKey: supportKeys.queue(status),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<SupportApplicationView>>('/admin/support/applications', { query: { status, limit: 20, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const assignmentsQuery = () =>
  infiniteQueryOptions({
    queryKey: supportKeys.assignments(),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<SupportApplicationView>>('/adviser/assignments', { query: { limit: 20, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const fundQuery = () =>
  queryOptions({ queryKey: supportKeys.fund(), queryFn: ({ signal }) => api.get<SupportFundView>('/admin/support/fund', { signal }) });

export const partnersQuery = () =>
  queryOptions({
    queryKey: supportKeys.partners(),
    queryFn: ({ signal }) => api.get<SupportPartnerView[]>('/admin/support/partners', { signal }),
  });

export const SUPPORT_STATUS_LABELS: Record<SupportApplicationStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  'more-information-requested': 'More information requested',
  approved: 'Approved',
  declined: 'Declined',
  'in-delivery': 'In delivery',
  delivered: 'Delivered',
  closed: 'Closed',
};

export const CRITERION_LABELS: Record<SupportCriterion, { name: string; hint: string }> = {
  eligibility: {
    name: 'Eligibility',
    hint: 'Based in England; meets or intends to meet the three tests; first five years or original contract',
  },
  readiness: { name: 'Readiness', hint: 'Leadership, staff and parent body ready to use the advice now' },
  growth: { name: 'Growth or diversification case', hint: 'How the support helps the organisation grow or diversify' },
  matchFunding: { name: 'Match funding', hint: 'Cash match funding brought, and how sure it is' },
};

export const SCORE_OPTIONS = [
  { value: '0', label: '0: not met' },
  { value: '1', label: '1: weak' },
  { value: '2', label: '2: adequate' },
  { value: '3', label: '3: strong' },
];

/** £1,234 or £1,234.50, from pence. */
export function pounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
}

export const statusTone = (status: SupportApplicationStatus) =>
  status === 'declined'
    ? 'danger'
    : status === 'more-information-requested'
      ? 'warning'
      : status === 'closed' || status === 'delivered'
        ? 'success'
        : 'neutral';
