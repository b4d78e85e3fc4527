// The dashboard's and reports' filters: period, sector, region and cohort (month of joining).
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ProgrammeMetricsQuery } from '@mutuals/contracts';
import { termOptions, useTaxonomy } from '../../api/taxonomy';
import { Button, Select, TextField } from '../../components';
import { filtersToParams, readProgrammeFilters } from './programmeFilters';

export function useProgrammeFilters(): ProgrammeMetricsQuery {
  const [params] = useSearchParams();
  return readProgrammeFilters(params);
}

export function ProgrammeFilterForm() {
  const { taxonomy } = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const appliedKey = params.toString();
  const [draft, setDraft] = useState<ProgrammeMetricsQuery>(() => readProgrammeFilters(params));

  // The back button or a shared link changes the applied filters: show them in the form.
  useEffect(() => setDraft(readProgrammeFilters(new URLSearchParams(appliedKey))), [appliedKey]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(filtersToParams(draft));
  };
  const field = (name: keyof ProgrammeMetricsQuery) => ({
    name,
    value: draft[name] ?? '',
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value || undefined }),
  });

  return (
    <form className="filters programme-filters no-print" role="search" aria-label="Filter the figures" onSubmit={apply}>
      <TextField label="From" hint="First day of the period" type="date" {...field('from')} />
      <TextField label="To" hint="Last day, included" type="date" {...field('to')} />
      <Select label="Sector" placeholder="Any sector" options={termOptions(taxonomy?.sectors)} {...field('sector')} />
      <Select label="Region" placeholder="Any region" options={termOptions(taxonomy?.regions)} {...field('region')} />
      <TextField label="Cohort" hint="Month of joining" type="month" {...field('cohort')} />
      <div className="filters-actions">
        <Button type="submit">Apply filters</Button>
        {appliedKey !== '' && (
          <Button variant="ghost" onClick={() => setParams(new URLSearchParams())}>
            Clear filters
          </Button>
        )}
      </div>
    </form>
  );
}
