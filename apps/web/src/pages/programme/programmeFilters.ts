// The console's filters live in the address (?from=&to=&sector=&region=&cohort=), so a filtered
// dashboard or report can be bookmarked and shared; empty ones are left out.
import type { ProgrammeMetricsQuery } from '@mutuals/contracts';

export const FILTER_NAMES = ['from', 'to', 'sector', 'region', 'cohort'] as const;

export function readProgrammeFilters(params: URLSearchParams): ProgrammeMetricsQuery {
  const filters: ProgrammeMetricsQuery = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

export function filtersToParams(filters: ProgrammeMetricsQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]!);
  return params;
}

/** 0.6667 as "67%"; null as "–". */
export const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
export const days = (value: number | null) => (value === null ? '–' : `${value} ${value === 1 ? 'day' : 'days'}`);
