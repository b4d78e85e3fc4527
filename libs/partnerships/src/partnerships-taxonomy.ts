import type { TaxonomyTerm, ValueBand } from '@mutuals/contracts';

// The partnerships vocabulary (shared/DOMAIN.md, "Partnerships with VCSE organisations"): what
// partners are sought for and offer, who they serve, and the contract value bands of a tender.
// Capabilities are scored by the matching engine's coverage piece, which holds at most 20 terms.

export const CAPABILITIES: readonly TaxonomyTerm[] = [
  { slug: 'community-outreach', name: 'Community outreach and engagement' },
  { slug: 'social-prescribing', name: 'Social prescribing link work' },
  { slug: 'volunteering', name: 'Volunteer recruitment and management' },
  { slug: 'peer-support', name: 'Peer support and befriending' },
  { slug: 'advice-advocacy', name: 'Advice and advocacy' },
  { slug: 'mental-wellbeing', name: 'Mental health and wellbeing support' },
  { slug: 'physical-activity', name: 'Physical activity programmes' },
  { slug: 'youth-work', name: 'Youth work' },
  { slug: 'carers-support', name: 'Support for carers' },
  { slug: 'digital-inclusion', name: 'Digital inclusion' },
  { slug: 'employment-support', name: 'Employment and skills support' },
  { slug: 'housing-support', name: 'Housing and tenancy support' },
  { slug: 'arts-participation', name: 'Arts and cultural participation' },
  { slug: 'hardship-support', name: 'Food and financial hardship support' },
  { slug: 'community-languages', name: 'Interpreting and work with minority ethnic communities' },
  { slug: 'co-production', name: 'Lived experience and co-production' },
  { slug: 'evaluation-social-value', name: 'Evaluation and social value evidence' },
  { slug: 'community-venues', name: 'Community venues' },
];

export const CLIENT_GROUPS: readonly TaxonomyTerm[] = [
  { slug: 'older-people', name: 'Older people' },
  { slug: 'children-families', name: 'Children and families' },
  { slug: 'young-people', name: 'Young people' },
  { slug: 'disabled-people', name: 'Disabled people' },
  { slug: 'mental-health', name: 'People with mental health needs' },
  { slug: 'carers', name: 'Unpaid carers' },
  { slug: 'minority-ethnic', name: 'Minority ethnic communities' },
  { slug: 'low-income', name: 'People on low incomes' },
  { slug: 'homeless', name: 'People who are homeless' },
  { slug: 'long-term-conditions', name: 'People with long-term conditions' },
];

export const VALUE_BANDS: readonly (TaxonomyTerm & { slug: ValueBand })[] = [
  { slug: 'under-100k', name: 'Under £100k' },
  { slug: '100k-500k', name: '£100k to £500k' },
  { slug: '500k-1m', name: '£500k to £1m' },
  { slug: '1m-5m', name: '£1m to £5m' },
  { slug: 'over-5m', name: 'Over £5m' },
];

export const CAPABILITY_SLUGS = CAPABILITIES.map((t) => t.slug);
export const CLIENT_GROUP_SLUGS = CLIENT_GROUPS.map((t) => t.slug);
export const VALUE_BAND_SLUGS = VALUE_BANDS.map((t) => t.slug);
