// Uploads (POST /files, multipart), avatars and the resource library.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { FilePurpose, FileView, Page, ResourceQuery, ResourceView } from '@mutuals/contracts';
import { API_BASE, ApiError, api } from './client';
import { cursorPaging } from './queryClient';

function csrfToken(): string | null {
  return /(?:^|;\s*)csrf_token=([^;]+)/.exec(document.cookie)?.[1] ?? null;
}

/** Sends one file as multipart/form-data; the server types it from its bytes and answers a draft only the sender sees. */
export async function uploadFile(purpose: FilePurpose, file: File): Promise<FileView> {
  const form = new FormData();
  form.append('file', file, file.name);
  const csrf = csrfToken();
  const response = await fetch(`${API_BASE}/files?purpose=${purpose}`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(csrf && { 'X-CSRF-Token': decodeURIComponent(csrf) }) },
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, json?.title ?? 'Upload failed', json?.detail ?? 'The file could not be uploaded.', json);
  return json as FileView;
}

export const resourceKeys = {
  all: ['resources'] as const,
  list: (filter: ResourceQuery) => [...resourceKeys.all, 'list', filter] as const,
};

export const resourcesQuery = (filter: ResourceQuery) =>
  infiniteQueryOptions({
    queryKey: resourceKeys.list(filter),
    queryFn: ({ pageParam, signal }) => api.get<Page<ResourceView>>('/resources', { query: { ...filter, limit: 20, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const resourceQuery = (id: string) =>
  queryOptions({ queryKey: [...resourceKeys.all, 'one', id], queryFn: ({ signal }) => api.get<ResourceView>(`/resources/${id}`, { signal }) });

export const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
