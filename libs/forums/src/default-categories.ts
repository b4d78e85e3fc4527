/**
 * The categories a fresh install starts with (no demo data): one for newcomers' questions, then
 * the topics the programme's members ask about most as they move through the journey (the
 * business case, money, people and TUPE), and one to celebrate, which the programme exists to do.
 * The demo data uses the same slugs, so loading it later adds to these rather than clashing.
 */
export const DEFAULT_CATEGORIES = [
  { slug: 'starting-out', name: 'Starting out', description: 'Thinking about spinning out? Ask the questions everyone had at the start.' },
  {
    slug: 'business-planning',
    name: 'Business planning',
    description: 'Options appraisals, business cases, financial models and the road to go-live.',
  },
  { slug: 'finance', name: 'Finance', description: 'Cash flow, pensions costs, VAT, reserves, loans and social investment.' },
  {
    slug: 'people-and-culture',
    name: 'People and culture',
    description: 'TUPE, staff engagement, employee ownership in practice, leadership and change.',
  },
  {
    slug: 'success-and-celebrations',
    name: 'Success and celebrations',
    description: 'Contracts won, milestones reached, awards: tell us and we will cheer.',
  },
] as const;
