// A group's settings on its conversation page: its creator renames it and adds or removes members;
// any other member can leave it. Every change goes through the chat API and into the query cache.
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConversationView } from '@mutuals/contracts';
import { chatKeys, conversationQuery } from '../../api/chat';
import { api, isApiError } from '../../api/client';
import { directoryQuery } from '../../api/members';
import { pageItems } from '../../api/queryClient';
import { Button, Card, TextField, ActionFeedback } from '../../components';

export function GroupSettings({ conversation, myId }: { conversation: ConversationView; myId: string }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const resultsId = useId();
  const owner = conversation.members.find((m) => m.id === myId)?.role === 'owner';
  const [title, setTitle] = useState(conversation.title ?? '');
  const [search, setSearch] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const changed = (view: ConversationView | null, message: string) => {
    if (view) client.setQueryData(conversationQuery(conversation.id).queryKey, view);
    else void client.invalidateQueries({ queryKey: chatKeys.conversation(conversation.id) });
    void client.invalidateQueries({ queryKey: chatKeys.conversations() });
    setNotice(message);
  };
  const rename = useMutation({
    mutationFn: (next: string) => api.patch<ConversationView>(`/chat/conversations/${conversation.id}`, { title: next }),
    onSuccess: (view) => changed(view, `The group is now called ${view.title}.`),
  });
  const add = useMutation({
    mutationFn: (member: { id: string; displayName: string }) =>
      api.post<ConversationView>(`/chat/conversations/${conversation.id}/members/${member.id}`),
    onSuccess: (view, member) => {
      setSearch('');
      changed(view, `${member.displayName} is now in the group.`);
    },
  });
  const remove = useMutation({
    mutationFn: (member: { id: string; displayName: string }) =>
      api.delete<void>(`/chat/conversations/${conversation.id}/members/${member.id}`),
    onSuccess: (_, member) => {
      if (member.id === myId) {
        void client.invalidateQueries({ queryKey: chatKeys.conversations() });
        navigate('/chat');
      } else {
        changed(null, `${member.displayName} has left the group.`);
      }
    },
  });

  const inGroup = new Set(conversation.members.map((m) => m.id));
  const query = search.trim();
  const found = useInfiniteQuery({ ...directoryQuery({ q: query }), enabled: owner && query.length >= 2 });
  const candidates = pageItems(found.data)
    .filter((m) => !inGroup.has(m.id))
    .slice(0, 5);
  const error = rename.error ?? add.error ?? remove.error;

  return (
    <Card title="Group settings" className="group-settings">
      <ActionFeedback notice={notice} error={error} />
      {owner && (
        <form
          className="inline-form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            rename.mutate(title);
          }}
        >
          <TextField
            label="Group name"
            name="title"
            value={title}
            maxLength={120}
            onChange={(event) => setTitle(event.target.value)}
            error={isApiError(rename.error) ? rename.error.fieldErrors.title : undefined}
          />
          <Button type="submit" variant="secondary" busy={rename.isPending}>
            Rename
          </Button>
        </form>
      )}
      <h3>Members</h3>
      <ul className="plain-list">
        {conversation.members.map((m) => (
          <li key={m.id} className="row-between">
            <span>
              {m.displayName}
              {m.role === 'owner' && <span className="muted"> (created the group)</span>}
              {m.id === myId && <span className="muted"> (you)</span>}
            </span>
            {owner && m.id !== myId && (
              <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate(m)}>
                Remove<span className="visually-hidden"> {m.displayName}</span>
              </Button>
            )}
            {!owner && m.id === myId && (
              <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate(m)}>
                Leave the group
              </Button>
            )}
          </li>
        ))}
      </ul>
      {owner && (
        <>
          <TextField
            label="Add a member"
            hint="Type two or more letters of their name"
            name="add-member"
            type="search"
            value={search}
            aria-controls={resultsId}
            onChange={(event) => setSearch(event.target.value)}
          />
          <ul id={resultsId} className="plain-list" aria-label="Members to add">
            {candidates.map((m) => (
              <li key={m.id} className="row-between">
                <span>
                  {m.displayName} <span className="muted">@{m.handle}</span>
                </span>
                <Button size="sm" variant="secondary" busy={add.isPending && add.variables?.id === m.id} onClick={() => add.mutate(m)}>
                  Add<span className="visually-hidden"> {m.displayName}</span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
