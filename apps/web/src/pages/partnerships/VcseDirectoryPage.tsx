// /partnerships/organisations: the VCSE directory, what each organisation offers, where and for whom.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { CapabilityDirectoryQuery, CapabilityProfileView } from '@mutuals/contracts';
import { errorMessage } from '../../api/client';
import { directoryQuery, usePartnershipsTaxonomy } from '../../api/partnerships';
import { pageItems } from '../../api/queryClient';
import { useSession } from '../../api/session';
import { termName, termOptions, useTaxonomy } from '../../api/taxonomy';
import { Alert, ButtonLink, EmptyState, LoadMore, PageTitle, Select, Spinner } from '../../components';

export function VcseDirectoryPage() {
  const { me } = useSession();
  const { taxonomy } = useTaxonomy();
  const partnerships = usePartnershipsTaxonomy();
  const [filter, setFilter] = useState<CapabilityDirectoryQuery>({});
  const list = useInfiniteQuery(directoryQuery(filter));
  const items = pageItems(list.data);
  const own = me?.profile.organisation;
  return (
    <>
      <PageTitle
        title="VCSE directory"
        lead="Voluntary, community and social enterprise organisations and what they offer partners."
        actions={
          own?.kind === 'vcse' && (
            <ButtonLink to={`/partnerships/organisations/${own.id}/capabilities`}>Edit what {own.name} offers</ButtonLink>
          )
        }
      />
      <form className="resource-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Select
          label="Offers"
          name="capability"
          placeholder="Anything"
          options={termOptions(partnerships?.capabilities)}
          value={filter.capability ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, capability: e.target.value || undefined }))}
        />
        <Select
          label="Works in"
          name="region"
          placeholder="Any region"
          options={termOptions(taxonomy?.regions)}
          value={filter.region ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, region: e.target.value || undefined }))}
        />
        <Select
          label="Sector"
          name="sector"
          placeholder="Any"
          options={termOptions(taxonomy?.sectors)}
          value={filter.sector ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, sector: e.target.value || undefined }))}
        />
      </form>
      {list.isPending && <Spinner />}
      {list.error && <Alert tone="danger">{errorMessage(list.error)}</Alert>}
      {list.isSuccess && items.length === 0 && <EmptyState title="No organisation matches" />}
      <ul className="resource-list" aria-label="VCSE organisations">
        {items.map((profile) => (
          <DirectoryEntry key={profile.organisation.id} profile={profile} />
        ))}
      </ul>
      <LoadMore query={list} />
    </>
  );
}

export function DirectoryEntry({ profile }: { profile: CapabilityProfileView }) {
  const { taxonomy } = useTaxonomy();
  const partnerships = usePartnershipsTaxonomy();
  const names = (terms: { slug: string; name: string }[] | undefined, slugs: string[]) => slugs.map((s) => termName(terms, s)).join('; ');
  return (
    <li className="card resource">
      <h2 className="card-title">{profile.organisation.name}</h2>
      <p>{profile.summary}</p>
      <p>
        <strong>Offers:</strong> {names(partnerships?.capabilities, profile.capabilities)}
      </p>
      <p>
        <strong>Where:</strong> {names(taxonomy?.regions, profile.regions)}
      </p>
      {profile.clientGroups.length > 0 && (
        <p>
          <strong>For whom:</strong> {names(partnerships?.clientGroups, profile.clientGroups)}
        </p>
      )}
      {profile.canEdit && <Link to={`/partnerships/organisations/${profile.organisation.id}/capabilities`}>Edit</Link>}
    </li>
  );
}
