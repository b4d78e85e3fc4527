// The dashboard's filters turned into what the SQL takes: a half-open period [fromAt, toAt) in UTC
// and the member filters. Plain TypeScript, no framework.
import type { AppliedProgrammeFilters, ProgrammeMetricsQuery } from '@mutuals/contracts';

export interface ProgrammeScope {
  filters: AppliedProgrammeFilters;
  fromAt: Date;
  /** The day after `to`, at midnight UTC: the period's exclusive end. */
  toAt: Date;
}

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Defaults: the twelve calendar months ending today (the current month included). */
export function programmeScope(query: ProgrammeMetricsQuery, today = new Date()): ProgrammeScope {
  const to = query.to ?? isoDay(today);
  const toDate = new Date(`${to}T00:00:00Z`);
  const from = query.from ?? isoDay(new Date(Date.UTC(toDate.getUTCFullYear(), toDate.getUTCMonth() - 11, 1)));
  return {
    filters: { from, to, sector: query.sector ?? null, region: query.region ?? null, cohort: query.cohort ?? null },
    fromAt: new Date(`${from}T00:00:00Z`),
    toAt: new Date(toDate.getTime() + DAY_MS),
  };
}
