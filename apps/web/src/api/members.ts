// Members: public profiles (GET /members, /members/:id) and the coordinators' people list.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AdminMemberQuery, AdminMemberView, MemberSearchQuery, Page, PublicProfileView } from '@mutuals/contracts';
import { api } from './client';
import { cursorPaging } from './queryClient';

export const memberKeys = {
  all: ['members'] as const,
  directory: (query: MemberSearchQuery) => [...memberKeys.all, 'directory', query] as const,
  detail: (id: string) => [...memberKeys.all, 'detail', id] as const,
  admin: (query: AdminMemberQuery) => [...memberKeys.all, 'admin', query] as const,
};

export const memberQuery = (id: string) =>
  queryOptions({
    queryKey: memberKeys.detail(id),
    queryFn: ({ signal }) => api.get<PublicProfileView>(`/members/${encodeURIComponent(id)}`, { signal }),
  });

export const directoryQuery = (query: Omit<MemberSearchQuery, 'cursor'>) =>
  infiniteQueryOptions({
    queryKey: memberKeys.directory(query),
    queryFn: ({ pageParam, signal }) => api.get<Page<PublicProfileView>>('/members', { query: { ...query, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const adminMembersQuery = (query: Omit<AdminMemberQuery, 'cursor'>) =>
  infiniteQueryOptions({
    queryKey: memberKeys.admin(query),
    queryFn: ({ pageParam, signal }) => api.get<Page<AdminMemberView>>('/admin/members', { query: { ...query, cursor: pageParam }, signal }),
    ...cursorPaging,
  });
