// GET /api/v1/taxonomy: the programme's vocabulary (shared/DOMAIN.md). Slugs are what the API
// stores and accepts; names are for people.

export interface TaxonomyTerm {
  slug: string;
  name: string;
}

export type Nation = 'england' | 'scotland' | 'wales' | 'northern-ireland';

export interface RegionTerm extends TaxonomyTerm {
  nation: Nation;
}

export interface TaxonomyView {
  sectors: TaxonomyTerm[];
  /** Journey stages, in the order a mutual goes through them. */
  stages: TaxonomyTerm[];
  /** What mentees need and mentors offer. */
  supportAreas: TaxonomyTerm[];
  regions: RegionTerm[];
  legalForms: TaxonomyTerm[];
}
