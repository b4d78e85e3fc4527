// /chat: the member's conversations, newest activity first, with unread badges and who is online.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConversationView, PublicProfileView } from '@mutuals/contracts';
import { chatKeys, conversationsQuery } from '../../api/chat';
import { api, errorMessage, isApiError } from '../../api/client';
import { directoryQuery } from '../../api/members';
import { useSession } from '../../api/session';
import { markdownPreview } from '../../chat/plainText';
import { Alert, Badge, Button, EmptyState, FormError, PageTitle, Spinner, TextField } from '../../components';
import { PresenceDot, conversationName } from './chatShared';

export function ChatListPage() {
  const { me } = useSession();
  const myId = me?.user.id;
  const { data: conversations, error } = useQuery(conversationsQuery());
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageTitle
        title="Chat"
        lead="Direct messages, groups and your mentoring conversations."
        actions={<Button onClick={() => setCreating(true)}>New group</Button>}
      />
      {creating && <NewGroupDialog onClose={() => setCreating(false)} />}
      {error && (
        <Alert tone="danger" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {!conversations && !error && <Spinner label="Loading conversations" />}
      {conversations?.length === 0 && (
        <EmptyState title="No conversations yet." action={<Link to="/members">Find a member to message</Link>}>
          Start one from a member's page, or make a group.
        </EmptyState>
      )}
      {conversations && conversations.length > 0 && (
        <ul className="conversation-list" aria-label="Conversations">
          {conversations.map((c) => (
            <ConversationRow key={c.id} conversation={c} myId={myId} />
          ))}
        </ul>
      )}
    </>
  );
}

function ConversationRow({ conversation, myId }: { conversation: ConversationView; myId?: string }) {
  const name = conversationName(conversation, myId);
  const others = conversation.members.filter((m) => m.id !== myId);
  const last = conversation.lastMessage;
  const preview = last ? (last.deleted ? 'Message deleted' : markdownPreview(last.body)) : 'No messages yet';
  return (
    <li className="conversation-row">
      <Link to={`/chat/${conversation.id}`} className="conversation-link">
        <span className="conversation-presence">
          {others.slice(0, 3).map((m) => (
            <PresenceDot key={m.id} online={m.online} name={m.displayName} />
          ))}
        </span>
        <span className="conversation-main">
          <span className="conversation-name">
            {name}
            {conversation.kind !== 'direct' && (
              <span className="conversation-kind"> · {conversation.kind === 'group' ? 'Group' : 'Mentoring'}</span>
            )}
          </span>
          <span className="conversation-preview">{preview}</span>
        </span>
        {conversation.unreadCount > 0 && <Badge tone="info">{`${conversation.unreadCount} unread`}</Badge>}
      </Link>
    </li>
  );
}

/** Title and members (searched by name) of a new group; opens it once made. */
function NewGroupDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const { me } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PublicProfileView[]>([]);
  const client = useQueryClient();
  // Searching as the person types, once they pause; earlier results stay on screen meanwhile.
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const found = useInfiniteQuery({
    ...directoryQuery({ q: search, limit: 8 }),
    enabled: search.length >= 2,
    placeholderData: keepPreviousData,
  });
  const results = query.trim().length >= 2 ? (found.data?.pages[0]?.items ?? []).filter((p) => p.id !== me?.user.id) : [];

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
  }, []);

  const create = useMutation({
    mutationFn: () => api.post<ConversationView>('/chat/conversations', { kind: 'group', title, memberIds: chosen.map((p) => p.id) }),
    onSuccess: (conversation) => {
      void client.invalidateQueries({ queryKey: chatKeys.conversations() });
      navigate(`/chat/${conversation.id}`);
    },
  });
  const busy = create.isPending;
  const error = create.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  const fieldErrors = isApiError(error) ? error.fieldErrors : {};
  return (
    <dialog ref={dialog} className="chat-dialog" aria-labelledby="new-group-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="new-group-title">New group</h2>
        {error && <FormError error={errorMessage(error)} fieldErrors={fieldErrors} />}
        <TextField
          label="Group name"
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldErrors.title}
          required
          maxLength={120}
        />
        <TextField
          label="Add members"
          name="memberSearch"
          hint="Type at least two letters of a name"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          error={fieldErrors.memberIds}
        />
        {results.length > 0 && (
          <ul className="member-results" aria-label="Matching members">
            {results.map((p) => (
              <li key={p.id}>
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={chosen.some((c) => c.id === p.id)}
                  onClick={() => setChosen((list) => [...list, p])}
                >
                  Add {p.displayName}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {chosen.length > 0 && (
          <ul className="member-chosen" aria-label="Members of the new group">
            {chosen.map((p) => (
              <li key={p.id}>
                {p.displayName}{' '}
                <Button variant="ghost" size="sm" onClick={() => setChosen((list) => list.filter((c) => c.id !== p.id))}>
                  Remove <span className="visually-hidden">{p.displayName}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <Button type="submit" busy={busy} disabled={chosen.length === 0 || !title.trim()}>
            Create group
          </Button>
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
        </div>
      </form>
    </dialog>
  );
}
