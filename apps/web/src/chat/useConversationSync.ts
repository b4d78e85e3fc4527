// One conversation's messages on screen: the ConversationSync engine on the app's socket, its
// state read with useSyncExternalStore, and what it holds mirrored into the query cache so a
// conversation opened again starts from there and only syncs what is new.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ChatHistoryPage } from '@mutuals/contracts';
import { chatKeys } from '../api/chat';
import { api } from '../api/client';
import { newClientId } from '../api/clientId';
import { getSocket, request } from '../api/socket';
import { ConversationSync, type HeldHistory, type SyncSocket } from './conversationSync';

const PAGE = 50;

type Listener = (...args: unknown[]) => void;

/** The app's socket.io connection as the engine sees it. */
const appSocket: SyncSocket = {
  on: (event, listener) => getSocket().on(event, listener as Listener),
  off: (event, listener) => getSocket().off(event, listener as Listener),
  request,
};

export function useConversationSync(conversationId: string) {
  const client = useQueryClient();
  const engine = useMemo(
    () =>
      new ConversationSync({
        conversationId,
        socket: appSocket,
        history: {
          latest: () => api.get<ChatHistoryPage>(`/chat/conversations/${conversationId}/messages`, { query: { limit: PAGE } }),
          before: (seq) => api.get<ChatHistoryPage>(`/chat/conversations/${conversationId}/messages`, { query: { limit: PAGE, beforeSeq: seq } }),
        },
        newClientId,
        initial: client.getQueryData<HeldHistory>(chatKeys.history(conversationId)),
      }),
    [client, conversationId],
  );

  useEffect(() => engine.start(), [engine]);
  useEffect(
    () =>
      engine.subscribe(() => {
        const { loaded, messages, hasOlder } = engine.getSnapshot();
        if (loaded) client.setQueryData<HeldHistory>(chatKeys.history(conversationId), { messages, hasOlder });
      }),
    [client, conversationId, engine],
  );

  const snapshot = useSyncExternalStore(engine.subscribe, engine.getSnapshot);
  return { ...snapshot, engine };
}
