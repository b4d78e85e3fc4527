import { Injectable, OnModuleInit } from '@nestjs/common';
import sharp from 'sharp';
import type { CreateStoryRequest } from '@mutuals/contracts';
import { FilesService } from '@mutuals/files';
import type { AuthUser } from '@mutuals/identity';
import { StoriesService } from '@mutuals/stories';
import { DEMO_MENTOR_EMAIL } from './demo-data';
import { DemoSeeder, type DemoWorld } from './demo-seeder';

const actingAs = (id: string, role: AuthUser['role'] = 'member'): AuthUser => ({
  id,
  role,
  status: 'active',
  sessionId: 'demo-seed',
  via: 'bearer',
});

interface DemoStory extends Omit<CreateStoryRequest, 'memberCredits' | 'coverFileId'> {
  /** A colleague credited by role (consent given in the demo unless the story is left awaiting review). */
  creditRole: string;
  cover: { colours: [string, string]; alt: string };
  featured?: boolean;
  /** Left submitted, for the coordinator's review queue. */
  awaitingReview?: boolean;
}

// Fictional organisations; the outcomes are the kinds DOMAIN.md says stories tell, with numbers.
const STORIES: DemoStory[] = [
  {
    title: 'Riverside Community Care: 312 staff, now the owners',
    summary:
      'How a council home-care and reablement service became an employee-owned community interest company, kept its contract and grew.',
    sector: 'adult-social-care',
    region: 'north-west',
    stage: 'trading',
    body: '## The service\n\nRiverside provides home care and reablement to about 2,400 older and disabled people a year across two boroughs.\n\n## The spin-out\n\nWe left the council in April 2021 as a **community interest company**, on a five-year contract with the council as commissioner. Every member of staff was offered a £1 share; 312 of 340 took it up in the first year.\n\n## What changed\n\n- Care workers elect three of the nine board members.\n- Rotas are set by the teams, not a central office: missed visits fell by two thirds.\n- The surplus is reinvested: this year in paid travel time and electric pool cars.\n\n> "For the first time, the people who do the visits decide how the visits are done." (a senior carer)',
    outcomes: [
      { label: 'Staff who became members', value: '312' },
      { label: 'Staff engagement score', value: '81%' },
      { label: 'People served each year', value: '2,400' },
      { label: 'Surplus reinvested', value: '£410,000' },
    ],
    organisationCredits: [{ name: 'Metropolitan Borough Council', role: 'Commissioner and parent body' }],
    creditRole: 'Finance director',
    cover: { colours: ['#1d6f5f', '#f4d58d'], alt: 'An illustration of two care workers walking up a garden path' },
    featured: true,
  },
  {
    title: 'Northfield Leisure Trust wins the neighbouring borough',
    summary:
      'Five years after spinning out of the council, a leisure mutual won its first contract outside its home town by bidding with a local health charity.',
    sector: 'sport-leisure',
    region: 'east-midlands',
    stage: 'growing',
    body: "## From one contract to two\n\nNorthfield ran the council's six leisure centres and two pools. When the neighbouring borough tendered its leisure and exercise-on-referral services, we bid as lead provider with a local heart-health charity as subcontractor.\n\n## What made the difference\n\n1. Evidence from five years of outcomes: attendance, referrals completed, satisfaction.\n2. A social value offer scored in the commissioner's own terms: local jobs, apprenticeships, free swimming for carers.\n3. Our staff: the bid team included a lifeguard and a receptionist who told the panel how the mutual is run.\n\nThe new contract added 140 staff, who transferred under TUPE and joined as members.",
    outcomes: [
      { label: 'Contracts won', value: '1 (10 years)' },
      { label: 'Staff who joined', value: '140' },
      { label: 'Income growth', value: '+38%' },
      { label: 'Visits a year', value: '1.9 million' },
    ],
    organisationCredits: [{ name: 'Heartbeat Health Charity', role: 'VCSE partner' }],
    creditRole: 'Bid lead',
    cover: { colours: ['#2f5d9e', '#9fd3e6'], alt: 'An illustration of a swimming pool with lane ropes' },
    featured: true,
  },
  {
    title: 'Westbrook Libraries: opening hours up, costs down',
    summary:
      'A library service spun out as a community benefit society, brought volunteers and staff onto one board, and opened two branches for longer.',
    sector: 'libraries',
    region: 'south-west',
    stage: 'spun-out',
    body: '## Why we spun out\n\nFacing closures, staff proposed running the service themselves. The options appraisal compared staying in house, transfer to a trust and a mutual; the mutual scored highest on staff engagement and deliverability.\n\n## Go-live\n\nWe went live in January as a **community benefit society** with staff, volunteers and readers as members. The back-office move (library system, payroll, finance) took nine months of planning and one long weekend.\n\n## First results\n\nTwo branches now open on Saturday afternoons and one evening a week, paid for by room hire and a café run with a local social enterprise.',
    outcomes: [
      { label: 'Extra opening hours a week', value: '26' },
      { label: 'Members of the society', value: '1,150' },
      { label: 'Running costs', value: '−9%' },
    ],
    organisationCredits: [{ name: 'Westbrook Café Co-operative', role: 'Social enterprise partner' }],
    creditRole: 'Chair of the board',
    cover: { colours: ['#8a3b8f', '#f1c9a5'], alt: 'An illustration of bookshelves and a reading lamp' },
  },
  {
    title: 'Brightpath Youth: from council team to a mutual in eighteen months',
    summary: 'A youth service mentored through the network reached go-live with its contract, its pensions and its staff intact.',
    sector: 'youth-services',
    region: 'yorkshire-humber',
    stage: 'spun-out',
    body: "## The mentoring\n\nWe were paired with the chief executive of a children's services mutual that spun out four years earlier. Six sessions covered the business case, TUPE and pensions, and how to negotiate the contract.\n\n## The hard parts\n\n- **Pensions:** an admission agreement to the local government scheme, with a bond we had not budgeted for.\n- **The contract:** five years with a break at three, and an uplift tied to inflation.\n\n## Now\n\nThirty-two youth workers run eight clubs and a detached team, with a youth board that advises the directors.",
    outcomes: [
      { label: 'Young people reached a year', value: '3,600' },
      { label: 'Staff transferred under TUPE', value: '32' },
      { label: 'Months from business case to go-live', value: '18' },
    ],
    organisationCredits: [{ name: "City Council Children's Services", role: 'Parent body' }],
    creditRole: 'Mentor',
    cover: { colours: ['#b5532a', '#f4d58d'], alt: 'An illustration of a youth club with a basketball hoop' },
  },
  {
    title: 'Harbourside Health: adding community services after a re-tender',
    summary:
      'A community health mutual kept its main contract at re-tender and added podiatry and a falls service, reinvesting the surplus in staff training.',
    sector: 'community-health',
    region: 'south-east',
    stage: 'growing',
    body: '## The re-tender\n\nOur original NHS contract ended after seven years. We started preparing a year ahead: outcomes evidence, patient stories, and partners for the services we did not yet run.\n\n## What we added\n\nPodiatry and a falls-prevention service, delivered with a local Age charity as partner.\n\n## Staff voice\n\nAn elected staff council meets the board every quarter; its first proposal, protected training time, is now in every job plan.',
    outcomes: [
      { label: 'Contract kept', value: '7 years' },
      { label: 'Services added', value: '2' },
      { label: 'Patient satisfaction', value: '94%' },
      { label: 'Training days funded', value: '1,800' },
    ],
    organisationCredits: [{ name: 'Age Well Coastal', role: 'VCSE partner' }],
    creditRole: 'HR lead',
    cover: { colours: ['#3d6b7a', '#c9e4de'], alt: 'An illustration of a community clinic by the sea' },
  },
  {
    title: 'Eastgate Employment Support: our first year as a mutual',
    summary: 'An employment and skills service tells what changed for staff and jobseekers in the year after go-live.',
    sector: 'employment-skills',
    region: 'east-of-england',
    stage: 'trading',
    body: "## One year in\n\nWe spun out as a company limited by guarantee with an employee trust owning it on the staff's behalf.\n\n## For jobseekers\n\nAdvisers now set their own caseload limits; job starts rose and people stayed in work longer.\n\n## For staff\n\nSickness absence halved. Staff voted to spend the first surplus on a hardship fund for the people we support.",
    outcomes: [
      { label: 'Job starts', value: '640' },
      { label: 'Still in work after six months', value: '71%' },
      { label: 'Sickness absence', value: '−50%' },
    ],
    organisationCredits: [],
    creditRole: 'Operations manager',
    cover: { colours: ['#6b7f1f', '#e7e3c1'], alt: 'An illustration of a signpost reading "work" and "training"' },
    awaitingReview: true,
  },
];

/** A simple illustrated cover drawn at seed time: no downloads. */
function coverImage(colours: [string, string]): Promise<Buffer> {
  const [dark, light] = colours;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
    <rect width="1200" height="630" fill="${light}"/>
    <circle cx="950" cy="170" r="110" fill="${dark}" opacity="0.35"/>
    <path d="M0 470 Q300 360 600 450 T1200 420 V630 H0 Z" fill="${dark}"/>
    <path d="M0 540 Q320 470 640 530 T1200 510 V630 H0 Z" fill="${dark}" opacity="0.7"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A handful of published success stories (two featured) and one awaiting review. */
@Injectable()
export class StoriesDemoSeed implements OnModuleInit {
  constructor(
    private readonly seeder: DemoSeeder,
    private readonly stories: StoriesService,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'Success stories', run: (world, out) => this.run(world, out) });
  }

  private async run(world: DemoWorld, out: NodeJS.WriteStream): Promise<void> {
    const coordinator = actingAs(world.coordinatorIds[0]!, 'coordinator');
    const demoMentor = world.members.get(DEMO_MENTOR_EMAIL)?.id;
    // Authors from established mutuals (mentors); the demo mentor writes the one awaiting review.
    const mentors = [...world.members.values()].filter((m) => m.mentor && m.id !== demoMentor);
    const others = [...world.members.values()].filter((m) => !m.mentor);
    for (const [i, story] of STORIES.entries()) {
      const authorId = story.awaitingReview && demoMentor ? demoMentor : mentors[i % mentors.length]!.id;
      const author = actingAs(authorId);
      const credited = others[(i * 7) % others.length]!.id;
      const { creditRole, cover, featured, awaitingReview, ...input } = story;
      const image = await this.files.upload(author, 'cover', async () => ({
        filename: 'cover.png',
        bytes: await coverImage(cover.colours),
      }));
      const draft = await this.stories.create(author, {
        ...input,
        memberCredits: [{ userId: credited, role: creditRole }],
        coverFileId: image.id,
        coverAlt: cover.alt,
      });
      await this.stories.submit(author, draft.id);
      await this.stories.consent(actingAs(credited), draft.id, 'given');
      if (awaitingReview) continue;
      await this.stories.publish(coordinator, draft.id);
      if (featured) await this.stories.feature(coordinator, draft.id, true);
    }
    out.write(`Seeded ${STORIES.filter((s) => !s.awaitingReview).length} published stories and 1 awaiting review\n`);
  }
}
