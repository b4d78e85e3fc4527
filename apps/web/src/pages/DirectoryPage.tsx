// GET /members with filters kept in the address (so a search can be shared), and "Load more".
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { MemberSearchQuery } from '@mutuals/contracts';
import { errorMessage } from '../api/client';
import { directoryQuery } from '../api/members';
import { pageItems } from '../api/queryClient';
import { termName, useTaxonomy } from '../api/taxonomy';
import { Alert, Avatar, Badge, Button, Checkbox, EmptyState, LoadMore, PageTitle, Spinner, TextField } from '../components';
import { MentoringBadges, memberLine } from './MemberSummary';
import { PlaceFilters } from './PlaceFilters';

const PAGE_SIZE = 20;

interface Filters {
  q: string;
  sector: string;
  region: string;
  offersMentoring: boolean;
}

function readFilters(params: URLSearchParams): Filters {
  return {
    q: params.get('q') ?? '',
    sector: params.get('sector') ?? '',
    region: params.get('region') ?? '',
    offersMentoring: params.get('offersMentoring') === 'true',
  };
}

function toQuery(f: Filters): MemberSearchQuery {
  return {
    q: f.q.trim() || undefined,
    sector: f.sector || undefined,
    region: f.region || undefined,
    offersMentoring: f.offersMentoring || undefined,
    limit: PAGE_SIZE,
  };
}

export function DirectoryPage() {
  const { taxonomy } = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const applied = readFilters(params);
  const appliedKey = params.toString();
  const [draft, setDraft] = useState<Filters>(applied);
  const list = useInfiniteQuery(directoryQuery(toQuery(applied)));
  const items = pageItems(list.data);
  const error = list.error;

  // A new search whenever the applied filters change (submit, back button, shared link).
  useEffect(() => {
    setDraft(readFilters(new URLSearchParams(appliedKey)));
  }, [appliedKey]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set('q', draft.q.trim());
    if (draft.sector) next.set('sector', draft.sector);
    if (draft.region) next.set('region', draft.region);
    if (draft.offersMentoring) next.set('offersMentoring', 'true');
    setParams(next);
  };

  const filtered = appliedKey !== '';

  return (
    <>
      <PageTitle title="Members" lead="People from mutuals, aspiring mutuals and partner organisations across the network." />
      <form className="filters" role="search" aria-label="Filter members" onSubmit={search}>
        <TextField
          label="Search"
          hint="Name, organisation or job title"
          type="search"
          name="q"
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
        <PlaceFilters taxonomy={taxonomy} value={draft} onChange={(place) => setDraft({ ...draft, ...place })} />
        <Checkbox
          label="Offers mentoring"
          name="offersMentoring"
          checked={draft.offersMentoring}
          onChange={(e) => setDraft({ ...draft, offersMentoring: e.target.checked })}
        />
        <div className="filters-actions">
          <Button type="submit">Search</Button>
          {filtered && (
            <Button variant="ghost" onClick={() => setParams(new URLSearchParams())}>
              Clear filters
            </Button>
          )}
        </div>
      </form>

      {error && (
        <Alert tone="danger" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {list.isPending ? (
        <Spinner label="Loading members" />
      ) : items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No members match those filters.' : 'No members yet.'}
          action={
            filtered && (
              <Button variant="secondary" onClick={() => setParams(new URLSearchParams())}>
                Clear filters
              </Button>
            )
          }
        >
          {filtered && <p>Try a broader search, another region, or any sector.</p>}
        </EmptyState>
      ) : (
        <>
          <ul className="member-list" aria-label="Members">
            {items.map((m) => (
              <li key={m.id} className="card member-card">
                <h2 className="member-name">
                  <Avatar id={m.id} name={m.displayName} url={m.avatarUrl} size="md" /> <Link to={`/members/${m.id}`}>{m.displayName}</Link>
                </h2>
                <p className="muted">{memberLine(m, taxonomy)}</p>
                <div className="badges">
                  <MentoringBadges profile={m} />
                  {m.sectors.slice(0, 3).map((s) => (
                    <Badge key={s}>{termName(taxonomy?.sectors, s)}</Badge>
                  ))}
                  {m.sectors.length > 3 && <Badge>+{m.sectors.length - 3} more</Badge>}
                </div>
              </li>
            ))}
          </ul>
          <LoadMore query={list} label="Load more members" />
        </>
      )}
    </>
  );
}
