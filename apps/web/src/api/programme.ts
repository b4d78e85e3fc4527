// The coordinator's console: the dashboard's figures (GET /admin/metrics) for a set of filters,
// and the CSV reports' download addresses for the same filters.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ProgrammeMetricsQuery, ProgrammeMetricsView, ProgrammeReport } from '@mutuals/contracts';
import { API_BASE, api, toQuery } from './client';

export const programmeKeys = {
  all: ['programme'] as const,
  metrics: (filters: ProgrammeMetricsQuery) => [...programmeKeys.all, 'metrics', filters] as const,
};

export const programmeMetricsQuery = (filters: ProgrammeMetricsQuery) =>
  queryOptions({
    queryKey: programmeKeys.metrics(filters),
    queryFn: ({ signal }) => api.get<ProgrammeMetricsView>('/admin/metrics', { query: { ...filters }, signal }),
    // Changing a filter keeps the old figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });

/** Where the browser downloads a report (a plain link: the session cookie goes with it). */
export const reportUrl = (report: ProgrammeReport, filters: ProgrammeMetricsQuery) =>
  `${API_BASE}/admin/reports/${report}.csv${toQuery({ ...filters })}`;
