import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ForumCategoryView, ForumThreadCreated, ForumThreadSummary, Page } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { useSession } from '../../api/session';
import { Alert, Badge, Button, EmptyState, PageTitle, Spinner, TextField } from '../../components';
import { Composer, when } from './forumsShared';

export function CategoryPage() {
  const { slug = '' } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const [category, setCategory] = useState<ForumCategoryView | null>(null);
  const [threads, setThreads] = useState<ForumThreadSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [composing, setComposing] = useState(false);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');

  const load = useCallback(async (after?: string) => {
    try {
      const page = await api.get<Page<ForumThreadSummary>>(`/forums/categories/${slug}/threads`, { query: { limit: 30, cursor: after } });
      setThreads((current) => (after && current ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [slug]);

  useEffect(() => {
    void load();
    api.get<ForumCategoryView[]>('/forums/categories').then((all) => setCategory(all.find((c) => c.slug === slug) ?? null), () => undefined);
  }, [load, slug]);

  const start = async (text: string) => {
    if (!category) return;
    const created = await api.post<ForumThreadCreated>('/forums/threads', { categoryId: category.id, title, body: text });
    navigate(`/forums/threads/${created.id}`);
  };

  const canPost = me?.user.status === 'active';
  return (
    <>
      <p className="forum-breadcrumb"><Link to="/forums">Forums</Link></p>
      <PageTitle
        title={category?.name ?? 'Forum'}
        lead={category?.description}
        actions={canPost && !composing ? <Button onClick={() => setComposing(true)}>New thread</Button> : undefined}
      />
      {composing && (
        <section className="forum-new-thread" aria-label="New thread">
          <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={160} />
          <Composer label="First post" idPrefix="new-thread" value={body} onChange={setBody} submitLabel="Start thread" onSubmit={start} onCancel={() => setComposing(false)} />
        </section>
      )}
      {error && <Alert tone="danger" title="Could not load threads">{error}</Alert>}
      {threads === null && !error && <Spinner />}
      {threads?.length === 0 && <EmptyState title="No threads yet">Start the first conversation in this category.</EmptyState>}
      {threads && threads.length > 0 && (
        <ul className="forum-thread-list">
          {threads.map((t) => (
            <li key={t.id} className={t.unreadCount > 0 ? 'forum-thread unread' : 'forum-thread'}>
              <Link to={`/forums/threads/${t.id}`}>{t.title}</Link>
              {t.pinned && <Badge tone="info">Pinned</Badge>}
              {t.locked && <Badge tone="warning">Locked</Badge>}
              {t.unreadCount > 0 && <Badge tone="success">{t.unreadCount} unread</Badge>}
              <p className="forum-meta">
                {t.author.displayName} · {t.replyCount} {t.replyCount === 1 ? 'reply' : 'replies'} · last post <time dateTime={t.lastPostAt}>{when(t.lastPostAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {cursor && <Button variant="secondary" onClick={() => void load(cursor)}>Show more threads</Button>}
    </>
  );
}
