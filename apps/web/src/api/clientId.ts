// Client-made ids for writes that may be retried (chat messages, forum posts): the server stores
// one thing per id, so sending again after a lost answer never doubles it.
import { useCallback, useState } from 'react';

/** A random UUID (crypto.randomUUID needs a secure context; plain http on a LAN has none). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the thing being composed: the same on every retry, a new one once it is sent. */
export function useClientId(): { id: string; renew: () => void } {
  const [id, setId] = useState(newClientId);
  const renew = useCallback(() => setId(newClientId()), []);
  return { id, renew };
}
