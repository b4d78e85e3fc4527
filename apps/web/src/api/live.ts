// The socket events every signed-in page needs, written into the query cache once for the whole
// app (mounted by the Layout): pages read the cache and never fetch on an event themselves.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ChatMessageView, ChatReadBroadcast, NotificationView, PresenceBroadcast } from '@mutuals/contracts';
import { chatKeys, chatLive } from './chat';
import { notificationArrived, notificationKeys } from './notifications';
import { getSocket } from './socket';

export function useLiveUpdates(myId: string | undefined): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!myId) return;
    const socket = getSocket();
    const handlers: Record<string, (payload: never) => void> = {
      notification: (n: NotificationView) => notificationArrived(client, n),
      'chat:message': (m: ChatMessageView) => chatLive.message(client, m, myId),
      'chat:read': (event: ChatReadBroadcast) => chatLive.read(client, event, myId),
      presence: (event: PresenceBroadcast) => chatLive.presence(client, event),
    };
    // Whatever happened while the socket was down is fetched again.
    const reconnected = () => {
      void client.invalidateQueries({ queryKey: chatKeys.conversations() });
      void client.invalidateQueries({ queryKey: [...chatKeys.all, 'conversation'] });
      void client.invalidateQueries({ queryKey: notificationKeys.all });
    };
    type Listener = (...args: unknown[]) => void;
    for (const [event, handler] of Object.entries(handlers)) socket.on(event, handler as Listener);
    socket.io.on('reconnect', reconnected);
    return () => {
      for (const [event, handler] of Object.entries(handlers)) socket.off(event, handler as Listener);
      socket.io.off('reconnect', reconnected);
    };
  }, [client, myId]);
}
