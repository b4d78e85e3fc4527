import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SupportApplicationFields } from '@mutuals/contracts';
import { FilesService } from '@mutuals/files';
import { IdentityService, type AuthUser } from '@mutuals/identity';
import { SupportService } from '@mutuals/support';
import { DEMO_MENTEE_EMAIL, DEMO_PASSWORD } from './demo-data';
import { DemoSeeder, type DemoWorld } from './demo-seeder';
import { minimalPdf } from './minimal-pdf';

const actingAs = (id: string, role: AuthUser['role'] = 'member'): AuthUser => ({
  id,
  role,
  status: 'active',
  sessionId: 'demo-seed',
  via: 'bearer',
});

/** Fictional delivery partners shaped like the programme's (shared/DOMAIN.md): two consortia at day rates of several hundred pounds. */
const PARTNERS = [
  {
    name: 'Common Ground Advisory Consortium',
    region: 'london',
    dayRatePence: 65_000,
    description:
      'Led by a social-enterprise consultancy with two law firms: options appraisals, business planning, legal form and governance, HR, TUPE and pensions.',
    advisers: [
      { email: 'amara.osei@demo.example', displayName: 'Amara Osei', jobTitle: 'Lead consultant, Common Ground' },
      { email: 'david.fenwick@demo.example', displayName: 'David Fenwick', jobTitle: 'Partner (employment law), Common Ground' },
    ],
  },
  {
    name: 'Northern Specialist Advisers',
    region: 'north-west',
    dayRatePence: 55_000,
    description: 'A group of specialist advisers: financial modelling, bid writing, social value measurement, marketing and brand.',
    advisers: [
      { email: 'helen.marsh@demo.example', displayName: 'Helen Marsh', jobTitle: 'Financial modeller, Northern Specialist Advisers' },
    ],
  },
];

/** Every adviser account the demo makes. */
export const DEMO_ADVISERS = PARTNERS.flatMap((p) => p.advisers);

/** The demo adviser whose login the README prints. */
export const DEMO_ADVISER_EMAIL = 'amara.osei@demo.example';

type Stop = 'draft' | 'submitted' | 'more-information-requested' | 'approved' | 'declined' | 'in-delivery' | 'delivered' | 'closed';

interface DemoApplication {
  stop: Stop;
  partner?: 0 | 1;
  allocations?: { area: string; days: number }[];
  fields: SupportApplicationFields;
  loggedDays?: number;
  deliverable?: string;
}

const eligibility = (leftPublicSector: boolean, sector: string) => ({
  deliversPublicService: true,
  leftPublicSector,
  planningToLeave: !leftPublicSector,
  employeeInfluence: 'significant' as const,
  sector,
  nation: 'england' as const,
  canMatchFund: true,
  ...(leftPublicSector && { yearsTrading: 2, onOriginalContract: true }),
});

const application = (
  areas: string[],
  need: string,
  outcome: string,
  growthCase: string,
  matchFundingPence: number,
  sector: string,
): SupportApplicationFields => ({
  areas,
  need,
  outcome,
  byWhen: '2027-06-30',
  growthCase,
  matchFundingPence,
  matchFundingSource: 'Cash from reserves, agreed by the board',
  eligibility: eligibility(false, sector),
});

const APPLICATIONS: DemoApplication[] = [
  {
    stop: 'in-delivery',
    partner: 0,
    allocations: [
      { area: 'options-appraisal', days: 6 },
      { area: 'legal-governance', days: 4 },
    ],
    loggedDays: 2,
    fields: application(
      ['options-appraisal', 'legal-governance'],
      'An options appraisal comparing staying in house, a trust and an employee-led mutual, and advice on the legal form.',
      'A board-ready options appraisal and a recommended legal form by the summer.',
      'As a mutual we could bid for the integrated care board’s prevention contracts, which the council cannot.',
      800_000,
      'community-health',
    ),
  },
  {
    stop: 'draft',
    fields: {
      areas: ['business-planning'],
      need: 'A five-year business plan for the new mutual.',
      eligibility: eligibility(false, 'youth-services'),
    },
  },
  {
    stop: 'submitted',
    fields: application(
      ['hr-tupe-pensions', 'employee-ownership'],
      'Advice on TUPE transfer of 85 staff and the pension admission agreement, and on an employee ownership model.',
      'A TUPE and pensions plan agreed with the unions, and a membership model staff vote on.',
      'Staff ownership is the basis of our bid to run the neighbouring borough’s youth service too.',
      600_000,
      'youth-services',
    ),
  },
  {
    stop: 'more-information-requested',
    fields: application(
      ['financial-modelling'],
      'A financial model of the spin-out, including the first three years’ cash flow.',
      'A model the commissioner and a social lender both accept.',
      'The model must show room to take on the adult learning contract next year.',
      300_000,
      'education',
    ),
  },
  {
    stop: 'approved',
    partner: 1,
    allocations: [
      { area: 'bid-writing', days: 8 },
      { area: 'social-value', days: 3 },
    ],
    fields: application(
      ['bid-writing', 'social-value'],
      'Support to write our first competitive bid and measure our social value in the commissioner’s terms.',
      'A bid submitted for the leisure contract re-tender, with a social value offer.',
      'Winning the re-tender keeps 120 jobs and lets us add exercise-on-referral.',
      1_000_000,
      'sport-leisure',
    ),
  },
  {
    stop: 'declined',
    fields: application(
      ['marketing-brand'],
      'A new brand for the service.',
      'A logo and website.',
      'A brand helps us be noticed.',
      100_000,
      'arts-culture',
    ),
  },
  {
    stop: 'delivered',
    partner: 1,
    allocations: [{ area: 'financial-modelling', days: 5 }],
    loggedDays: 5,
    deliverable: 'Five-year financial model',
    fields: application(
      ['financial-modelling'],
      'A financial model of the mutual’s first five years, with the pension deficit treated properly.',
      'A model the board signs off before go-live.',
      'The model shows the surplus we can reinvest in two new community hubs.',
      450_000,
      'adult-social-care',
    ),
  },
  {
    stop: 'closed',
    partner: 0,
    allocations: [
      { area: 'business-planning', days: 10 },
      { area: 'board-leadership', days: 3 },
    ],
    loggedDays: 10,
    deliverable: 'Business plan 2027 to 2032',
    fields: application(
      ['business-planning', 'board-leadership'],
      'A business plan for the spin-out and development for a new board.',
      'A business case approved by the council’s cabinet and a trained board.',
      'The plan adds two services the council stopped commissioning, paid for by grants a mutual can win.',
      1_200_000,
      'libraries',
    ),
  },
  {
    stop: 'closed',
    partner: 1,
    allocations: [{ area: 'social-value', days: 4 }],
    loggedDays: 4,
    deliverable: 'Social value measurement framework',
    fields: application(
      ['social-value'],
      'A social value framework for our re-tender.',
      'Social value evidence in the commissioner’s own terms.',
      'Evidence of social value is how we win contracts outside the home borough.',
      250_000,
      'public-health',
    ),
  },
];

const RUBRIC = {
  eligibility: { score: 3, note: 'Meets the three tests; based in England.' },
  readiness: { score: 2, note: 'Board and staff engaged; timetable agreed with the parent body.' },
  growth: { score: 2, note: 'A credible case for new contracts.' },
  matchFunding: { score: 2, note: 'Cash match funding confirmed.' },
} as const;

/** Two delivery partners with advisers, applications at every state, and a fund partly committed. */
@Injectable()
export class SupportDemoSeed implements OnModuleInit {
  constructor(
    private readonly seeder: DemoSeeder,
    private readonly support: SupportService,
    private readonly identity: IdentityService,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'Support programme', run: (world, out) => this.run(world, out) });
  }

  private async run(world: DemoWorld, out: NodeJS.WriteStream): Promise<void> {
    await this.support.ensureFund();
    const coordinator = actingAs(world.coordinatorIds[0]!, 'coordinator');
    const partners: { id: string; advisers: AuthUser[] }[] = [];
    for (const partner of PARTNERS) {
      const created = await this.support.createPartner(coordinator, partner);
      const advisers: AuthUser[] = [];
      for (const adviser of partner.advisers) {
        const user = await this.identity.createUser({ ...adviser, password: DEMO_PASSWORD, role: 'member', status: 'active' });
        await this.support.addAdviser(coordinator, created.id, user.id);
        advisers.push(actingAs(user.id));
      }
      partners.push({ id: created.id, advisers });
    }

    // Applicants: the demo mentee first, then one member of each other organisation of mentees.
    const demoMentee = world.members.get(DEMO_MENTEE_EMAIL);
    const seen = new Set<string>();
    const applicants = [demoMentee, ...world.members.values()].filter((m): m is NonNullable<typeof m> => {
      if (!m?.mentee || !m.organisationId || seen.has(m.organisationId)) return false;
      seen.add(m.organisationId);
      return true;
    });
    for (const [i, demo] of APPLICATIONS.entries()) {
      const applicant = actingAs(applicants[i % applicants.length]!.id);
      await this.walk(demo, applicant, coordinator, partners);
    }
    const fund = await this.support.fund();
    out.write(
      `Seeded 2 delivery partners and ${APPLICATIONS.length} applications; £${fund.committedPence / 100} of £${fund.totalPence / 100} committed\n`,
    );
  }

  /** Takes one application through the workflow to where the demo leaves it. */
  private async walk(demo: DemoApplication, applicant: AuthUser, coordinator: AuthUser, partners: { id: string; advisers: AuthUser[] }[]) {
    const { id } = await this.support.create(applicant, demo.fields);
    if (demo.stop === 'draft') return;
    await this.support.submit(applicant, id);
    if (demo.stop === 'submitted') return;
    if (demo.stop === 'more-information-requested') {
      await this.support.requestInformation(coordinator, id, 'How much of the match funding is confirmed in cash, and by whom?');
      return;
    }
    if (demo.stop === 'declined') {
      await this.support.assess(coordinator, id, { ...RUBRIC, growth: { score: 0, note: 'No case for growth or diversification yet.' } });
      await this.support.decline(
        coordinator,
        id,
        'The application does not yet show how the support helps you grow or diversify; tell us about the contracts or services it opens, and apply again.',
      );
      return;
    }
    await this.support.assess(coordinator, id, RUBRIC);
    const partner = partners[demo.partner ?? 0]!;
    await this.support.approve(coordinator, id, {
      partnerId: partner.id,
      allocations: demo.allocations!,
      note: 'Approved at the monthly panel.',
    });
    if (demo.stop === 'approved') return;
    await this.support.assign(coordinator, id, partner.id);
    const adviser = partner.advisers[0]!;
    let left = demo.loggedDays ?? 0;
    let day = 5;
    for (const allocation of demo.allocations!) {
      let open = allocation.days;
      while (left > 0 && open > 0) {
        const days = Math.min(left, open, 2);
        await this.support.logDays(adviser, id, {
          area: allocation.area,
          date: `2026-11-${String(day).padStart(2, '0')}`,
          days,
          note: 'Workshop with the board and staff council',
        });
        open -= days;
        left -= days;
        day += 3;
      }
    }
    if (demo.deliverable) {
      const file = await this.files.upload(adviser, 'attachment', async () => ({
        filename: `${demo.deliverable}.pdf`,
        bytes: minimalPdf(demo.deliverable!),
      }));
      await this.support.addDeliverable(adviser, id, { fileId: file.id, title: demo.deliverable });
    }
    if (demo.stop === 'in-delivery') return;
    await this.support.complete(adviser, id);
    if (demo.stop === 'delivered') return;
    await this.support.confirm(applicant, id, { rating: 5, feedback: 'Practical, clear and on time: the board adopted it unchanged.' });
  }
}
