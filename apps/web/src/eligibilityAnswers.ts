// The eligibility check's answers, carried in this browser to onboarding so a new member is not
// asked again what they already said (their sector, whether they have spun out).
import type { EligibilityRequest, OrganisationKind } from '@mutuals/contracts';

const KEY = 'mn.eligibility-answers';

export function rememberEligibilityAnswers(answers: EligibilityRequest): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(answers));
  } catch {
    // Storage refused (private mode, full): onboarding simply asks again.
  }
}

/** What onboarding can fill in from the check: the sector, and the kind of organisation. */
export function organisationFromEligibility(): { sector: string; kind: OrganisationKind } | null {
  try {
    const answers = JSON.parse(localStorage.getItem(KEY) ?? 'null') as EligibilityRequest | null;
    if (!answers?.sector) return null;
    return { sector: answers.sector, kind: answers.leftPublicSector ? 'mutual' : 'aspiring' };
  } catch {
    return null;
  }
}

/** The answers of the last eligibility check in this browser, to start an application from. */
export function rememberedEligibilityAnswers(): EligibilityRequest | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as EligibilityRequest | null;
  } catch {
    return null;
  }
}
