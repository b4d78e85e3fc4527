// /partnerships/new: post an opportunity for the member's organisation, as a draft or open at once.
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import type { CreateOpportunityRequest, OpportunityView, ValueBand } from '@mutuals/contracts';
import { api } from '../../api/client';
import { partnershipKeys, usePartnershipsTaxonomy } from '../../api/partnerships';
import { termOptions, useTaxonomy } from '../../api/taxonomy';
import {
  Button,
  Card,
  Checkbox,
  CheckboxGroup,
  FormError,
  PageTitle,
  Select,
  TextArea,
  TextField,
  useForm,
  type FieldErrors,
} from '../../components';

interface Values {
  title: string;
  commissioner: string;
  description: string;
  sector: string;
  region: string;
  valueBand: string;
  capabilitiesSought: string[];
  deadline: string;
  publish: boolean;
}

export function NewOpportunityPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const { taxonomy } = useTaxonomy();
  const partnerships = usePartnershipsTaxonomy();
  const form = useForm<Values>(
    {
      title: '',
      commissioner: '',
      description: '',
      sector: '',
      region: '',
      valueBand: '',
      capabilitiesSought: [],
      deadline: '',
      publish: true,
    },
    {
      validate: (v): FieldErrors => ({
        ...(v.title.trim().length < 5 && { title: 'Name the service, at least 5 characters' }),
        ...(!v.commissioner.trim() && { commissioner: 'Say who tenders it' }),
        ...(v.description.trim().length < 20 && { description: 'Describe the service, at least 20 characters' }),
        ...(!v.sector && { sector: 'Choose a sector' }),
        ...(!v.region && { region: 'Choose a region' }),
        ...(!v.valueBand && { valueBand: 'Choose a value band' }),
        ...(v.capabilitiesSought.length === 0 && { capabilitiesSought: 'Choose what you seek partners for' }),
        ...(!v.deadline && { deadline: 'Give the bid deadline' }),
      }),
    },
  );
  const v = form.values;
  const submit = form.handleSubmit(async (values) => {
    const body: CreateOpportunityRequest = {
      ...values,
      valueBand: values.valueBand as ValueBand,
      // A date alone means the end of that day in the UK.
      deadline: new Date(`${values.deadline}T23:59:00`).toISOString(),
    };
    const created = await api.post<OpportunityView>('/partnerships/opportunities', body);
    await client.invalidateQueries({ queryKey: partnershipKeys.all });
    navigate(`/partnerships/opportunities/${created.id}`);
  });
  return (
    <>
      <PageTitle title="Post a partnership opportunity" lead="A tender or service your organisation wants to bid for with partners." />
      <Card>
        <form onSubmit={submit} noValidate className="stack">
          <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
          <TextField label="Service" hint="For example “Social prescribing service, Tameside”" {...form.text('title')} />
          <TextField
            label="Commissioner"
            hint="The council, NHS integrated care board or department that tenders it"
            {...form.text('commissioner')}
          />
          <TextArea
            label="Description"
            rows={5}
            hint="The service, the contract and what a partner would do"
            {...form.text('description')}
          />
          <Select label="Sector" placeholder="Choose…" options={termOptions(taxonomy?.sectors)} {...form.text('sector')} />
          <Select label="Region" placeholder="Choose…" options={termOptions(taxonomy?.regions)} {...form.text('region')} />
          <Select
            label="Contract value"
            placeholder="Choose…"
            options={termOptions(partnerships?.valueBands)}
            {...form.text('valueBand')}
          />
          <CheckboxGroup
            name="capabilitiesSought"
            label="Partners sought for"
            hint="Choose 1 to 8."
            options={termOptions(partnerships?.capabilities)}
            columns
            value={v.capabilitiesSought}
            onChange={(value) => form.set('capabilitiesSought', value)}
            error={form.errors.capabilitiesSought}
          />
          <TextField label="Bid deadline" type="date" {...form.text('deadline')} />
          <Checkbox
            label="Publish now (otherwise keep it as a draft)"
            name="publish"
            checked={v.publish}
            onChange={(e) => form.set('publish', e.target.checked)}
          />
          <Button type="submit" busy={form.submitting}>
            Post the opportunity
          </Button>
        </form>
      </Card>
    </>
  );
}
