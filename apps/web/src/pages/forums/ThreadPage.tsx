// /forums/threads/:id: a thread's posts (a cursor list, loaded as the reader scrolls), live
// replies and edits written into the cached pages, and the reply composer.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ForumPostCreatedEvent, ForumPostRemovedEvent, ForumPostView, ForumReaction, ForumThreadView } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { useClientId } from '../../api/clientId';
import { forumKeys, postsQuery, sendNewPost, threadQuery, withPost } from '../../api/forums';
import { mapPageItems, pageItems } from '../../api/queryClient';
import { isCoordinator, useSession } from '../../api/session';
import { request, useSocketEvent, useSocketStatus } from '../../api/socket';
import {
  Alert,
  AttachmentPicker,
  Attachments,
  Avatar,
  Badge,
  Button,
  PageTitle,
  Spinner,
  TextArea,
  toAttachmentInputs,
  type PendingAttachment,
} from '../../components';
import { Composer, REACTIONS, REACTION_NAMES, quoteOf, when } from './forumsShared';

export function ThreadPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const target = search.get('post');
  const { me } = useSession();
  const myId = me?.user.id;
  const moderator = isCoordinator(me?.user.role);
  const client = useQueryClient();
  const threadAnswer = useQuery(threadQuery(id));
  const thread = threadAnswer.data;
  const postPages = useInfiniteQuery(postsQuery(id));
  const posts = pageItems(postPages.data);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = postPages;
  const [draft, setDraft] = useState('');
  const [attachments, setAttachments] = useState<PendingAttachment[]>([]);
  const [replyTo, setReplyTo] = useState<ForumPostView | null>(null);
  const [flagging, setFlagging] = useState<ForumPostView | null>(null);
  /** The reply just posted: it takes focus once on the page. */
  const [focusPostId, setFocusPostId] = useState<string | null>(null);
  const reply = useClientId();
  const sentinel = useRef<HTMLDivElement>(null);
  const composerRef = useRef<HTMLDivElement>(null);
  const lastMarked = useRef<string | null>(null);

  const setPosts = useCallback(
    (change: (items: ForumPostView[]) => ForumPostView[]) =>
      client.setQueryData(postsQuery(id).queryKey, (data) => mapPageItems(data, change)),
    [client, id],
  );
  const replace = (post: ForumPostView) => {
    client.setQueryData(postsQuery(id).queryKey, (data) => withPost(data, post));
  };
  const setThread = (next: ForumThreadView) => client.setQueryData(threadQuery(id).queryKey, next);

  // With ?post=<id>, keep loading until that post is on the page.
  const targetMissing = target !== null && !posts.some((p) => p.id === target);
  const loaded = postPages.data !== undefined && !(targetMissing && hasNextPage);
  useEffect(() => {
    if (postPages.data && targetMissing && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [postPages.data, targetMissing, hasNextPage, isFetchingNextPage, fetchNextPage]);
  useEffect(() => {
    if (loaded && target) document.getElementById(`post-${target}`)?.scrollIntoView({ block: 'center' });
  }, [loaded, target]);

  // Infinite scroll; the "Show more" button stays for keyboards and screen readers.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && !isFetchingNextPage && void fetchNextPage(),
      { rootMargin: '400px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Read state follows the newest post loaded.
  const newest = posts[posts.length - 1]?.id;
  useEffect(() => {
    if (!loaded || !newest || newest === lastMarked.current) return;
    lastMarked.current = newest;
    void api.post(`/forums/threads/${id}/read`, { lastReadPostId: newest }).catch(() => undefined);
  }, [newest, loaded, id]);

  // Live replies: watch the thread, and again after every reconnect.
  const watch = useCallback(() => void request('forum:watch', { threadId: id }), [id]);
  useSocketStatus(watch);
  useEffect(() => {
    watch();
    return () => void request('forum:unwatch', { threadId: id });
  }, [watch, id]);
  useSocketEvent<ForumPostCreatedEvent>(
    'forum:post.created',
    useCallback(
      (event) => {
        // Only a post this tab does not hold yet: the author's own copy (with its source) stays.
        if (event.threadId === id)
          client.setQueryData(postsQuery(id).queryKey, (data) =>
            data?.pages.some((page) => page.items.some((p) => p.id === event.post.id)) ? data : withPost(data, event.post),
          );
      },
      [client, id],
    ),
  );
  useSocketEvent<ForumPostCreatedEvent>(
    'forum:post.updated',
    useCallback(
      (event) => {
        if (event.threadId === id)
          setPosts((items) => items.map((p) => (p.id === event.post.id ? { ...event.post, body: p.body, myReactions: p.myReactions } : p)));
      },
      [id, setPosts],
    ),
  );
  useSocketEvent<ForumPostRemovedEvent>(
    'forum:post.removed',
    useCallback(
      (event) => {
        if (event.threadId === id) setPosts((items) => items.filter((p) => p.id !== event.postId || moderator));
      },
      [id, moderator, setPosts],
    ),
  );

  const refetch = async (postId: string) => replace(await api.get<ForumPostView>(`/forums/posts/${postId}`));

  const send = async (body: string) => {
    const post = await sendNewPost<ForumPostView>(`/forums/threads/${id}/posts`, {
      body,
      replyToPostId: replyTo?.id,
      clientId: reply.id,
      attachments: toAttachmentInputs(attachments),
    });
    // The answer carries the Markdown source, so Edit is there at once.
    replace(post);
    reply.renew();
    setDraft('');
    setAttachments([]);
    setReplyTo(null);
    setFocusPostId(post.id);
    // Reply counts and unread marks of the lists.
    void client.invalidateQueries({ queryKey: forumKeys.categories() });
    if (thread) void client.invalidateQueries({ queryKey: forumKeys.threads(thread.categorySlug) });
  };

  const startReply = (post: ForumPostView, quote: boolean) => {
    setReplyTo(post);
    if (quote) setDraft((d) => quoteOf(post.author.handle, post.bodyHtml) + d);
    composerRef.current?.querySelector('textarea')?.focus();
  };

  const setThreadFlag = async (flag: 'pin' | 'lock', value: boolean) => {
    setThread(await api.post<ForumThreadView>(`/admin/forums/threads/${id}/${flag}`, { value }));
  };
  const toggleWatch = async () => {
    if (!thread) return;
    await (thread.subscribed ? api.delete(`/forums/threads/${id}/subscription`) : api.put(`/forums/threads/${id}/subscription`));
    setThread({ ...thread, subscribed: !thread.subscribed });
  };

  const error = threadAnswer.error ?? postPages.error;
  if (error)
    return (
      <Alert tone="danger" title="Could not open this thread">
        {errorMessage(error)}
      </Alert>
    );
  if (!thread) return <Spinner />;
  const canPost = me?.user.status === 'active' && (!thread.locked || moderator);
  return (
    <>
      <p className="forum-breadcrumb">
        <Link to="/forums">Forums</Link> › <Link to={`/forums/c/${thread.categorySlug}`}>{thread.categoryName}</Link>
      </p>
      <PageTitle
        title={thread.title}
        lead={`Started by ${thread.author.displayName}, ${when(thread.createdAt)}`}
        actions={
          <div className="forum-actions">
            <Button variant="secondary" onClick={() => void toggleWatch()} aria-pressed={thread.subscribed}>
              {thread.subscribed ? 'Stop watching' : 'Watch thread'}
            </Button>
            {moderator && (
              <Button variant="secondary" onClick={() => void setThreadFlag('pin', !thread.pinned)}>
                {thread.pinned ? 'Unpin' : 'Pin'}
              </Button>
            )}
            {moderator && (
              <Button variant="secondary" onClick={() => void setThreadFlag('lock', !thread.locked)}>
                {thread.locked ? 'Unlock' : 'Lock'}
              </Button>
            )}
          </div>
        }
      />
      {thread.pinned && <Badge tone="info">Pinned</Badge>} {thread.locked && <Badge tone="warning">Locked: no new replies</Badge>}
      <ol className="forum-posts" aria-label="Posts">
        {posts.map((post) => (
          <PostItem
            key={post.id}
            post={post}
            highlighted={post.id === target}
            focus={post.id === focusPostId}
            mine={post.author.id === myId}
            moderator={moderator}
            canPost={canPost}
            onReply={startReply}
            onChanged={replace}
            onRefetch={refetch}
            onFlag={setFlagging}
            replyToAuthor={posts.find((p) => p.id === post.replyToPostId)?.author.displayName}
          />
        ))}
      </ol>
      <div ref={sentinel} />
      {hasNextPage && (
        <Button variant="secondary" busy={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          Show more posts
        </Button>
      )}
      {!loaded && <Spinner />}
      {canPost ? (
        <section ref={composerRef} className="forum-reply" aria-labelledby="reply-heading">
          <h2 id="reply-heading">Reply</h2>
          {replyTo && (
            <p className="forum-meta">
              Replying to {replyTo.author.displayName}{' '}
              <Button variant="ghost" size="sm" onClick={() => setReplyTo(null)}>
                Not a reply to them
              </Button>
            </p>
          )}
          <Composer label="Your reply" idPrefix="reply" value={draft} onChange={setDraft} submitLabel="Post reply" onSubmit={send} />
          <AttachmentPicker value={attachments} onChange={setAttachments} />
        </section>
      ) : (
        <p className="forum-meta">{thread.locked ? 'This thread is locked.' : 'You can post once your account is approved.'}</p>
      )}
      {flagging && <FlagDialog post={flagging} onClose={() => setFlagging(null)} />}
    </>
  );
}

interface PostItemProps {
  post: ForumPostView;
  highlighted: boolean;
  /** Move focus here once (the reply just posted). */
  focus: boolean;
  mine: boolean;
  moderator: boolean;
  canPost: boolean;
  replyToAuthor?: string;
  onReply: (post: ForumPostView, quote: boolean) => void;
  onChanged: (post: ForumPostView) => void;
  onRefetch: (postId: string) => Promise<void>;
  onFlag: (post: ForumPostView) => void;
}

function PostItem({
  post,
  highlighted,
  focus,
  mine,
  moderator,
  canPost,
  replyToAuthor,
  onReply,
  onChanged,
  onRefetch,
  onFlag,
}: PostItemProps) {
  const [editing, setEditing] = useState(false);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focus) item.current?.focus();
  }, [focus]);
  const [draft, setDraft] = useState(post.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const react = (slug: ForumReaction) =>
    act(async () => {
      const on = !post.myReactions.includes(slug);
      await (on ? api.put(`/forums/posts/${post.id}/reactions/${slug}`) : api.delete(`/forums/posts/${post.id}/reactions/${slug}`));
      await onRefetch(post.id);
    });

  if (post.status === 'deleted') {
    return (
      <li id={`post-${post.id}`} className="forum-post deleted">
        <p className="forum-meta">This post was deleted.</p>
      </li>
    );
  }
  return (
    <li
      ref={item}
      tabIndex={focus ? -1 : undefined}
      id={`post-${post.id}`}
      className={['forum-post', highlighted && 'highlighted', post.status === 'hidden' && 'hidden-post'].filter(Boolean).join(' ')}
      aria-label={`Post by ${post.author.displayName}`}
    >
      <header className="forum-post-header">
        <Avatar id={post.author.id} name={post.author.displayName} url={post.author.avatarUrl} />{' '}
        <Link to={`/members/${post.author.id}`}>{post.author.displayName}</Link> <span className="forum-meta">@{post.author.handle}</span>
        {' · '}
        <time dateTime={post.createdAt}>{when(post.createdAt)}</time>
        {post.editedAt && <span className="forum-meta"> · edited</span>}
        {replyToAuthor && <span className="forum-meta"> · replying to {replyToAuthor}</span>}
        {post.status === 'hidden' && <Badge tone="danger">Hidden by a moderator</Badge>}
      </header>
      {editing ? (
        <Composer
          label="Edit your post"
          idPrefix={`edit-${post.id}`}
          value={draft}
          onChange={setDraft}
          submitLabel="Save"
          onSubmit={async (body) => {
            onChanged(await api.patch<ForumPostView>(`/forums/posts/${post.id}`, { body }));
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <div className="forum-post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
          <Attachments files={post.attachments} />
        </>
      )}
      {error && (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      )}
      <div className="forum-reactions" role="group" aria-label="Reactions">
        {REACTIONS.map(([slug, emoji]) => (
          <button
            key={slug}
            type="button"
            className="forum-reaction"
            aria-pressed={post.myReactions.includes(slug)}
            aria-label={`${REACTION_NAMES[slug]}: ${post.reactions[slug] ?? 0}`}
            onClick={() => void react(slug)}
            disabled={!canPost}
          >
            {emoji} {post.reactions[slug] ? <span>{post.reactions[slug]}</span> : null}
          </button>
        ))}
      </div>
      <div className="forum-actions">
        {canPost && (
          <Button variant="ghost" size="sm" onClick={() => onReply(post, false)}>
            Reply
          </Button>
        )}
        {canPost && (
          <Button variant="ghost" size="sm" onClick={() => onReply(post, true)}>
            Quote
          </Button>
        )}
        {(mine || moderator) && post.body !== null && !editing && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setDraft(post.body ?? '');
              setEditing(true);
            }}
          >
            Edit
          </Button>
        )}
        {(mine || moderator) && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() =>
              window.confirm('Delete this post? This cannot be undone.') &&
              void act(async () => {
                await api.delete(`/forums/posts/${post.id}`);
                onChanged({ ...post, status: 'deleted', bodyHtml: '', body: null });
              })
            }
          >
            Delete
          </Button>
        )}
        {!mine && post.status === 'visible' && (
          <Button variant="ghost" size="sm" onClick={() => onFlag(post)}>
            Flag
          </Button>
        )}
        {moderator && post.status === 'visible' && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => void act(async () => onChanged(await api.post<ForumPostView>(`/admin/posts/${post.id}/hide`)))}
          >
            Hide
          </Button>
        )}
        {moderator && post.status === 'hidden' && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => void act(async () => onChanged(await api.post<ForumPostView>(`/admin/posts/${post.id}/restore`)))}
          >
            Restore
          </Button>
        )}
      </div>
    </li>
  );
}

function FlagDialog({ post, onClose }: { post: ForumPostView; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [state, setState] = useState<'editing' | 'sending' | 'sent'>('editing');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setState('sending');
    try {
      await api.post(`/forums/posts/${post.id}/flags`, { reason });
      setState('sent');
    } catch (e) {
      setError(errorMessage(e));
      setState('editing');
    }
  };
  return (
    <dialog ref={ref} className="forum-flag-dialog" aria-labelledby="flag-title" onClose={onClose}>
      <h2 id="flag-title">Flag this post for a moderator</h2>
      {state === 'sent' ? (
        <>
          <p role="status">Thank you. A coordinator will look at it.</p>
          <Button onClick={() => ref.current?.close()}>Close</Button>
        </>
      ) : (
        <form onSubmit={send}>
          {error && (
            <Alert tone="danger" role="alert">
              {error}
            </Alert>
          )}
          <TextArea label="What is wrong with it?" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={500} />
          <div className="forum-actions">
            <Button type="submit" busy={state === 'sending'} disabled={reason.trim().length < 3}>
              Send flag
            </Button>
            <Button variant="ghost" onClick={() => ref.current?.close()}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
