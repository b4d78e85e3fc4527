import type { OpportunityStatus } from '@mutuals/contracts';

// Who may move an opportunity where: only members of the poster's organisation, and only along
// these arrows. `closed` is also reached by itself when the deadline passes (PartnershipsSweep).

/** The states each target may be reached from. */
export const TRANSITIONS: Readonly<Record<Exclude<OpportunityStatus, 'draft'>, readonly OpportunityStatus[]>> = {
  open: ['draft'],
  closed: ['open'],
  partnered: ['open', 'closed'],
  won: ['partnered'],
  lost: ['partnered'],
  withdrawn: ['draft', 'open', 'closed', 'partnered'],
};

/** No way out of these. */
export const FINAL_STATES: readonly OpportunityStatus[] = ['won', 'lost', 'withdrawn'];
