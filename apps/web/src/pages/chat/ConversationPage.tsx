// /chat/:id: one conversation. Messages are kept by seq, so a live event, a history page and a
// sync answer can overlap without doubling anything; after every reconnect the page asks for
// everything after the last seq it holds without a gap, and the "Reconnecting…" banner stays until that is done.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  CHAT_MESSAGE_MAX_LENGTH,
  type ChatHistoryPage,
  type ChatMessageView,
  type ChatReadBroadcast,
  type ChatSendAck,
  type ChatSyncAck,
  type ChatTypingBroadcast,
  type ConversationView,
  type PresenceBroadcast,
} from '@mutuals/contracts';
import { api, errorMessage, isApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { request, useSocketEvent, useSocketStatus } from '../../api/socket';
import { Alert, Button, EmptyState, PageTitle, Spinner, cx } from '../../components';
import { PresenceDot, conversationName, withPresence } from './chatShared';

const PAGE = 50;
const TYPING_SHOWN_MS = 4000;
const TYPING_SENT_EVERY_MS = 2000;

interface PendingSend {
  clientId: string;
  body: string;
  failed: string | null;
}

function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function ConversationPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const myId = me?.user.id;
  const [conversation, setConversation] = useState<ConversationView | null>(null);
  const [missing, setMissing] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [messages, setMessages] = useState<Map<number, ChatMessageView>>(new Map());
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [pending, setPending] = useState<PendingSend[]>([]);
  const [typing, setTyping] = useState<Map<string, number>>(new Map());
  const [resyncing, setResyncing] = useState(false);
  // Every seq up to `contiguous` is held: sync asks for what follows it, so a message missed in a
  // gap (a replica died mid-broadcast) is fetched even when later ones arrived live.
  const contiguous = useRef(0);
  const heldSeqs = useRef(new Set<number>());
  const loaded = useRef(false);

  const merge = useCallback((incoming: ChatMessageView[]) => {
    if (incoming.length === 0) return;
    setMessages((current) => {
      const next = new Map(current);
      for (const m of incoming) next.set(m.seq, m);
      return next;
    });
    for (const m of incoming) heldSeqs.current.add(m.seq);
    while (heldSeqs.current.has(contiguous.current + 1)) contiguous.current++;
  }, []);

  /** Everything after the last seq held without a gap, in as many answers as it takes. */
  const sync = useCallback(async () => {
    for (;;) {
      const answer = await request<ChatSyncAck>('chat:sync', { conversationId: id, afterSeq: contiguous.current });
      if (!answer.ok) throw new Error(answer.error.message);
      merge(answer.messages);
      if (!answer.hasMore || answer.messages.length === 0) return;
    }
  }, [id, merge]);

  useEffect(() => {
    let cancelled = false;
    loaded.current = false;
    contiguous.current = 0;
    heldSeqs.current = new Set();
    setMessages(new Map());
    setConversation(null);
    setMissing(false);
    Promise.all([api.get<ConversationView>(`/chat/conversations/${id}`), api.get<ChatHistoryPage>(`/chat/conversations/${id}/messages?limit=${PAGE}`)])
      .then(async ([view, page]) => {
        if (cancelled) return;
        setConversation(view);
        // The latest page is contiguous by construction; what lies before it loads on scroll.
        contiguous.current = Math.max(0, ...page.items.map((m) => m.seq));
        merge(page.items);
        setHasOlder(page.hasMore);
        loaded.current = true;
        await sync();
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        if (isApiError(e, 404) || isApiError(e, 400)) setMissing(true);
        else setLoadError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
  }, [id, merge, sync]);

  const sendPending = useCallback(
    async (item: PendingSend) => {
      const answer = await request<ChatSendAck>('chat:send', { conversationId: id, clientId: item.clientId, body: item.body });
      if (answer.ok) {
        merge([answer.message]);
        setPending((list) => list.filter((p) => p.clientId !== item.clientId));
      } else {
        setPending((list) => list.map((p) => (p.clientId === item.clientId ? { ...p, failed: answer.error.message } : p)));
      }
    },
    [id, merge],
  );

  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  const onReconnect = useCallback(() => {
    if (!loaded.current) return;
    setResyncing(true);
    sync()
      // Sends that never got an answer go again with the same clientId: stored at most once.
      .then(() => Promise.all(pendingRef.current.map((p) => sendPending({ ...p, failed: null }))))
      .catch(() => undefined)
      .finally(() => setResyncing(false));
  }, [sync, sendPending]);
  const status = useSocketStatus(onReconnect);

  useSocketEvent(
    'chat:message',
    useCallback(
      (m: ChatMessageView) => {
        if (m.conversationId !== id) return;
        const gap = loaded.current && m.seq > contiguous.current + 1;
        merge([m]);
        setPending((list) => (list.some((p) => p.clientId === m.clientId) ? list.filter((p) => p.clientId !== m.clientId) : list));
        setTyping((current) => {
          if (!current.has(m.senderId)) return current;
          const next = new Map(current);
          next.delete(m.senderId);
          return next;
        });
        if (gap) void sync().catch(() => undefined);
      },
      [id, merge, sync],
    ),
  );
  useSocketEvent(
    'chat:message.updated',
    useCallback((m: ChatMessageView) => m.conversationId === id && merge([m]), [id, merge]),
  );
  useSocketEvent(
    'chat:typing',
    useCallback(
      (event: ChatTypingBroadcast) => {
        if (event.conversationId !== id) return;
        setTyping((current) => new Map(current).set(event.userId, Date.now() + TYPING_SHOWN_MS));
      },
      [id],
    ),
  );
  useSocketEvent(
    'chat:read',
    useCallback(
      (event: ChatReadBroadcast) => {
        if (event.conversationId !== id) return;
        setConversation((c) => c && { ...c, members: c.members.map((m) => (m.id === event.userId ? { ...m, lastReadSeq: Math.max(m.lastReadSeq, event.seq) } : m)) });
      },
      [id],
    ),
  );
  useSocketEvent(
    'presence',
    useCallback((event: PresenceBroadcast) => setConversation((c) => c && withPresence([c], event)[0]), []),
  );

  // Typing notices fade on their own.
  useEffect(() => {
    if (typing.size === 0) return;
    const timer = setInterval(() => {
      setTyping((current) => {
        const now = Date.now();
        const next = new Map([...current].filter(([, until]) => until > now));
        return next.size === current.size ? current : next;
      });
    }, 500);
    return () => clearInterval(timer);
  }, [typing.size]);

  const ordered = useMemo(() => [...messages.values()].sort((a, b) => a.seq - b.seq), [messages]);
  const newest = ordered[ordered.length - 1]?.seq ?? 0;

  // What is on screen while the page is visible counts as read.
  const readSent = useRef(0);
  useEffect(() => {
    const markRead = () => {
      if (newest > readSent.current && document.visibilityState === 'visible') {
        readSent.current = newest;
        void request('chat:read', { conversationId: id, seq: newest });
      }
    };
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [id, newest]);

  // Stay at the bottom as messages arrive, unless the reader scrolled up; keep place when older ones load.
  const scroller = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const oldest = ordered[0]?.seq ?? 0;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (anchor.current) {
      el.scrollTop = anchor.current.top + (el.scrollHeight - anchor.current.height);
      anchor.current = null;
    } else if (el.scrollHeight - el.scrollTop - el.clientHeight < 160 || oldest === ordered[0]?.seq) {
      el.scrollTop = el.scrollHeight;
    }
  }, [ordered, oldest, pending.length]);

  async function loadOlder() {
    const el = scroller.current;
    if (el) anchor.current = { height: el.scrollHeight, top: el.scrollTop };
    setLoadingOlder(true);
    try {
      const page = await api.get<ChatHistoryPage>(`/chat/conversations/${id}/messages?limit=${PAGE}&beforeSeq=${oldest}`);
      merge(page.items);
      setHasOlder(page.hasMore);
    } finally {
      setLoadingOlder(false);
    }
  }

  if (missing) {
    return (
      <>
        <PageTitle title="Conversation not found" />
        <EmptyState title="There is no conversation here, or you are not in it." action={<Link to="/chat">All conversations</Link>} />
      </>
    );
  }
  if (loadError) return <Alert tone="danger" role="alert">{loadError}</Alert>;
  if (!conversation) return <Spinner label="Loading conversation" />;

  const name = conversationName(conversation, myId);
  const membersById = new Map(conversation.members.map((m) => [m.id, m]));
  const others = conversation.members.filter((m) => m.id !== myId);
  const typingNames = [...typing.keys()].filter((u) => u !== myId).map((u) => membersById.get(u)?.displayName ?? 'Someone');
  const myLast = [...ordered].reverse().find((m) => m.senderId === myId && !m.deleted);
  const seenBy = myLast ? others.filter((m) => m.lastReadSeq >= myLast.seq).map((m) => m.displayName) : [];
  const reconnecting = status === 'disconnected' || resyncing;

  return (
    <div className="chat-pane">
      <PageTitle
        title={name}
        lead={
          <span className="chat-members">
            {others.map((m) => (
              <span key={m.id} className="chat-member">
                <PresenceDot online={m.online} name={m.displayName} /> {m.displayName}
              </span>
            ))}
          </span>
        }
        actions={<Link to="/chat">All conversations</Link>}
      />
      {reconnecting && (
        <Alert tone="warning" role="status">
          Reconnecting…
        </Alert>
      )}
      <div className="chat-messages" ref={scroller} role="log" aria-label={`Messages in ${name}`} aria-live="polite">
        {hasOlder && (
          <div className="chat-older">
            <Button variant="ghost" size="sm" busy={loadingOlder} onClick={loadOlder}>
              Load earlier messages
            </Button>
          </div>
        )}
        {ordered.length === 0 && pending.length === 0 && <p className="chat-empty">No messages yet. Say hello.</p>}
        <ol className="chat-message-list">
          {ordered.map((m) => (
            <MessageItem key={m.seq} message={m} mine={m.senderId === myId} senderName={membersById.get(m.senderId)?.displayName ?? 'Former member'} onChanged={(updated) => merge([updated])} />
          ))}
          {pending.map((p) => (
            <li key={p.clientId} className="chat-message chat-message-mine chat-message-pending">
              <div className="chat-bubble">{p.body}</div>
              <div className="chat-meta">
                {p.failed ? (
                  <>
                    <span className="field-error">Not sent: {p.failed}</span>{' '}
                    <Button variant="ghost" size="sm" onClick={() => void sendPending({ ...p, failed: null })}>
                      Retry
                    </Button>
                  </>
                ) : (
                  'Sending…'
                )}
              </div>
            </li>
          ))}
        </ol>
        {seenBy.length > 0 && <p className="chat-seen">Seen by {seenBy.join(', ')}</p>}
      </div>
      <p className="chat-typing" aria-live="polite">
        {typingNames.length > 0 ? `${typingNames.join(', ')} ${typingNames.length === 1 ? 'is' : 'are'} typing…` : ''}
      </p>
      <Composer
        conversationId={id}
        disabled={me?.user.status === 'pending'}
        onSend={(body) => {
          const item = { clientId: newClientId(), body, failed: null };
          setPending((list) => [...list, item]);
          void sendPending(item);
        }}
      />
    </div>
  );
}

function MessageItem({ message, mine, senderName, onChanged }: { message: ChatMessageView; mine: boolean; senderName: string; onChanged: (m: ChatMessageView) => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body);
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      onChanged(await api.patch<ChatMessageView>(`/chat/messages/${message.id}`, { body: draft }));
      setEditing(false);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  async function remove() {
    if (!window.confirm('Delete this message?')) return;
    try {
      onChanged(await api.delete<ChatMessageView>(`/chat/messages/${message.id}`));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <li className={cx('chat-message', mine && 'chat-message-mine')}>
      <div className="chat-meta">
        <span className="chat-sender">{mine ? 'You' : senderName}</span> <time dateTime={message.createdAt}>{timeOf(message.createdAt)}</time>
        {message.editedAt && !message.deleted && <span> · edited</span>}
      </div>
      {message.deleted ? (
        <div className="chat-bubble chat-deleted">Message deleted</div>
      ) : editing ? (
        <form onSubmit={save} className="chat-edit">
          <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
            Edit message
          </label>
          <textarea id={`edit-${message.id}`} value={draft} maxLength={CHAT_MESSAGE_MAX_LENGTH} onChange={(e) => setDraft(e.target.value)} rows={2} />
          <Button type="submit" size="sm" disabled={!draft.trim()}>
            Save
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="chat-bubble" dangerouslySetInnerHTML={{ __html: message.bodyHtml }} />
      )}
      {mine && !message.deleted && !editing && (
        <div className="chat-actions">
          <Button variant="ghost" size="sm" onClick={() => { setDraft(message.body); setEditing(true); }}>
            Edit<span className="visually-hidden"> message {message.seq}</span>
          </Button>
          <Button variant="ghost" size="sm" onClick={remove}>
            Delete<span className="visually-hidden"> message {message.seq}</span>
          </Button>
        </div>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </li>
  );
}

function Composer({ conversationId, disabled, onSend }: { conversationId: string; disabled: boolean; onSend: (body: string) => void }) {
  const [body, setBody] = useState('');
  const lastTyping = useRef(0);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!body.trim() || disabled) return;
    onSend(body);
    setBody('');
    lastTyping.current = 0;
  }
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  }
  function onChange(value: string) {
    setBody(value);
    const now = Date.now();
    if (value && now - lastTyping.current > TYPING_SENT_EVERY_MS) {
      lastTyping.current = now;
      void request('chat:typing', { conversationId });
    }
  }

  return (
    <form className="chat-composer" onSubmit={submit}>
      <label htmlFor="chat-composer-input" className="visually-hidden">
        Message
      </label>
      <textarea
        id="chat-composer-input"
        value={body}
        rows={2}
        maxLength={CHAT_MESSAGE_MAX_LENGTH}
        placeholder={disabled ? 'You can send messages once your account is approved' : 'Write a message (Markdown; Enter sends, Shift+Enter for a new line)'}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <Button type="submit" disabled={disabled || !body.trim()}>
        Send
      </Button>
    </form>
  );
}
