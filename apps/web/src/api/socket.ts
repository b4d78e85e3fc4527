// The one socket.io connection the client keeps for chat, forums and notifications. It signs in
// with the session cookie (same origin), reconnects by itself, and every emit waits for its ack.
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AckResult } from './ack';

let socket: Socket | null = null;

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

export function getSocket(): Socket {
  // A socket the server refused (signed out at the time) never retries: start a new one.
  if (socket && !socket.active) socket = null;
  socket ??= io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
  return socket;
}

/** Closes the connection (sign-out); the next getSocket() opens a new, re-authenticated one. */
export function closeSocket(): void {
  socket?.disconnect();
  socket = null;
}

export type { AckResult } from './ack';

/** Emits and resolves with the server's acknowledgement, or a timeout error after `timeoutMs`. */
export function request<T extends object>(event: string, payload: unknown, timeoutMs = 10_000): Promise<AckResult<T>> {
  return new Promise((resolve) => {
    getSocket()
      .timeout(timeoutMs)
      .emit(event, payload, (error: Error | null, answer: AckResult<T>) => {
        resolve(error ? { ok: false, error: { code: 'timeout', message: 'The server did not answer in time' } } : answer);
      });
  });
}

/** Subscribes a component to one server event for as long as it is mounted. */
export function useSocketEvent<T>(event: string, handler: (payload: T) => void, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const s = getSocket();
    s.on(event, handler);
    return () => {
      s.off(event, handler);
    };
  }, [event, handler, enabled]);
}

/** Connected or not, for a "reconnecting" banner; `onReconnect` is where a page re-syncs. */
export function useSocketStatus(onReconnect?: () => void): SocketStatus {
  const [status, setStatus] = useState<SocketStatus>(() => (getSocket().connected ? 'connected' : 'connecting'));
  useEffect(() => {
    const s = getSocket();
    const up = () => {
      setStatus('connected');
      onReconnect?.();
    };
    const down = () => setStatus('disconnected');
    s.on('connect', up);
    s.on('disconnect', down);
    s.on('connect_error', down);
    return () => {
      s.off('connect', up);
      s.off('disconnect', down);
      s.off('connect_error', down);
    };
  }, [onReconnect]);
  return status;
}
