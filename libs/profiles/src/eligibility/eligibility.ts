// The programme's eligibility test (shared/DOMAIN.md), as a pure function so that the public
// check, the onboarding wizard and the tests all apply the same rules.
import type { EligibilityRequest, EligibilityResult } from '@mutuals/contracts';
import { termName, SECTORS } from '../taxonomy/taxonomy';

const FIRST_YEARS = 5;

type Verdict = 'met' | 'confirm' | 'unmet';

interface Finding {
  verdict: Verdict;
  reason: string;
  nextStep?: string;
}

function location(input: EligibilityRequest): Finding {
  if (input.nation === undefined) {
    return {
      verdict: 'confirm',
      reason: 'Support is for organisations based in England.',
      nextStep: 'Confirm that your organisation is based in England.',
    };
  }
  if (input.nation !== 'england') {
    return {
      verdict: 'unmet',
      reason: 'The programme funds organisations based in England only.',
      nextStep: 'You can still join the peer network and forums; ask your devolved government about support for mutuals there.',
    };
  }
  return { verdict: 'met', reason: 'Based in England.' };
}

function publicService(input: EligibilityRequest): Finding {
  if (!input.deliversPublicService) {
    return {
      verdict: 'unmet',
      reason: 'A public service mutual delivers public services with a social purpose.',
      nextStep: 'If you deliver services under contract to a public body, describe them and ask a coordinator to review.',
    };
  }
  return { verdict: 'met', reason: `Delivers public services (${termName(SECTORS, input.sector)}).` };
}

function staffInfluence(input: EligibilityRequest): Finding {
  switch (input.employeeInfluence) {
    case 'significant':
    case 'majority':
      return { verdict: 'met', reason: 'Staff have a significant degree of influence or control.' };
    case 'some':
      return {
        verdict: 'confirm',
        reason: 'Staff have some say; the test asks for a significant degree of influence or control.',
        nextStep:
          'Show how staff will gain a significant say, for example employee shares, staff on the board or a staff council with real powers.',
      };
    case 'none':
      return {
        verdict: 'unmet',
        reason: 'Staff do not yet have influence over how the organisation is run.',
        nextStep: 'Explore employee ownership models in the forums; a mentor can help you design one.',
      };
  }
}

function journey(input: EligibilityRequest): Finding {
  if (!input.leftPublicSector) {
    if (input.planningToLeave) return { verdict: 'met', reason: 'Intends to leave the public sector: an aspiring mutual.' };
    if (input.planningToLeave === undefined) {
      return {
        verdict: 'confirm',
        reason: 'Still part of the public sector.',
        nextStep: 'Confirm that you intend to spin out of the public sector.',
      };
    }
    return {
      verdict: 'unmet',
      reason: 'The programme supports organisations that have left, or intend to leave, the public sector.',
      nextStep: 'If spinning out is an option you want to explore, start an options appraisal and say so here.',
    };
  }
  const early = input.yearsTrading !== undefined && input.yearsTrading <= FIRST_YEARS;
  if (early) return { verdict: 'met', reason: `A new mutual in its first ${FIRST_YEARS} years.` };
  if (input.onOriginalContract) return { verdict: 'met', reason: 'Still on its original contract with the parent body.' };
  if (input.yearsTrading === undefined || input.onOriginalContract === undefined) {
    return {
      verdict: 'confirm',
      reason: `Existing mutuals qualify in their first ${FIRST_YEARS} years or while still on their original contract.`,
      nextStep: 'Tell us how long you have been trading and whether your original contract has been re-tendered.',
    };
  }
  return {
    verdict: 'unmet',
    reason: `Trading for more than ${FIRST_YEARS} years and the original contract has been re-tendered.`,
    nextStep: 'Established mutuals are the programme’s best mentors: offer mentoring to a new mutual.',
  };
}

function matchFunding(input: EligibilityRequest): Finding {
  if (input.canMatchFund === undefined) {
    return {
      verdict: 'confirm',
      reason: 'Support needs cash match funding.',
      nextStep: 'Check with your board or parent body what cash match funding you can bring.',
    };
  }
  if (!input.canMatchFund) {
    return {
      verdict: 'unmet',
      reason: 'Professional advice needs cash match funding from the organisation.',
      nextStep: 'Mentoring and the peer network are free: join them while you secure match funding.',
    };
  }
  return { verdict: 'met', reason: 'Can bring cash match funding.' };
}

export function checkEligibility(input: EligibilityRequest): EligibilityResult {
  const findings = [location(input), publicService(input), staffInfluence(input), journey(input), matchFunding(input)];
  const unmet = findings.filter((f) => f.verdict === 'unmet');
  const toConfirm = findings.filter((f) => f.verdict === 'confirm');
  const outcome = unmet.length > 0 ? 'not-yet' : toConfirm.length > 0 ? 'likely' : 'eligible';
  const relevant = outcome === 'not-yet' ? unmet : outcome === 'likely' ? toConfirm : findings;
  const nextSteps = [...unmet, ...toConfirm].flatMap((f) => (f.nextStep ? [f.nextStep] : []));
  if (outcome !== 'not-yet') {
    nextSteps.push(
      'Prepare a short note on how support will help you grow or diversify.',
      'Register to find a mentor and join the peer network.',
    );
  }
  return { outcome, reasons: relevant.map((f) => f.reason), nextSteps };
}
