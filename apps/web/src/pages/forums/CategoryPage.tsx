import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ForumThreadCreated } from '@mutuals/contracts';
import { errorMessage, isApiError } from '../../api/client';
import { useClientId } from '../../api/clientId';
import { categoriesQuery, forumKeys, sendNewPost, threadsQuery } from '../../api/forums';
import { pageItems } from '../../api/queryClient';
import { useSession } from '../../api/session';
import { Alert, Badge, Button, EmptyState, LoadMore, PageTitle, Spinner, TextField, plural } from '../../components';
import { Composer, when } from './forumsShared';

export function CategoryPage() {
  const { slug = '' } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { data: category } = useQuery({ ...categoriesQuery(), select: (all) => all.find((c) => c.slug === slug) ?? null });
  const list = useInfiniteQuery(threadsQuery(slug));
  const threads = list.data ? pageItems(list.data) : null;
  const error = list.error;
  const [composing, setComposing] = useState(false);
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>();
  const [body, setBody] = useState('');
  const thread = useClientId();

  const start = async (text: string) => {
    if (!category) return;
    if (!title.trim()) {
      setTitleError('Enter a title for the thread');
      throw new Error('Enter a title for the thread, above the first post.');
    }
    setTitleError(undefined);
    try {
      const created = await sendNewPost<ForumThreadCreated>('/forums/threads', {
        categoryId: category.id,
        title,
        body: text,
        clientId: thread.id,
      });
      thread.renew();
      void client.invalidateQueries({ queryKey: forumKeys.threads(slug) });
      void client.invalidateQueries({ queryKey: forumKeys.categories() });
      navigate(`/forums/threads/${created.id}`);
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.title) setTitleError(e.fieldErrors.title);
      throw e;
    }
  };

  const canPost = me?.user.status === 'active';
  return (
    <>
      <p className="forum-breadcrumb">
        <Link to="/forums">Forums</Link>
      </p>
      <PageTitle
        title={category?.name ?? 'Forum'}
        lead={category?.description}
        actions={canPost && !composing ? <Button onClick={() => setComposing(true)}>New thread</Button> : undefined}
      />
      {composing && (
        <section className="forum-new-thread" aria-label="New thread">
          <TextField
            label="Title"
            name="title"
            value={title}
            error={titleError}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={160}
          />
          <Composer
            label="First post"
            idPrefix="new-thread"
            value={body}
            onChange={setBody}
            submitLabel="Start thread"
            onSubmit={start}
            onCancel={() => setComposing(false)}
          />
        </section>
      )}
      {error && (
        <Alert tone="danger" title="Could not load threads">
          {errorMessage(error)}
        </Alert>
      )}
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
                {t.author.displayName} · {plural(t.replyCount, 'reply', 'replies')} · last post{' '}
                <time dateTime={t.lastPostAt}>{when(t.lastPostAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={list} label="Show more threads" />
    </>
  );
}
