// The demo world, shaped as shared/DOMAIN.md describes: fictional organisations and people,
// health and social care heavy, more than half community interest companies, mentors from
// trading or growing mutuals, mentee teams from exploring to mobilisation.
import { REGIONS, SUPPORT_AREA_SLUGS, termName, SECTORS } from '@mutuals/profiles';
import { SeededRandom } from './random';

export const DEMO_PASSWORD = 'mutuals-demo-2026';
export const DEMO_COORDINATORS = [
  { email: 'coordinator@mutuals.example', displayName: 'Helen Achterberg', jobTitle: 'Programme coordinator' },
  { email: 'olu.coordinator@mutuals.example', displayName: 'Olu Bankole', jobTitle: 'Mentoring lead, Mutuals Support Programme' },
];
/** A mentee whose login the README prints. */
export const DEMO_MENTEE_EMAIL = 'priya.raman@demo.example';
export const DEMO_MENTOR_EMAIL = 'gareth.lloyd@demo.example';
/** Places the demo mentor offers: one taken by the seed's mentorship, one by a waiting request, one free. */
const DEMO_MENTOR_CAPACITY = 3;

export interface DemoOrganisation {
  name: string;
  kind: 'mutual' | 'aspiring' | 'vcse';
  sector: string;
  stage: string;
  region: string;
  legalForm: string;
  staffCount: number;
  website: string;
  description: string;
}

export interface DemoPerson {
  email: string;
  displayName: string;
  jobTitle: string;
  bio: string;
  organisation: number;
  region: string;
  sectors: string[];
  mentor?: { expertise: string[]; capacity: number; stageReached: string };
  mentee?: { needs: string[]; stage: string };
  status: 'active' | 'pending';
}

const PLACES = [
  'Riverside', 'Northgate', 'Kingsmead', 'Harbourside', 'Millbrook', 'Ashcombe', 'Fenwick', 'Greystone',
  'Westmoor', 'Oakhurst', 'Calder Vale', 'Severn', 'Wolds', 'Brackenfield', 'Thamesmead', 'Pennine',
  'Lowfield', 'Medway', 'Tamar', 'Hollins', 'Elmbridge', 'Castlegate', 'Saltmarsh', 'Tyneside',
];

const SECTOR_SERVICES: Record<string, string[]> = {
  'community-health': ['Community Health', 'Community Nursing', 'Health Partnership'],
  'adult-social-care': ['Care', 'Home Support', 'Independent Living', 'Shared Lives'],
  'public-health': ['Wellbeing', 'Healthy Living', 'Public Health Partnership'],
  'childrens-services': ['Children and Families', 'Family Support', 'Childrens Trust'],
  'youth-services': ['Youth Partnership', 'Young People', 'Youth Works'],
  education: ['Learning', 'School Support Services', 'Education Partnership'],
  'employment-skills': ['Skills', 'Employment Works', 'Adult Learning'],
  libraries: ['Libraries', 'Library and Archive Services'],
  'arts-culture': ['Museums', 'Arts and Heritage', 'Culture Trust'],
  'sport-leisure': ['Leisure', 'Active Communities', 'Sport and Leisure Trust'],
  housing: ['Housing Services', 'Homes'],
  'fire-rescue': ['Fire Safety Services'],
  'probation-justice': ['Rehabilitation Services', 'Justice Partnership'],
  'back-office': ['Shared Services', 'Business Services'],
};

// Weighted so that health and social care dominate, as in the real sector.
const SECTOR_WEIGHTS: [string, number][] = [
  ['adult-social-care', 8], ['community-health', 7], ['public-health', 3], ['childrens-services', 3],
  ['youth-services', 3], ['sport-leisure', 4], ['libraries', 3], ['arts-culture', 2], ['education', 2],
  ['employment-skills', 2], ['housing', 1], ['probation-justice', 1], ['back-office', 1], ['fire-rescue', 1],
];

const FIRST_NAMES = [
  'Priya', 'Gareth', 'Amara', 'Tom', 'Siobhan', 'Kwame', 'Rachel', 'Imran', 'Fiona', 'Daniel', 'Mei', 'Owen',
  'Grace', 'Hamid', 'Lucy', 'Marcus', 'Aisha', 'Joe', 'Bethan', 'Ravi', 'Claire', 'Tunde', 'Hannah', 'Sanjay',
  'Megan', 'Callum', 'Zara', 'Neil', 'Rosa', 'Declan', 'Yasmin', 'Stuart', 'Nadia', 'Ewan', 'Leah', 'Patrick',
  'Sofia', 'Adebayo', 'Catherine', 'Liam', 'Esther', 'Ibrahim', 'Joanna', 'Connor', 'Ruth', 'Vikram', 'Isla', 'Sam',
];
const LAST_NAMES = [
  'Raman', 'Lloyd', 'Okafor', 'Hughes', 'Byrne', 'Mensah', 'Goldberg', 'Qureshi', 'MacLeod', 'Fletcher', 'Chen',
  'Pritchard', 'Adeyemi', 'Karimi', 'Whitfield', 'Osei', 'Rahman', 'Turner', 'Evans', 'Patel', 'Nolan', 'Bello',
  'Sutherland', 'Mistry', 'Doyle', 'Ferguson', 'Ali', 'Harper', 'Costa', 'Gallagher', 'Hussain', 'Baxter',
];

const MENTOR_ROLES = [
  { title: 'Chief Executive', expertise: ['commissioner-negotiation', 'board-leadership', 'growth-diversification', 'employee-ownership', 'contract-retender', 'change-culture'] },
  { title: 'Finance Director', expertise: ['financial-modelling', 'finance-investment', 'business-planning', 'back-office-it', 'bid-writing'] },
  { title: 'Head of People', expertise: ['hr-tupe-pensions', 'change-culture', 'employee-ownership', 'legal-governance'] },
  { title: 'Director of Partnerships', expertise: ['vcse-partnerships', 'social-value', 'bid-writing', 'marketing-brand', 'growth-diversification'] },
];
const MENTEE_ROLES = ['Service Manager', 'Transformation Lead', 'Head of Service', 'Project Manager, Spin-out', 'Operations Manager', 'Staff Governor'];

// What a team needs most depends on where it is in the journey.
const NEEDS_BY_STAGE: Record<string, string[]> = {
  exploring: ['options-appraisal', 'employee-ownership', 'business-planning', 'commissioner-negotiation', 'change-culture'],
  'options-appraisal': ['options-appraisal', 'financial-modelling', 'legal-governance', 'employee-ownership', 'commissioner-negotiation'],
  'business-case': ['business-planning', 'financial-modelling', 'commissioner-negotiation', 'social-value', 'hr-tupe-pensions'],
  mobilisation: ['legal-governance', 'hr-tupe-pensions', 'back-office-it', 'board-leadership', 'marketing-brand', 'finance-investment'],
};

const STAGE_WEIGHTS = {
  mutual: ['spun-out', 'trading', 'trading', 'trading', 'growing', 'growing'],
  aspiring: ['exploring', 'options-appraisal', 'options-appraisal', 'business-case', 'business-case', 'mobilisation'],
};

function weightedSector(random: SeededRandom): string {
  const total = SECTOR_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [sector, weight] of SECTOR_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return sector;
  }
  return 'adult-social-care';
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function describe(org: Omit<DemoOrganisation, 'description' | 'website'>): string {
  const sectorName = termName(SECTORS, org.sector).toLowerCase();
  const region = termName(REGIONS, org.region);
  if (org.kind === 'vcse') {
    return `A voluntary and community organisation in ${region} working alongside public service mutuals in ${sectorName}, with ${org.staffCount} staff and many volunteers.`;
  }
  if (org.kind === 'aspiring') {
    return `A ${sectorName} team of ${org.staffCount} inside the council in ${region}, exploring a staff-led spin-out to keep services local and give front-line staff a real say.`;
  }
  return `An employee-owned ${sectorName} provider in ${region}, spun out of the local authority. ${org.staffCount} staff, every one a member with a vote on how the organisation is run.`;
}

export function buildDemoWorld(seed = 2026): { organisations: DemoOrganisation[]; people: DemoPerson[] } {
  const random = new SeededRandom(seed);
  const organisations: DemoOrganisation[] = [];
  const usedNames = new Set<string>();
  const kinds: DemoOrganisation['kind'][] = [...Array(20).fill('mutual'), ...Array(16).fill('aspiring'), ...Array(4).fill('vcse')];
  for (const kind of kinds) {
    const sector = weightedSector(random);
    let name = '';
    do {
      const service = random.pick(SECTOR_SERVICES[sector] ?? ['Services']);
      const place = random.pick(PLACES);
      name =
        kind === 'mutual'
          ? `${place} ${service}${random.next() < 0.6 ? ' CIC' : ' Co-operative'}`
          : kind === 'aspiring'
            ? `${place} ${service} (Council team)`
            : `${place} ${random.pick(['Community Action', 'Volunteer Centre', 'Carers Network', 'Community Trust'])}`;
    } while (usedNames.has(name));
    usedNames.add(name);
    const region = random.pick(REGIONS.filter((r) => r.nation === 'england')).slug;
    const staffCount = kind === 'mutual' ? random.pick([8, 24, 65, 140, 320, 850, 1900]) : kind === 'aspiring' ? random.int(5, 220) : random.int(3, 40);
    const legalForm =
      kind === 'mutual'
        ? name.endsWith('Co-operative') ? 'co-operative' : 'cic'
        : kind === 'aspiring'
          ? random.pick(['not-yet-decided', 'cic', 'community-benefit-society'])
          : 'charity';
    const stage = kind === 'vcse' ? 'trading' : random.pick(STAGE_WEIGHTS[kind]);
    const base = { name, kind, sector, stage, region, legalForm, staffCount };
    organisations.push({ ...base, website: `https://${slug(name.replace(/\(.*\)/, ''))}.example`, description: describe(base) });
  }

  const people: DemoPerson[] = [];
  const usedPeople = new Set<string>();
  const person = (first?: string, last?: string) => {
    let f = first ?? random.pick(FIRST_NAMES);
    let l = last ?? random.pick(LAST_NAMES);
    while (usedPeople.has(`${f} ${l}`)) {
      f = random.pick(FIRST_NAMES);
      l = random.pick(LAST_NAMES);
    }
    usedPeople.add(`${f} ${l}`);
    return { displayName: `${f} ${l}`, email: `${slug(f)}.${slug(l)}@demo.example` };
  };

  organisations.forEach((org, index) => {
    const sectorName = termName(SECTORS, org.sector).toLowerCase();
    if (org.kind === 'mutual') {
      const mentors = random.sample(MENTOR_ROLES, random.int(1, 3));
      mentors.forEach((role, i) => {
        const demoMentor = index === 0 && i === 0;
        const who = demoMentor ? person('Gareth', 'Lloyd') : person();
        const expertise = random.sample(role.expertise, random.int(3, role.expertise.length));
        const capacity = random.int(1, 3);
        people.push({
          ...who,
          jobTitle: role.title,
          bio: `${role.title} at ${org.name}. I helped take our ${sectorName} service out of the council and through its first contract; happy to share what worked and what we would do differently.`,
          organisation: index,
          region: org.region,
          sectors: [org.sector],
          // The README's demo mentor keeps a free place after the seed's mentee and waiting request, so he can accept.
          mentor: { expertise, capacity: demoMentor ? DEMO_MENTOR_CAPACITY : capacity, stageReached: org.stage },
          status: 'active',
        });
      });
    } else if (org.kind === 'aspiring') {
      const stageNeeds = NEEDS_BY_STAGE[org.stage] ?? SUPPORT_AREA_SLUGS;
      const team = random.int(2, 4);
      for (let i = 0; i < team; i++) {
        const who = index === 20 && i === 0 ? person('Priya', 'Raman') : person();
        const role = random.pick(MENTEE_ROLES);
        const seeks = i === 0 || random.next() < 0.5;
        people.push({
          ...who,
          jobTitle: role,
          bio: `${role} in the ${sectorName} team of ${org.name.replace(' (Council team)', '')}. We are at the ${org.stage.replace('-', ' ')} stage and want to learn from mutuals who have done it.`,
          organisation: index,
          region: org.region,
          sectors: [org.sector],
          mentee: seeks ? { needs: random.sample(stageNeeds, random.int(2, Math.min(5, stageNeeds.length))), stage: org.stage } : undefined,
          // A few newcomers wait for a coordinator, so the approvals queue has work in it.
          status: i === team - 1 && random.next() < 0.3 ? 'pending' : 'active',
        });
      }
    } else {
      const who = person();
      people.push({
        ...who,
        jobTitle: 'Partnerships Manager',
        bio: `I build consortia between voluntary groups and public service mutuals in ${termName(REGIONS, org.region)}.`,
        organisation: index,
        region: org.region,
        sectors: [org.sector],
        status: 'active',
      });
    }
  });
  // Fill to about 120 members with colleagues who read and post but neither mentor nor seek yet.
  while (people.length < 118) {
    const index = random.int(0, organisations.length - 1);
    const org = organisations[index]!;
    const who = person();
    people.push({
      ...who,
      jobTitle: random.pick(['Team Leader', 'Practice Lead', 'Staff Council member', 'Business Support Officer', 'Operations Lead']),
      bio: `Part of ${org.name}. Interested in how other mutuals involve staff in decisions.`,
      organisation: index,
      region: org.region,
      sectors: [org.sector],
      status: 'active',
    });
  }
  return { organisations, people };
}
