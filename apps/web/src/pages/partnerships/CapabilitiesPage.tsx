// /partnerships/organisations/:id/capabilities: what a VCSE organisation offers, where and for
// whom; its members edit it here.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CapabilityProfileRequest, CapabilityProfileView } from '@mutuals/contracts';
import { api, isApiError } from '../../api/client';
import { capabilitiesQuery, partnershipKeys, usePartnershipsTaxonomy } from '../../api/partnerships';
import { useSession } from '../../api/session';
import { termOptions, useTaxonomy } from '../../api/taxonomy';
import { Alert, Button, Card, CheckboxGroup, FormError, PageTitle, Spinner, TextArea, useForm, type FieldErrors } from '../../components';
import { DirectoryEntry } from './VcseDirectoryPage';

export function CapabilitiesPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const profile = useQuery(capabilitiesQuery(id));
  const own = me?.profile.organisation?.id === id;
  if (profile.isPending) return <Spinner />;
  const missing = isApiError(profile.error, 404);
  if (profile.error && !(missing && own)) {
    return (
      <Alert tone="danger" title="Nothing published yet">
        This organisation has not published what it offers. <Link to="/partnerships/organisations">Back to the directory</Link>
      </Alert>
    );
  }
  const name = profile.data?.organisation.name ?? me?.profile.organisation?.name ?? 'Your organisation';
  return (
    <>
      <PageTitle title={`What ${name} offers`} lead="Partners find you by what you offer, where and for whom." />
      {profile.data && (
        <ul className="resource-list" aria-label="Published profile">
          <DirectoryEntry profile={profile.data} />
        </ul>
      )}
      {(profile.data?.canEdit || own) && <CapabilitiesEditor organisationId={id} current={profile.data ?? null} />}
    </>
  );
}

function CapabilitiesEditor({ organisationId, current }: { organisationId: string; current: CapabilityProfileView | null }) {
  const client = useQueryClient();
  const { taxonomy } = useTaxonomy();
  const partnerships = usePartnershipsTaxonomy();
  const [saved, setSaved] = useState(false);
  const form = useForm<CapabilityProfileRequest>(
    {
      summary: current?.summary ?? '',
      capabilities: current?.capabilities ?? [],
      regions: current?.regions ?? [],
      sectors: current?.sectors ?? [],
      clientGroups: current?.clientGroups ?? [],
    },
    {
      validate: (v): FieldErrors => ({
        ...(v.summary.trim().length < 20 && { summary: 'Describe what you offer in at least 20 characters' }),
        ...(v.capabilities.length === 0 && { capabilities: 'Choose at least one thing you offer' }),
        ...(v.regions.length === 0 && { regions: 'Choose at least one region' }),
      }),
    },
  );
  const v = form.values;
  const submit = form.handleSubmit(async (values) => {
    const updated = await api.put<CapabilityProfileView>(`/partnerships/organisations/${organisationId}/capabilities`, values);
    client.setQueryData(partnershipKeys.capabilities(organisationId), updated);
    await client.invalidateQueries({ queryKey: partnershipKeys.all });
    setSaved(true);
  });
  const group = (
    name: 'capabilities' | 'regions' | 'sectors' | 'clientGroups',
    label: string,
    options: { value: string; label: string }[],
    optional = false,
  ) => (
    <CheckboxGroup
      name={name}
      label={label}
      options={options}
      columns
      optional={optional}
      value={v[name]}
      onChange={(value) => form.set(name, value)}
      error={form.errors[name]}
    />
  );
  return (
    <Card title="Edit what you offer" level={2}>
      {saved && <Alert tone="success">Saved: partners see it in the directory.</Alert>}
      <form onSubmit={submit} noValidate className="stack">
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
        <TextArea label="In your own words" rows={4} {...form.text('summary')} />
        {group('capabilities', 'What you offer', termOptions(partnerships?.capabilities))}
        {group('regions', 'Where you work', termOptions(taxonomy?.regions))}
        {group('sectors', 'Sectors you work in', termOptions(taxonomy?.sectors), true)}
        {group('clientGroups', 'Who you serve', termOptions(partnerships?.clientGroups), true)}
        <Button type="submit" busy={form.submitting}>
          Save
        </Button>
      </form>
    </Card>
  );
}
