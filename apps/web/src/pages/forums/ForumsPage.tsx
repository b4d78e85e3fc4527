import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import type { ForumCategoryView } from '@mutuals/contracts';
import { errorMessage } from '../../api/client';
import { categoriesQuery } from '../../api/forums';
import { Alert, Button, PageTitle, Spinner, TextField, plural } from '../../components';
import { when } from './forumsShared';

export function ForumsPage() {
  const { data: categories, error } = useQuery(categoriesQuery());
  const [q, setQ] = useState('');
  const navigate = useNavigate();

  const topics = categories?.filter((c) => !c.sectorSlug && c.slug !== 'other-public-services') ?? [];
  const sectors = categories?.filter((c) => c.sectorSlug || c.slug === 'other-public-services') ?? [];

  return (
    <>
      <PageTitle title="Forums" lead="Ask, answer and celebrate with people who have spun out, or are about to." />
      <form
        role="search"
        className="forum-search-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (q.trim()) navigate(`/forums/search?q=${encodeURIComponent(q.trim())}`);
        }}
      >
        <TextField label="Search the forums" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <Button type="submit">Search</Button>
      </form>
      {error && (
        <Alert tone="danger" title="Could not load the forums">
          {errorMessage(error)}
        </Alert>
      )}
      {!categories && !error && <Spinner />}
      {categories && (
        <>
          <CategoryList title="By topic" categories={topics} />
          <CategoryList title="By sector" categories={sectors} />
        </>
      )}
    </>
  );
}

function CategoryList({ title, categories }: { title: string; categories: ForumCategoryView[] }) {
  if (categories.length === 0) return null;
  return (
    <section aria-labelledby={`forum-${title}`}>
      <h2 id={`forum-${title}`}>{title}</h2>
      <ul className="forum-category-list">
        {categories.map((c) => (
          <li key={c.id} className="forum-category">
            <h3>
              <Link to={`/forums/c/${c.slug}`}>{c.name}</Link>
            </h3>
            <p>{c.description}</p>
            <p className="forum-meta">
              {plural(c.threadCount, 'thread')} · {plural(c.postCount, 'post')}
              {c.lastActivityAt && (
                <>
                  {' '}
                  · last active <time dateTime={c.lastActivityAt}>{when(c.lastActivityAt)}</time>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
