// /stories: every published story, for anyone, filtered by sector, region, journey stage or outcome.
import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { pageItems } from '../../api/queryClient';
import { useSession } from '../../api/session';
import { storiesQuery, type StoryFilter } from '../../api/stories';
import { termOptions, useTaxonomy } from '../../api/taxonomy';
import { Alert, Button, ButtonLink, EmptyState, LoadMore, PageTitle, Select, Spinner, TextField } from '../../components';
import { StoryCard } from './storyParts';

const FILTERS = ['sector', 'region', 'stage', 'outcome'] as const;

export function StoriesPage() {
  const { me } = useSession();
  const { taxonomy } = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const filter: StoryFilter = Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : [])));
  const [outcome, setOutcome] = useState(filter.outcome ?? '');
  const list = useInfiniteQuery(storiesQuery(filter));
  const items = pageItems(list.data);

  const choose = (name: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageTitle
        title="Success stories"
        lead="How public service mutuals spun out and grew: staff who became owners, services added, contracts won, people served."
        actions={me?.user.status === 'active' && <ButtonLink to="/my-stories/new">Tell your story</ButtonLink>}
      />
      <form
        className="resource-filters"
        role="search"
        aria-label="Filter stories"
        onSubmit={(e) => {
          e.preventDefault();
          choose('outcome', outcome.trim());
        }}
      >
        <Select
          label="Sector"
          name="sector"
          placeholder="Any"
          options={termOptions(taxonomy?.sectors)}
          value={filter.sector ?? ''}
          onChange={(e) => choose('sector', e.target.value)}
        />
        <Select
          label="Region"
          name="region"
          placeholder="Any"
          options={termOptions(taxonomy?.regions)}
          value={filter.region ?? ''}
          onChange={(e) => choose('region', e.target.value)}
        />
        <Select
          label="Journey stage"
          name="stage"
          placeholder="Any"
          options={termOptions(taxonomy?.stages)}
          value={filter.stage ?? ''}
          onChange={(e) => choose('stage', e.target.value)}
        />
        <TextField
          label="Outcome"
          name="outcome"
          hint="e.g. contracts, staff, income"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
        />
        <Button type="submit">Filter</Button>
      </form>
      {list.isPending && <Spinner />}
      {list.error && <Alert tone="danger">{errorMessage(list.error)}</Alert>}
      {list.isSuccess && items.length === 0 && <EmptyState title="No stories match" />}
      <ul className="story-list">
        {items.map((story) => (
          <StoryCard key={story.id} story={story} />
        ))}
      </ul>
      <LoadMore query={list} />
      <p>
        <a href="/stories/feed.xml">Follow new stories in your feed reader (Atom)</a>
      </p>
    </>
  );
}
