// POST /eligibility/check (public): the programme's eligibility test (shared/DOMAIN.md).
import type { Nation } from './taxonomy';

/** How much say staff have over how the organisation is run. */
export type EmployeeInfluence = 'none' | 'some' | 'significant' | 'majority';

export interface EligibilityRequest {
  /** Delivers public services with a social purpose. */
  deliversPublicService: boolean;
  /** Has already left the public sector ("spun out"). */
  leftPublicSector: boolean;
  /** Intends to leave the public sector (asked when it has not yet). */
  planningToLeave?: boolean;
  employeeInfluence: EmployeeInfluence;
  /** Sector slug. */
  sector: string;
  /** Where the organisation is based; support is for England. */
  nation?: Nation;
  /** Years since going live, for an existing mutual. */
  yearsTrading?: number;
  /** Still on the original contract with the parent body (not yet re-tendered). */
  onOriginalContract?: boolean;
  /** Can bring cash match funding. */
  canMatchFund?: boolean;
}

/** eligible; likely (with what to confirm); or not yet (with why and what to do). */
export type EligibilityOutcome = 'eligible' | 'likely' | 'not-yet';

export interface EligibilityResult {
  outcome: EligibilityOutcome;
  reasons: string[];
  nextSteps: string[];
}
