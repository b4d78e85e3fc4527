import { Injectable, OnModuleInit } from '@nestjs/common';
import sharp from 'sharp';
import { FilesService, ResourcesService } from '@mutuals/files';
import type { AuthUser } from '@mutuals/identity';
import { DemoSeeder, type DemoWorld } from './demo-seeder';
import { Progress } from './progress';
import { SeededRandom } from './random';

const actingAs = (id: string, role: AuthUser['role'] = 'member'): AuthUser => ({ id, role, status: 'active', sessionId: 'demo-seed', via: 'bearer' });

const PALETTE = ['#1d6f5f', '#8a3b8f', '#b5532a', '#2f5d9e', '#6b7f1f', '#9e2f4f', '#3d6b7a', '#7a5c2e'];
const SKIN = ['#f1c9a5', '#e0ac84', '#c68863', '#8d5a3b', '#5c3a24'];
const HAIR = ['#2b1b12', '#5a3a1e', '#a0672c', '#d9b36c', '#8c8c8c', '#1a1a1a'];

/** A simple illustrated portrait, drawn at seed time: no downloads, no real faces. */
function portrait(random: SeededRandom): Buffer {
  const pick = <T>(list: T[]) => list[Math.floor(random.next() * list.length)]!;
  const [background, skin, hair, top] = [pick(PALETTE), pick(SKIN), pick(HAIR), pick(PALETTE)];
  const long = random.next() < 0.5;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
    <rect width="400" height="400" fill="${background}"/>
    <ellipse cx="200" cy="420" rx="150" ry="120" fill="${top}" stroke="#00000022" stroke-width="6"/>
    ${long ? `<rect x="110" y="120" width="180" height="200" rx="80" fill="${hair}"/>` : ''}
    <rect x="175" y="250" width="50" height="60" fill="${skin}"/>
    <ellipse cx="200" cy="190" rx="78" ry="92" fill="${skin}"/>
    <path d="M122 180 Q125 92 200 90 Q275 92 278 180 Q250 130 200 128 Q150 130 122 180 Z" fill="${hair}"/>
    <circle cx="172" cy="195" r="7" fill="#2b2b2b"/><circle cx="228" cy="195" r="7" fill="#2b2b2b"/>
    <path d="M175 238 Q200 256 225 238" stroke="#7a3b2e" stroke-width="6" fill="none" stroke-linecap="round"/>
  </svg>`);
}

interface DemoResource {
  title: string;
  summary: string;
  supportArea: string;
  stage: string;
  filename: string;
  body: string;
}

const RESOURCES: DemoResource[] = [
  {
    title: 'Options appraisal template',
    summary: 'Compare staying in house, spinning out as a mutual, transfer to another provider and a joint venture against the same criteria, with a scoring sheet the council can follow.',
    supportArea: 'options-appraisal',
    stage: 'options-appraisal',
    filename: 'options-appraisal-template.md',
    body: '# Options appraisal\n\n## 1. The service today\nScope, staff (FTE and headcount), budget, contracts, outcomes.\n\n## 2. Options\n| option | description |\n|---|---|\n| A | Stay in house (do nothing) |\n| B | Public service mutual (CIC or community benefit society) |\n| C | Transfer to an existing provider |\n| D | Joint venture with the council |\n\n## 3. Criteria and weights\nQuality and outcomes (30), financial sustainability (25), staff engagement (15), deliverability and risk (20), social value (10).\n\n## 4. Scores and reasons\nScore each option 1 to 5 per criterion; write the evidence beside each score.\n\n## 5. Recommendation and next steps\n',
  },
  {
    title: 'Business case outline for a spin-out',
    summary: 'The sections a parent body expects in a business case: strategic fit, the economic case, the commercial and financial cases, and how the mutual will be managed to go-live.',
    supportArea: 'business-planning',
    stage: 'business-case',
    filename: 'business-case-outline.md',
    body: '# Business case outline (five-case model)\n\n1. **Strategic case**: why change, what the mutual will do better, fit with the council plan.\n2. **Economic case**: the options appraised and value for money.\n3. **Commercial case**: the contract (length, value, uplift, break clauses), procurement route.\n4. **Financial case**: five-year model, pension costs, support services, reserves.\n5. **Management case**: governance, mobilisation plan, risks and who owns them.\n\nAnnexes: staff engagement results, legal form advice, letters of support.\n',
  },
  {
    title: 'TUPE and pensions checklist',
    summary: 'Every step of transferring staff: measures letters, consultation timetable, employee liability information, pension admission agreements and the bond.',
    supportArea: 'hr-tupe-pensions',
    stage: 'mobilisation',
    filename: 'tupe-pensions-checklist.md',
    body: '# TUPE and pensions checklist\n\n- [ ] Confirm who transfers (organised grouping, assignment test)\n- [ ] Employee liability information at least 28 days before transfer\n- [ ] Measures letter from the new employer\n- [ ] Collective consultation with unions: timetable agreed\n- [ ] Individual meetings offered to every member of staff\n- [ ] LGPS: admitted body status applied for; actuarial valuation requested\n- [ ] Admission agreement drafted; pass-through or pooled risk agreed\n- [ ] Bond or guarantee in place\n- [ ] Payroll, HR records and occupational health contracts moved\n',
  },
  {
    title: 'Five-year financial model (CSV starter)',
    summary: 'A starter model with the lines most new mutuals underestimate: pension contributions, support services after the SLA ends, insurance, and the gap between pay awards and contract uplift.',
    supportArea: 'financial-modelling',
    stage: 'business-case',
    filename: 'financial-model-starter.csv',
    body: 'line,year 1,year 2,year 3,year 4,year 5\ncontract income,4200000,4242000,4284420,4327264,4370537\nother income,150000,220000,300000,380000,450000\nstaff costs,-3150000,-3307500,-3472875,-3646519,-3828845\nemployer pension,-520000,-546000,-573300,-601965,-632063\nsupport services,-310000,-325000,-330000,-335000,-340000\ninsurance,-45000,-47000,-49000,-51000,-53000\nIT,-120000,-90000,-92000,-94000,-96000\nsurplus,,,,,\n',
  },
  {
    title: 'Choosing a legal form: CIC, co-operative or community benefit society',
    summary: 'A side-by-side guide to the legal forms mutuals use, with what each means for the asset lock, staff membership, raising investment and the regulator.',
    supportArea: 'legal-governance',
    stage: 'mobilisation',
    filename: 'legal-forms-guide.md',
    body: '# Choosing a legal form\n\n| | CIC (guarantee) | CIC (shares) | Community benefit society | Co-operative society |\n|---|---|---|---|---|\n| asset lock | yes | yes | optional (statutory lock) | no |\n| staff as members | by articles | shareholders | members, one vote each | members |\n| raising investment | loans, grants | shares (capped dividend) | community shares | withdrawable shares |\n| regulator | CIC Regulator | CIC Regulator | FCA | FCA |\n\nMost mutuals in the programme chose a CIC limited by guarantee with a staff membership and a staff council.\n',
  },
  {
    title: 'Staff engagement survey questions',
    summary: 'Twenty questions used before and after spin-out to show the change in staff voice, used by three trading mutuals in their success stories.',
    supportArea: 'employee-ownership',
    stage: 'exploring',
    filename: 'staff-engagement-survey.md',
    body: '# Staff engagement survey\n\nAnswer each from 1 (strongly disagree) to 5 (strongly agree).\n\n1. I understand why we are considering becoming a mutual.\n2. I can influence decisions that affect my work.\n3. I know how to raise an idea and what happens to it.\n4. I trust the leadership team to act on what staff say.\n5. I would recommend this organisation as a place to work.\n...\n20. I feel I have a stake in how the organisation does.\n',
  },
  {
    title: 'Negotiating the contract with the parent body: heads of terms',
    summary: 'The heads of terms to agree before the contract is drafted: length, value and uplift, break clauses, TUPE indemnities, the support services SLA and the property.',
    supportArea: 'commissioner-negotiation',
    stage: 'business-case',
    filename: 'heads-of-terms.md',
    body: '# Heads of terms with the commissioner\n\n- Term: 5 years + 2, start date\n- Value and annual uplift (index-linked, not fixed)\n- Payment terms: monthly in advance for the first year (cash flow)\n- Break clauses and notice\n- Pension risk: pass-through or pooled\n- TUPE indemnities both ways\n- Support services SLA: scope, price, exit\n- Property: lease or licence, repairs\n- Data sharing agreement\n',
  },
  {
    title: 'Social value measurement framework',
    summary: 'A light framework to count the social value a mutual adds (local jobs, volunteering, apprenticeships, reinvested surplus) in the terms commissioners score in bids.',
    supportArea: 'social-value',
    stage: 'trading',
    filename: 'social-value-framework.md',
    body: '# Social value framework\n\n| theme | measure | source |\n|---|---|---|\n| jobs | local staff (%), apprenticeships started | HR |\n| skills | training hours per FTE | learning log |\n| community | volunteer hours, groups supported | activity log |\n| environment | miles saved, energy | estates |\n| reinvestment | surplus reinvested (£) | accounts |\n\nReport yearly; quote the figures in bids and in your success story.\n',
  },
  {
    title: 'Bid writing checklist for a re-tender',
    summary: 'What to prepare a year before your first contract is re-tendered: evidence of outcomes, case studies, partners, pricing and the social value offer.',
    supportArea: 'contract-retender',
    stage: 'growing',
    filename: 'retender-bid-checklist.md',
    body: '# Re-tender checklist\n\n12 months before: outcomes evidence, user feedback, case studies.\n9 months: partners for gaps (VCSE consortium?), pricing model tested.\n6 months: market engagement with the commissioner, clarify lots.\n3 months: writing team, bid library, social value offer with numbers.\nSubmission: compliance check, pricing sign-off by the board.\n',
  },
  {
    title: 'Consortium agreement with VCSE partners: what to cover',
    summary: 'The points a lead provider and its voluntary sector subcontractors should settle before bidding together: roles, money flows, risk, data and leaving.',
    supportArea: 'vcse-partnerships',
    stage: 'growing',
    filename: 'consortium-agreement-points.md',
    body: '# Consortium agreement: points to agree\n\n- Who leads and who signs the contract\n- Each partner\'s services, volumes and outcomes\n- Payment: when the lead pays partners, management fee (%)\n- Risk sharing and performance failure\n- Data protection roles (controller, processor)\n- Safeguarding and complaints\n- Joining and leaving; what happens on re-tender\n',
  },
  {
    title: 'Board skills matrix',
    summary: 'A matrix for a new mutual\'s board: the skills to cover (finance, legal, clinical or service, commissioning, staff voice) and how to recruit for the gaps.',
    supportArea: 'board-leadership',
    stage: 'spun-out',
    filename: 'board-skills-matrix.csv',
    body: 'skill,needed,held by,gap\nfinance and audit,2,,\nlegal and governance,1,,\nservice expertise,2,,\ncommissioning and procurement,1,,\nstaff voice (elected),2,,\ncommunity and service users,1,,\ndigital,1,,\n',
  },
  {
    title: 'Back-office transition plan: IT, payroll and finance systems',
    summary: 'A plan for moving off the council\'s systems: what to buy or share, data migration, the cut-over weekend and the costs most teams missed.',
    supportArea: 'back-office-it',
    stage: 'mobilisation',
    filename: 'back-office-transition.md',
    body: '# Back-office transition\n\n1. Inventory: every system, licence and dataset the service uses.\n2. Decide per system: buy, share with another mutual, or buy back from the council.\n3. Data migration plan and data protection impact assessment.\n4. Cut-over weekend: payroll run tested in parallel for one month.\n5. Costs often missed: licences per user, cyber insurance, device refresh, helpdesk.\n',
  },
];

/** Avatars for a share of the demo members and the resource library's first dozen guides. */
@Injectable()
export class FilesDemoSeed implements OnModuleInit {
  constructor(
    private readonly seeder: DemoSeeder,
    private readonly files: FilesService,
    private readonly resources: ResourcesService,
  ) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'Avatars and resources', run: (world, out) => this.run(world, out) });
  }

  private async run(world: DemoWorld, out: NodeJS.WriteStream): Promise<void> {
    const random = new SeededRandom(12);
    const members = [...world.members.values()].filter((_, i) => i % 3 !== 2);
    const progress = new Progress('Avatars', members.length, out);
    for (const member of members) {
      const user = actingAs(member.id);
      const drawn = await sharp(portrait(random)).png().toBuffer();
      const file = await this.files.upload(user, 'avatar', async () => ({ filename: 'portrait.png', bytes: drawn }));
      await this.files.setAvatar(user, file.id);
      progress.tick();
    }
    const authors = [...world.coordinatorIds.map((id) => actingAs(id, 'coordinator')), ...[...world.members.values()].filter((m) => m.mentor).slice(0, 4).map((m) => actingAs(m.id))];
    const now = Date.now();
    for (const [i, resource] of RESOURCES.entries()) {
      const author = authors[i % authors.length]!;
      const file = await this.files.upload(author, 'resource', async () => ({ filename: resource.filename, bytes: Buffer.from(resource.body) }));
      await this.resources.publish(author, { ...resource, fileId: file.id }, new Date(now - (RESOURCES.length - i) * 3 * 86_400_000));
    }
    out.write(`Seeded ${members.length} avatars and ${RESOURCES.length} resources\n`);
  }
}
