import { Injectable, OnModuleInit } from '@nestjs/common';
import type { CapabilityProfileRequest, CreateOpportunityRequest, OrganisationSummary } from '@mutuals/contracts';
import type { AuthUser } from '@mutuals/identity';
import { CapabilitiesService, InterestsService, OpportunitiesService } from '@mutuals/partnerships';
import { ProfilesService } from '@mutuals/profiles';
import { DEMO_MENTOR_EMAIL } from './demo-data';
import { DemoSeeder, type DemoWorld } from './demo-seeder';
import { Progress } from './progress';

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const actingAs = (id: string): AuthUser => ({ id, role: 'member', status: 'active', sessionId: 'demo-seed', via: 'bearer' });

/** What the demo's VCSE organisations offer (shared/DOMAIN.md: local reach and trust). */
const CAPABILITY_PROFILES: Omit<CapabilityProfileRequest, 'regions'>[] = [
  {
    summary:
      'Community link workers and volunteer befrienders in GP surgeries, libraries and leisure centres; we take referrals from primary care and follow people up.',
    capabilities: ['social-prescribing', 'community-outreach', 'volunteering', 'peer-support', 'mental-wellbeing'],
    sectors: ['community-health'],
    clientGroups: ['older-people', 'long-term-conditions', 'mental-health'],
  },
  {
    summary: 'A carers’ centre: advice, carers’ assessments on behalf of the council, peer groups and short breaks for unpaid carers.',
    capabilities: ['carers-support', 'advice-advocacy', 'peer-support', 'hardship-support'],
    sectors: ['adult-social-care'],
    clientGroups: ['carers', 'older-people', 'disabled-people'],
  },
  {
    summary: 'Detached and centre-based youth work, youth voice panels and mentoring for young people at risk of exclusion.',
    capabilities: ['youth-work', 'co-production', 'mental-wellbeing', 'arts-participation'],
    sectors: ['youth-services', 'education'],
    clientGroups: ['young-people', 'children-families'],
  },
  {
    summary:
      'A community anchor with three venues: digital skills drop-ins, interpreting in six languages, food bank and employment support.',
    capabilities: ['digital-inclusion', 'community-languages', 'employment-support', 'hardship-support', 'community-venues'],
    sectors: ['employment-skills'],
    clientGroups: ['minority-ethnic', 'low-income'],
  },
];

/** Opportunities mutuals post; the first is a leisure mutual bidding for social prescribing with VCSE partners. */
const OPPORTUNITIES: (Omit<CreateOpportunityRequest, 'deadline' | 'region'> & { days: number })[] = [
  {
    title: 'Social prescribing and active wellbeing service',
    commissioner: 'NHS integrated care board',
    description:
      'A three-year contract for social prescribing link workers based in leisure centres and GP practices, with physical activity on prescription. We lead the bid and seek VCSE partners with community reach and link-work experience.',
    sector: 'public-health',
    valueBand: '1m-5m',
    capabilitiesSought: ['social-prescribing', 'community-outreach', 'volunteering', 'physical-activity'],
    days: 28,
  },
  {
    title: 'Carers’ support and short breaks',
    commissioner: 'County council adult social care',
    description:
      'The council is re-tendering its carers’ support service: assessments, information and advice, peer support and short breaks. We would deliver breaks; we seek a carers’ organisation for assessments and advice.',
    sector: 'adult-social-care',
    valueBand: '500k-1m',
    capabilitiesSought: ['carers-support', 'advice-advocacy', 'peer-support'],
    days: 35,
  },
  {
    title: 'Youth mental wellbeing in secondary schools',
    commissioner: 'Borough council and the local NHS trust',
    description:
      'Early help for young people’s mental wellbeing in twelve secondary schools, designed with young people. We seek youth work and co-production partners.',
    sector: 'youth-services',
    valueBand: '100k-500k',
    capabilitiesSought: ['youth-work', 'mental-wellbeing', 'co-production'],
    days: 21,
  },
  {
    title: 'Digital inclusion hubs in libraries',
    commissioner: 'City council',
    description:
      'Library-based digital skills hubs with device lending and help in community languages; partners would run sessions and reach people who do not use libraries yet.',
    sector: 'libraries',
    valueBand: 'under-100k',
    capabilitiesSought: ['digital-inclusion', 'community-languages', 'employment-support'],
    days: 42,
  },
];

/**
 * Partnerships on top of the demo people: the VCSE organisations publish what they offer, mutuals
 * post opportunities, and one goes all the way: pitched, shortlisted, partnered and won.
 */
@Injectable()
export class PartnershipsDemoSeed implements OnModuleInit {
  constructor(
    private readonly seeder: DemoSeeder,
    private readonly profiles: ProfilesService,
    private readonly opportunities: OpportunitiesService,
    private readonly interests: InterestsService,
    private readonly capabilities: CapabilitiesService,
  ) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'Partnership opportunities and VCSE capabilities', run: (world, out) => this.run(world, out) });
  }

  private async run(world: DemoWorld, out: NodeJS.WriteStream): Promise<void> {
    const members = [...world.members.values()].filter((m) => m.organisationId !== null);
    const organisations = await this.profiles.organisationSummaries(members.map((m) => m.organisationId!));
    const memberOf = (organisation: OrganisationSummary) => members.find((m) => m.organisationId === organisation.id)!.id;
    const vcses = [...organisations.values()].filter((o) => o.kind === 'vcse');
    const mutuals = [...organisations.values()].filter((o) => o.kind === 'mutual');
    const demoMentorOrganisation = world.members.get(DEMO_MENTOR_EMAIL)?.organisationId;
    const progress = new Progress('Partnerships', vcses.length + OPPORTUNITIES.length, out);

    for (const [index, vcse] of vcses.entries()) {
      const profile = CAPABILITY_PROFILES[index % CAPABILITY_PROFILES.length]!;
      await this.capabilities.save(actingAs(memberOf(vcse)), vcse.id, { ...profile, regions: [vcse.region] });
      progress.tick();
    }
    const posted: { id: string; posterId: string }[] = [];
    for (const [index, opportunity] of OPPORTUNITIES.entries()) {
      // The demo mentor's mutual posts the first; the others come from mutuals in the opportunity's sector where there is one.
      const poster =
        (index === 0 && mutuals.find((m) => m.id === demoMentorOrganisation)) ||
        mutuals.find((m) => m.sector === opportunity.sector) ||
        mutuals[index % mutuals.length]!;
      const { days, ...fields } = opportunity;
      // The region of a VCSE partner where there is one, so that the demo's fits have local reach.
      const region = vcses[index % Math.max(1, vcses.length)]?.region ?? poster.region;
      const posterId = memberOf(poster);
      const view = await this.opportunities.post(actingAs(posterId), { ...fields, region, deadline: inDays(days), publish: true });
      posted.push({ id: view.id, posterId });
      progress.tick();
    }
    // The carers' bid went all the way, with the carers' centre as partner.
    const [, carers] = posted;
    const partner = vcses[1 % Math.max(1, vcses.length)];
    if (carers && partner) {
      const poster = actingAs(carers.posterId);
      const pitch = await this.interests.express(actingAs(memberOf(partner)), carers.id, {
        pitch:
          'We already run carers’ assessments for the council’s east locality and have a peer group in every town. We would lead on assessments and advice.',
      });
      await this.interests.shortlist(poster, carers.id, pitch.id, true);
      await this.interests.openConversation(poster, carers.id);
      await this.opportunities.move(poster, carers.id, { status: 'partnered' });
      await this.opportunities.move(poster, carers.id, { status: 'won', valueWon: 840_000 });
    }
  }
}
