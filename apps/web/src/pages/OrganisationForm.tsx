// The organisation form of POST /organisations (onboarding step 1).
import type { CreateOrganisationRequest, OrganisationKind, OrganisationView, TaxonomyView } from '@mutuals/contracts';
import type { ReactNode } from 'react';
import { api } from '../api/client';
import { termOptions } from '../api/taxonomy';
import { Button, FormError, RadioGroup, Select, TextArea, TextField, useForm, type FieldErrors } from '../components';

interface Values {
  name: string;
  kind: OrganisationKind | '';
  sector: string;
  stage: string;
  region: string;
  legalForm: string;
  staffCount: string;
  website: string;
  description: string;
}

const empty: Values = {
  name: '',
  kind: '',
  sector: '',
  stage: '',
  region: '',
  legalForm: '',
  staffCount: '',
  website: '',
  description: '',
};

export const organisationKinds: { value: OrganisationKind; label: string; hint: string }[] = [
  {
    value: 'mutual',
    label: 'A public service mutual',
    hint: 'You have spun out and deliver public services as an independent organisation.',
  },
  { value: 'aspiring', label: 'An aspiring mutual', hint: 'A public sector team exploring or preparing to spin out.' },
  { value: 'vcse', label: 'A voluntary, community or social enterprise (VCSE) organisation', hint: 'A partner working with mutuals.' },
];

/** `example.org` becomes `https://example.org`; anything that is not a web address stays as typed. */
function normaliseWebsite(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

function validate(v: Values): FieldErrors {
  const errors: FieldErrors = {};
  const name = v.name.trim();
  if (!name) errors.name = "Enter your organisation's name";
  else if (name.length < 2 || name.length > 160) errors.name = 'The name needs 2 to 160 characters';
  if (!v.kind) errors.kind = 'Choose what kind of organisation it is';
  if (!v.sector) errors.sector = 'Choose a sector';
  if (!v.stage) errors.stage = 'Choose a stage';
  if (!v.region) errors.region = 'Choose a region';
  if (v.staffCount.trim()) {
    const n = Number(v.staffCount);
    if (!Number.isInteger(n) || n < 1 || n > 100_000) errors.staffCount = 'Enter the number of staff as a whole number, like 45';
  }
  if (v.website.trim()) {
    try {
      const url = new URL(normaliseWebsite(v.website));
      if (!url.hostname.includes('.')) throw new Error('no domain');
    } catch {
      errors.website = 'Enter a web address like https://example.org';
    }
  }
  return errors;
}

function toRequest(v: Values): CreateOrganisationRequest {
  const body: CreateOrganisationRequest = {
    name: v.name.trim(),
    kind: v.kind as OrganisationKind,
    sector: v.sector,
    stage: v.stage,
    region: v.region,
  };
  if (v.legalForm) body.legalForm = v.legalForm;
  if (v.staffCount.trim()) body.staffCount = Number(v.staffCount);
  if (v.website.trim()) body.website = normaliseWebsite(v.website);
  if (v.description.trim()) body.description = v.description.trim();
  return body;
}

export interface OrganisationFormProps {
  taxonomy: TaxonomyView;
  onCreated: (organisation: OrganisationView) => void;
  /** Extra buttons beside "Save" (e.g. "Skip"). */
  secondaryActions?: ReactNode;
  /** Answers known already (from the eligibility check), so they are not asked again. */
  known?: Partial<Pick<Values, 'sector' | 'kind'>>;
}

export function OrganisationForm({ taxonomy, onCreated, secondaryActions, known }: OrganisationFormProps) {
  const form = useForm<Values>({ ...empty, ...known }, { validate });
  const { values: v, set, errors } = form;

  const submit = form.handleSubmit(async (values) => {
    onCreated(await api.post<OrganisationView>('/organisations', toRequest(values)));
  });

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormError error={form.formError} fieldErrors={errors} focusKey={form.failures} />
      <TextField label="Organisation name" autoComplete="organization" maxLength={160} {...form.text('name')} />
      <RadioGroup
        name="kind"
        label="What kind of organisation is it?"
        options={organisationKinds}
        value={v.kind}
        onChange={(value) => set('kind', value as OrganisationKind)}
        error={errors.kind}
      />
      <Select label="Sector" placeholder="Choose a sector" options={termOptions(taxonomy.sectors)} {...form.text('sector')} />
      <Select
        label="Stage"
        hint="Where the organisation is on the journey from exploring to growing."
        placeholder="Choose a stage"
        options={termOptions(taxonomy.stages)}
        {...form.text('stage')}
      />
      <Select label="Region" placeholder="Choose a region" options={termOptions(taxonomy.regions)} {...form.text('region')} />
      <Select
        label="Legal form"
        hint="Most mutuals are community interest companies."
        placeholder="Choose a legal form"
        options={termOptions(taxonomy.legalForms)}
        optional
        {...form.text('legalForm')}
      />
      <TextField label="Number of staff" inputMode="numeric" className="input-short" optional {...form.text('staffCount')} />
      <TextField
        label="Website"
        hint="For example https://example.org"
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        optional
        {...form.text('website')}
      />
      <TextArea
        label="What your organisation does"
        hint="The services you deliver, who for, and who commissions them."
        maxLength={4000}
        optional
        {...form.text('description')}
      />
      <div className="actions">
        <Button type="submit" busy={form.submitting}>
          Save and continue
        </Button>
        {secondaryActions}
      </div>
    </form>
  );
}
