// /chat/:id: one conversation. The messages come from useConversationSync (ordered by seq, synced
// after gaps and reconnects, sends retried with their clientId); the conversation's members,
// presence and read marks come from the query cache, kept live by api/live.ts.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { CHAT_MESSAGE_MAX_LENGTH, type AttachmentInput, type ChatMessageView, type ChatTypingBroadcast } from '@mutuals/contracts';
import { conversationQuery } from '../../api/chat';
import { api, errorMessage, isApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { request, useSocketEvent, useSocketStatus } from '../../api/socket';
import { useConversationSync } from '../../chat/useConversationSync';
import {
  Alert,
  AttachmentPicker,
  Attachments,
  Avatar,
  Button,
  EmptyState,
  PageTitle,
  Spinner,
  cx,
  toAttachmentInputs,
  type PendingAttachment,
} from '../../components';
import { PresenceDot, conversationName } from './chatShared';
import { GroupSettings } from './GroupSettings';

const TYPING_SHOWN_MS = 4000;
const TYPING_SENT_EVERY_MS = 2000;

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Who is typing in this conversation; each notice fades on its own. */
function useTyping(conversationId: string, messages: readonly ChatMessageView[]): string[] {
  const [typing, setTyping] = useState<Map<string, number>>(new Map());
  useSocketEvent(
    'chat:typing',
    useCallback(
      (event: ChatTypingBroadcast) => {
        if (event.conversationId === conversationId)
          setTyping((current) => new Map(current).set(event.userId, Date.now() + TYPING_SHOWN_MS));
      },
      [conversationId],
    ),
  );
  // A message from someone ends their typing notice.
  const lastSender = messages[messages.length - 1]?.senderId;
  useEffect(() => {
    if (lastSender) setTyping((current) => (current.has(lastSender) ? new Map([...current].filter(([id]) => id !== lastSender)) : current));
  }, [lastSender, messages.length]);
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
  return [...typing.keys()];
}

/** What is on screen while the page is visible counts as read. */
function useMarkRead(conversationId: string, newest: number): void {
  const readSent = useRef(0);
  useEffect(() => {
    const markRead = () => {
      if (newest > readSent.current && document.visibilityState === 'visible') {
        readSent.current = newest;
        void request('chat:read', { conversationId, seq: newest });
      }
    };
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [conversationId, newest]);
}

export function ConversationPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const myId = me?.user.id;
  const details = useQuery(conversationQuery(id));
  const conversation = details.data;
  const sync = useConversationSync(id);
  const { messages: ordered, pending, engine } = sync;
  const status = useSocketStatus();
  const typingIds = useTyping(id, ordered);
  const newest = ordered[ordered.length - 1]?.seq ?? 0;
  useMarkRead(id, newest);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [showSettings, setShowSettings] = useState(false);

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

  // The pane fills the screen below its top, so the composer is in view without scrolling (phones too).
  const pane = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = pane.current;
    if (el) el.style.setProperty('--chat-top', `${Math.round(el.getBoundingClientRect().top + window.scrollY)}px`);
  });

  async function loadOlder() {
    const el = scroller.current;
    if (el) anchor.current = { height: el.scrollHeight, top: el.scrollTop };
    setLoadingOlder(true);
    try {
      await engine.loadOlder();
    } finally {
      setLoadingOlder(false);
    }
  }

  const failure = details.error ?? sync.loadError;
  if (isApiError(failure, 404) || isApiError(failure, 400)) {
    return (
      <>
        <PageTitle title="Conversation not found" />
        <EmptyState title="There is no conversation here, or you are not in it." action={<Link to="/chat">All conversations</Link>} />
      </>
    );
  }
  if (failure)
    return (
      <Alert tone="danger" role="alert">
        {errorMessage(failure)}
      </Alert>
    );
  if (!conversation || !sync.loaded) return <Spinner label="Loading conversation" />;

  const name = conversationName(conversation, myId);
  const membersById = new Map(conversation.members.map((m) => [m.id, m]));
  const others = conversation.members.filter((m) => m.id !== myId);
  const typingNames = typingIds.filter((u) => u !== myId).map((u) => membersById.get(u)?.displayName ?? 'Someone');
  const myLast = [...ordered].reverse().find((m) => m.senderId === myId && !m.deleted);
  const seenBy = myLast ? others.filter((m) => m.lastReadSeq >= myLast.seq).map((m) => m.displayName) : [];
  const reconnecting = status === 'disconnected' || sync.resyncing;

  return (
    <div className="chat-pane" ref={pane}>
      <PageTitle
        title={name}
        lead={
          <span className="chat-members">
            {others.map((m) => (
              <span key={m.id} className="chat-member">
                <Avatar id={m.id} name={m.displayName} url={m.avatarUrl} /> <PresenceDot online={m.online} name={m.displayName} />{' '}
                {m.displayName}
              </span>
            ))}
          </span>
        }
        actions={
          <>
            {conversation.kind === 'group' && (
              <Button variant="secondary" size="sm" aria-expanded={showSettings} onClick={() => setShowSettings((open) => !open)}>
                Group settings
              </Button>
            )}
            <Link to="/chat">All conversations</Link>
          </>
        }
      />
      {conversation.kind === 'group' && showSettings && myId && <GroupSettings conversation={conversation} myId={myId} />}
      {reconnecting && (
        <Alert tone="warning" role="status">
          Reconnecting…
        </Alert>
      )}
      <div className="chat-messages" ref={scroller} role="log" aria-label={`Messages in ${name}`} aria-live="polite" tabIndex={0}>
        {sync.hasOlder && (
          <div className="chat-older">
            <Button variant="ghost" size="sm" busy={loadingOlder} onClick={loadOlder}>
              Load earlier messages
            </Button>
          </div>
        )}
        {ordered.length === 0 && pending.length === 0 && <p className="chat-empty">No messages yet. Say hello.</p>}
        <ol className="chat-message-list">
          {ordered.map((m) => (
            <MessageItem
              key={m.seq}
              message={m}
              mine={m.senderId === myId}
              senderName={membersById.get(m.senderId)?.displayName ?? 'Former member'}
              onChanged={(updated) => engine.replace(updated)}
            />
          ))}
          {pending.map((p) => (
            <li key={p.clientId} className="chat-message chat-message-mine chat-message-pending">
              <div className="chat-bubble">{p.body}</div>
              <div className="chat-meta">
                {p.failed ? (
                  <>
                    <span className="field-error">Not sent: {p.failed}</span>{' '}
                    <Button variant="ghost" size="sm" onClick={() => engine.retry(p.clientId)}>
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
        onSend={(body, attachments) => engine.send(body, attachments)}
      />
    </div>
  );
}

function MessageItem({
  message,
  mine,
  senderName,
  onChanged,
}: {
  message: ChatMessageView;
  mine: boolean;
  senderName: string;
  onChanged: (m: ChatMessageView) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body);
  const change = useMutation({
    mutationFn: (body: string | null) =>
      body === null
        ? api.delete<ChatMessageView>(`/chat/messages/${message.id}`)
        : api.patch<ChatMessageView>(`/chat/messages/${message.id}`, { body }),
    onSuccess: (updated) => {
      onChanged(updated);
      setEditing(false);
    },
  });
  const error = change.error ? errorMessage(change.error) : null;

  function save(event: FormEvent) {
    event.preventDefault();
    change.mutate(draft);
  }
  function remove() {
    if (window.confirm('Delete this message?')) change.mutate(null);
  }

  return (
    <li className={cx('chat-message', mine && 'chat-message-mine')}>
      <div className="chat-meta">
        <span className="chat-sender">{mine ? 'You' : senderName}</span>{' '}
        <time dateTime={message.createdAt}>{timeOf(message.createdAt)}</time>
        {message.editedAt && !message.deleted && <span> · edited</span>}
      </div>
      {message.deleted ? (
        <div className="chat-bubble chat-deleted">Message deleted</div>
      ) : editing ? (
        <form onSubmit={save} className="chat-edit">
          <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
            Edit message
          </label>
          <textarea
            id={`edit-${message.id}`}
            value={draft}
            maxLength={CHAT_MESSAGE_MAX_LENGTH}
            onChange={(e) => setDraft(e.target.value)}
            rows={2}
          />
          <Button type="submit" size="sm" disabled={!draft.trim()}>
            Save
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <>
          <div className="chat-bubble" dangerouslySetInnerHTML={{ __html: message.bodyHtml }} />
          <Attachments files={message.attachments ?? []} />
        </>
      )}
      {mine && !message.deleted && !editing && (
        <div className="chat-actions">
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setDraft(message.body);
              setEditing(true);
            }}
          >
            Edit<span className="visually-hidden"> message {message.seq}</span>
          </Button>
          <Button variant="ghost" size="sm" onClick={remove}>
            Delete<span className="visually-hidden"> message {message.seq}</span>
          </Button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function Composer({
  conversationId,
  disabled,
  onSend,
}: {
  conversationId: string;
  disabled: boolean;
  onSend: (body: string, attachments: AttachmentInput[]) => void;
}) {
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<PendingAttachment[]>([]);
  const lastTyping = useRef(0);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!body.trim() || disabled) return;
    onSend(body, toAttachmentInputs(attachments));
    setBody('');
    setAttachments([]);
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
        placeholder={
          disabled
            ? 'You can send messages once your account is approved'
            : 'Write a message (Markdown; Enter sends, Shift+Enter for a new line)'
        }
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <Button type="submit" disabled={disabled || !body.trim()}>
        Send
      </Button>
      {!disabled && <AttachmentPicker value={attachments} onChange={setAttachments} />}
    </form>
  );
}
