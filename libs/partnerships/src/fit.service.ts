import { Injectable } from '@nestjs/common';
import type { FitView, OrganisationSummary } from '@mutuals/contracts';
import { SCORING_TAXONOMY } from '@mutuals/profiles';
import { CapabilitiesRepository } from './capabilities.repository';
import { PartnershipFit, type FitCandidate, type FitOpportunity } from './fit/fit';
import { CAPABILITIES } from './partnerships-taxonomy';

export type FitScorer = (opportunity: FitOpportunity, candidate: FitCandidate) => FitView;

/** Fit of organisations to opportunities, with rarity counted over every published capability profile. */
@Injectable()
export class FitService {
  private readonly fit = new PartnershipFit(SCORING_TAXONOMY, CAPABILITIES);

  constructor(private readonly capabilities: CapabilitiesRepository) {}

  /** An organisation as a possible partner: its own sector and region and its capability profile's. */
  async candidateOf(organisation: OrganisationSummary): Promise<FitCandidate> {
    const profile = await this.capabilities.find(organisation.id);
    return {
      sectors: [organisation.sector, ...(profile?.sectors ?? [])],
      regions: [organisation.region, ...(profile?.regions ?? [])],
      capabilities: profile?.capabilities ?? [],
    };
  }

  /** A scorer for one request: the pool's rarity is read once. */
  async scorer(): Promise<FitScorer> {
    const rarity = this.fit.rarity(await this.capabilities.allCapabilities());
    return (opportunity, candidate) => this.fit.score(opportunity, candidate, rarity);
  }
}
