// The programme's taxonomy (shared/DOMAIN.md). Plain data: the matching engine, the eligibility
// check, the seed and the web client all read it, so it has no framework imports.

export interface TaxonomyTerm {
  slug: string;
  name: string;
}

export const SECTORS: readonly TaxonomyTerm[] = [
  { slug: 'community-health', name: 'Community health' },
  { slug: 'adult-social-care', name: 'Adult social care' },
  { slug: 'public-health', name: 'Public health and wellbeing' },
  { slug: 'childrens-services', name: "Children's services and social work" },
  { slug: 'youth-services', name: 'Youth services' },
  { slug: 'education', name: 'Education and school support' },
  { slug: 'employment-skills', name: 'Employment and skills' },
  { slug: 'libraries', name: 'Libraries and archives' },
  { slug: 'arts-culture', name: 'Arts, culture and museums' },
  { slug: 'sport-leisure', name: 'Sport and leisure' },
  { slug: 'housing', name: 'Housing' },
  { slug: 'fire-rescue', name: 'Fire and rescue' },
  { slug: 'probation-justice', name: 'Probation and justice' },
  { slug: 'back-office', name: 'Central government and back-office services' },
];

/** Sectors close enough that experience in one is partial credit in the other (symmetric). */
export const ADJACENT_SECTORS: readonly (readonly [string, string])[] = [
  ['community-health', 'adult-social-care'],
  ['community-health', 'public-health'],
  ['adult-social-care', 'public-health'],
  ['childrens-services', 'youth-services'],
  ['childrens-services', 'education'],
  ['youth-services', 'education'],
  ['libraries', 'arts-culture'],
];

/** Journey stages, in the order a mutual goes through them. */
export const STAGES: readonly TaxonomyTerm[] = [
  { slug: 'exploring', name: 'Exploring' },
  { slug: 'options-appraisal', name: 'Options appraisal' },
  { slug: 'business-case', name: 'Business case' },
  { slug: 'mobilisation', name: 'Mobilisation' },
  { slug: 'spun-out', name: 'Spun out (go-live)' },
  { slug: 'trading', name: 'Trading (first five years)' },
  { slug: 'growing', name: 'Growing' },
];

export const SUPPORT_AREAS: readonly TaxonomyTerm[] = [
  { slug: 'options-appraisal', name: 'Options appraisal' },
  { slug: 'business-planning', name: 'Business planning' },
  { slug: 'financial-modelling', name: 'Financial modelling' },
  { slug: 'legal-governance', name: 'Legal form and governance' },
  { slug: 'employee-ownership', name: 'Employee ownership model' },
  { slug: 'hr-tupe-pensions', name: 'HR, TUPE and pensions' },
  { slug: 'change-culture', name: 'Organisational change and culture' },
  { slug: 'commissioner-negotiation', name: 'Negotiating with the commissioner or parent body' },
  { slug: 'bid-writing', name: 'Procurement and bid writing' },
  { slug: 'social-value', name: 'Social value measurement' },
  { slug: 'marketing-brand', name: 'Marketing and brand' },
  { slug: 'vcse-partnerships', name: 'Partnerships with VCSE organisations and consortia' },
  { slug: 'finance-investment', name: 'Finance and investment' },
  { slug: 'back-office-it', name: 'Back-office and IT transition' },
  { slug: 'board-leadership', name: 'Board and leadership development' },
  { slug: 'growth-diversification', name: 'Growth and diversification' },
  { slug: 'contract-retender', name: 'Contract re-tender' },
];

export interface Region extends TaxonomyTerm {
  nation: 'england' | 'scotland' | 'wales' | 'northern-ireland';
}

export const REGIONS: readonly Region[] = [
  { slug: 'north-east', name: 'North East', nation: 'england' },
  { slug: 'north-west', name: 'North West', nation: 'england' },
  { slug: 'yorkshire-humber', name: 'Yorkshire and the Humber', nation: 'england' },
  { slug: 'east-midlands', name: 'East Midlands', nation: 'england' },
  { slug: 'west-midlands', name: 'West Midlands', nation: 'england' },
  { slug: 'east-of-england', name: 'East of England', nation: 'england' },
  { slug: 'london', name: 'London', nation: 'england' },
  { slug: 'south-east', name: 'South East', nation: 'england' },
  { slug: 'south-west', name: 'South West', nation: 'england' },
  { slug: 'scotland', name: 'Scotland', nation: 'scotland' },
  { slug: 'wales', name: 'Wales', nation: 'wales' },
  { slug: 'northern-ireland', name: 'Northern Ireland', nation: 'northern-ireland' },
];

/** The kinds a member may register; delivery partners of the support programme are made by coordinators. */
export const ORGANISATION_KINDS = ['mutual', 'aspiring', 'vcse'] as const;
export const DELIVERY_PARTNER_KIND = 'delivery-partner' as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number] | typeof DELIVERY_PARTNER_KIND;

export const LEGAL_FORMS: readonly TaxonomyTerm[] = [
  { slug: 'cic', name: 'Community interest company' },
  { slug: 'co-operative', name: 'Co-operative society' },
  { slug: 'community-benefit-society', name: 'Community benefit society' },
  { slug: 'company-limited-by-guarantee', name: 'Company limited by guarantee' },
  { slug: 'company-limited-by-shares', name: 'Company limited by shares' },
  { slug: 'charity', name: 'Charity or charitable incorporated organisation' },
  { slug: 'not-yet-decided', name: 'Not yet decided' },
];

const slugs = (terms: readonly TaxonomyTerm[]) => terms.map((t) => t.slug);
export const SECTOR_SLUGS = slugs(SECTORS);
export const STAGE_SLUGS = slugs(STAGES);
export const SUPPORT_AREA_SLUGS = slugs(SUPPORT_AREAS);
export const REGION_SLUGS = slugs(REGIONS);
export const LEGAL_FORM_SLUGS = slugs(LEGAL_FORMS);

export function stageIndex(stage: string): number {
  return STAGE_SLUGS.indexOf(stage);
}

export function sectorsAdjacent(a: string, b: string): boolean {
  return ADJACENT_SECTORS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

export function nationOf(region: string): string | undefined {
  return REGIONS.find((r) => r.slug === region)?.nation;
}

export function termName(terms: readonly TaxonomyTerm[], slug: string): string {
  return terms.find((t) => t.slug === slug)?.name ?? slug;
}

/** The taxonomy as the matching engine scores with it: terms in order, neighbouring sectors, each region's nation. */
export const SCORING_TAXONOMY = {
  sectors: SECTORS,
  supportAreas: SUPPORT_AREAS,
  stages: STAGES,
  regions: REGIONS,
  sectorsAdjacent,
  nationOf,
};
