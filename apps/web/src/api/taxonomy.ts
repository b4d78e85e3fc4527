// GET /taxonomy, fetched once per page load and shared by every form and label.
import { useEffect, useState } from 'react';
import type { TaxonomyTerm, TaxonomyView } from '@mutuals/contracts';
import { api } from './client';

let cached: Promise<TaxonomyView> | null = null;

export function loadTaxonomy(): Promise<TaxonomyView> {
  cached ??= api.get<TaxonomyView>('/taxonomy').catch((error: unknown) => {
    cached = null; // let the next caller try again
    throw error;
  });
  return cached;
}

export interface TaxonomyState {
  taxonomy: TaxonomyView | null;
  error: unknown;
}

export function useTaxonomy(): TaxonomyState {
  const [state, setState] = useState<TaxonomyState>({ taxonomy: null, error: null });
  useEffect(() => {
    let live = true;
    loadTaxonomy().then(
      (taxonomy) => live && setState({ taxonomy, error: null }),
      (error: unknown) => live && setState({ taxonomy: null, error }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
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
