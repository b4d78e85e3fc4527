// The sector and region selects of a search form (the directory, the coordinators’ people page, the partnerships board).
import type { TaxonomyView } from '@mutuals/contracts';
import { termOptions } from '../api/taxonomy';
import { Select } from '../components';

export interface Place {
  sector: string;
  region: string;
}

export function PlaceFilters({
  taxonomy,
  value,
  onChange,
}: {
  taxonomy: TaxonomyView | null;
  value: Place;
  onChange: (next: Place) => void;
}) {
  return (
    <>
      <Select
        label="Sector"
        name="sector"
        placeholder="Any sector"
        options={termOptions(taxonomy?.sectors)}
        value={value.sector}
        onChange={(e) => onChange({ ...value, sector: e.target.value })}
      />
      <Select
        label="Region"
        name="region"
        placeholder="Any region"
        options={termOptions(taxonomy?.regions)}
        value={value.region}
        onChange={(e) => onChange({ ...value, region: e.target.value })}
      />
    </>
  );
}
