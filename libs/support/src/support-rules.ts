// The programme's rules in plain TypeScript: who may move an application where, whether an
// assessment allows approval, and what an allocation costs. No framework, no database.
import {
  SUPPORT_CRITERIA,
  SUPPORT_TRANSITIONS,
  type SupportActor,
  type SupportAllocationInput,
  type SupportApplicationStatus,
  type SupportAssessmentInput,
  type SupportMove,
  type SupportTransition,
} from '@mutuals/contracts';

export type MoveCheck = { ok: true; transition: SupportTransition } | { ok: false; reason: 'wrong-actor' | 'wrong-state'; detail: string };

const label = (status: SupportApplicationStatus) => status.replace(/-/g, ' ');

/** Whether `actor` may make `move` from `status`; the refusal says which rule stood in the way. */
export function checkMove(move: SupportMove, status: SupportApplicationStatus, actor: SupportActor): MoveCheck {
  const transition = SUPPORT_TRANSITIONS.find((t) => t.move === move)!;
  if (transition.by !== actor) {
    return { ok: false, reason: 'wrong-actor', detail: `Only ${article(transition.by)} may ${move.replace(/-/g, ' ')} an application` };
  }
  if (!transition.from.includes(status)) {
    return {
      ok: false,
      reason: 'wrong-state',
      detail: `A ${label(status)} application cannot be moved by “${move.replace(/-/g, ' ')}” (only from ${transition.from.map(label).join(' or ')})`,
    };
  }
  return { ok: true, transition };
}

/** The moves open to `actor` from `status`. */
export function movesFrom(status: SupportApplicationStatus, actor: SupportActor): SupportMove[] {
  return SUPPORT_TRANSITIONS.filter((t) => t.by === actor && t.from.includes(status)).map((t) => t.move);
}

const article = (actor: SupportActor) =>
  actor === 'adviser' ? 'the assigned adviser' : actor === 'applicant' ? 'the applying organisation' : 'a coordinator';

/** States in which the applicant may still write. */
export const EDITABLE: readonly SupportApplicationStatus[] = ['draft', 'more-information-requested'];
/** States a coordinator may assess in. */
export const ASSESSABLE: readonly SupportApplicationStatus[] = ['submitted', 'more-information-requested'];

/** An assessment allows approval when every criterion is scored and none is 0 ("not met"). */
export function rubricVerdict(scores: Partial<SupportAssessmentInput> | null): {
  total: number;
  approvable: boolean;
  missing: string[];
  unmet: string[];
} {
  const missing = SUPPORT_CRITERIA.filter((c) => scores?.[c] === undefined);
  const unmet = SUPPORT_CRITERIA.filter((c) => scores?.[c]?.score === 0);
  const total = SUPPORT_CRITERIA.reduce((sum, c) => sum + (scores?.[c]?.score ?? 0), 0);
  return { total, approvable: missing.length === 0 && unmet.length === 0, missing, unmet };
}

/** What an allocation costs at a day rate, in pence, rounded to the penny per area. */
export function allocationCost(allocations: readonly SupportAllocationInput[], dayRatePence: number): number {
  return allocations.reduce((sum, a) => sum + costOf(a.days, dayRatePence), 0);
}

export const costOf = (days: number, dayRatePence: number): number => Math.round(days * dayRatePence);

/** Days come in half-day steps, at least half a day and at most 60 in one area. */
export const validDays = (days: number): boolean => Number.isFinite(days) && days >= 0.5 && days <= 60 && Number.isInteger(days * 2);

/** The fields an applicant must fill before submitting, by the name the API uses. */
export function missingFields(fields: {
  areas: string[];
  need: string;
  outcome: string;
  by_when: string | null;
  growth_case: string;
  match_funding_pence: number;
  eligibility: unknown;
}): { field: string; message: string }[] {
  const missing: { field: string; message: string }[] = [];
  if (fields.areas.length === 0) missing.push({ field: 'areas', message: 'choose at least one support area' });
  if (!fields.need.trim()) missing.push({ field: 'need', message: 'say what you need help with' });
  if (!fields.outcome.trim()) missing.push({ field: 'outcome', message: 'say what outcome you want' });
  if (!fields.by_when) missing.push({ field: 'byWhen', message: 'say by when you need it' });
  if (!fields.growth_case.trim()) missing.push({ field: 'growthCase', message: 'say how the support helps you grow or diversify' });
  if (!(fields.match_funding_pence > 0)) missing.push({ field: 'matchFundingPence', message: 'cash match funding is required' });
  if (!fields.eligibility) missing.push({ field: 'eligibility', message: 'answer the eligibility questions' });
  return missing;
}

/** SUP-XXXX from the application's id: short, stable, quotable. */
export const referenceOf = (id: string): string => `SUP-${id.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
