// /partnerships: the board. Open opportunities, those that fit the member's organisation first,
// each card with its fit reasons; filters by sector, region and deadline; the organisation's own.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { OpportunityListQuery, OpportunityView } from '@mutuals/contracts';
import { errorMessage } from '../../api/client';
import { opportunitiesQuery } from '../../api/partnerships';
import { pageItems } from '../../api/queryClient';
import { useTaxonomy } from '../../api/taxonomy';
import { Alert, ButtonLink, EmptyState, LoadMore, PageTitle, Spinner, Tabs, TextField } from '../../components';
import { PlaceFilters } from '../PlaceFilters';
import { CapabilityList, FitReasons, OpportunityFacts, StatusBadge } from './partnershipsShared';

type Scope = 'board' | 'mine';

export function PartnershipsBoardPage() {
  const { taxonomy } = useTaxonomy();
  const [scope, setScope] = useState<Scope>('board');
  const [filter, setFilter] = useState<OpportunityListQuery>({});
  const list = useInfiniteQuery(opportunitiesQuery(scope === 'board' ? filter : { scope: 'mine' }));
  const items = pageItems(list.data);

  return (
    <>
      <PageTitle
        title="Partnerships"
        lead="Tenders and services mutuals want to bid for with voluntary, community and social enterprise partners. Those that fit your organisation come first."
        actions={
          <>
            <ButtonLink to="/partnerships/new">Post an opportunity</ButtonLink>{' '}
            <ButtonLink to="/partnerships/organisations" variant="secondary">
              VCSE directory
            </ButtonLink>
          </>
        }
      />
      <Tabs
        label="Opportunities"
        idPrefix="partnerships"
        tabs={[
          { id: 'board', label: 'Open opportunities' },
          { id: 'mine', label: 'Posted by your organisation' },
        ]}
        selected={scope}
        onSelect={setScope}
      >
        {scope === 'board' && (
          <form className="resource-filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <PlaceFilters
              taxonomy={taxonomy}
              value={{ sector: filter.sector ?? '', region: filter.region ?? '' }}
              onChange={(place) => setFilter((f) => ({ ...f, sector: place.sector || undefined, region: place.region || undefined }))}
            />
            <TextField
              label="Deadline on or before"
              name="deadlineBefore"
              type="date"
              value={filter.deadlineBefore ?? ''}
              onChange={(e) => setFilter((f) => ({ ...f, deadlineBefore: e.target.value || undefined }))}
            />
          </form>
        )}
        {list.isPending && <Spinner />}
        {list.error && <Alert tone="danger">{errorMessage(list.error)}</Alert>}
        {list.isSuccess && items.length === 0 && (
          <EmptyState title={scope === 'board' ? 'No open opportunities match' : 'Your organisation has posted none yet'} />
        )}
        <ul
          className="resource-list"
          aria-label={scope === 'board' ? 'Open opportunities, best fit first' : 'Your organisation’s opportunities'}
        >
          {items.map((opportunity) => (
            <OpportunityCard key={opportunity.id} opportunity={opportunity} />
          ))}
        </ul>
        <LoadMore query={list} />
      </Tabs>
    </>
  );
}

function OpportunityCard({ opportunity }: { opportunity: OpportunityView }) {
  return (
    <li className="card resource opportunity-card">
      <h2 className="card-title">
        <Link to={`/partnerships/opportunities/${opportunity.id}`}>{opportunity.title}</Link>
      </h2>
      <p>
        <StatusBadge status={opportunity.status} /> Posted by {opportunity.organisation.name}
        {opportunity.myInterest && ' · you expressed interest'}
      </p>
      <OpportunityFacts opportunity={opportunity} />
      <CapabilityList label="Partners sought for" slugs={opportunity.capabilitiesSought} />
      {opportunity.fit && <FitReasons fit={opportunity.fit} heading="Fit for your organisation" />}
    </li>
  );
}
