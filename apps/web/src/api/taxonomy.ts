// GET /taxonomy: the same for everyone and fixed while the server runs, so fetched once.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TaxonomyTerm, TaxonomyView } from '@mutuals/contracts';
import { api } from './client';

export const taxonomyQuery = queryOptions({
  queryKey: ['taxonomy'] as const,
  queryFn: ({ signal }) => api.get<TaxonomyView>('/taxonomy', { signal }),
  staleTime: Infinity,
});

export interface TaxonomyState {
  taxonomy: TaxonomyView | null;
  error: unknown;
}

export function useTaxonomy(): TaxonomyState {
  const { data, error } = useQuery(taxonomyQuery);
  return { taxonomy: data ?? null, error };
}

/** The readable name of a slug, or the slug itself when the list does not know it. */
export function termName(terms: readonly TaxonomyTerm[] | undefined, slug: string | null | undefined): string {
  if (!slug) return '';
  return terms?.find((t) => t.slug === slug)?.name ?? slug;
}

/** Taxonomy terms as the `{ value, label }` options of Select and CheckboxGroup. */
export function termOptions(terms: readonly TaxonomyTerm[] | undefined): { value: string; label: string }[] {
  return (terms ?? []).map((t) => ({ value: t.slug, label: t.name }));
}
