// The signed-in member: GET /auth/session (200 with `user: null` when signed out) held in the
// query cache under sessionKeys.me, so anything that learns the member changed (an approval
// arriving live, a profile save) updates every component at once.
import { useCallback, useMemo } from 'react';
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AuthResult, LoginRequest, MeView, RegisterRequest, Role, SessionView } from '@mutuals/contracts';
import { api, isApiError } from './client';
import { closeSocket } from './socket';

export const sessionKeys = {
  me: ['session', 'me'] as const,
};

export const sessionQuery = queryOptions({
  queryKey: sessionKeys.me,
  queryFn: async ({ signal }) => (await api.get<SessionView>('/auth/session', { signal })).user,
  staleTime: 5 * 60_000,
});

export interface Session {
  /** The current member, or null when signed out. */
  me: MeView | null;
  /** True until the first answer about the session. */
  loading: boolean;
  /** Load the session again (after a profile change, say); resolves to the new value. */
  refresh: () => Promise<MeView | null>;
  signIn: (credentials: LoginRequest) => Promise<MeView | null>;
  /** Register, then make sure a session is open (signing in if registration did not set one). */
  register: (details: RegisterRequest) => Promise<MeView | null>;
  signOut: () => Promise<void>;
}

/** Drops every cached answer that belonged to the previous person, keeping the session entry. */
function forgetOtherQueries(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.me[0] });
}

/** A new person in this tab: a fresh socket, nothing cached from before, and their session. */
async function startSession(client: QueryClient): Promise<MeView | null> {
  closeSocket(); // the next one signs in with the new session
  forgetOtherQueries(client);
  return client.fetchQuery({ ...sessionQuery, staleTime: 0 });
}

export function useSession(): Session {
  const client = useQueryClient();
  const { data, isPending } = useQuery(sessionQuery);

  const refresh = useCallback(() => client.fetchQuery({ ...sessionQuery, staleTime: 0 }), [client]);

  const signIn = useCallback(
    async (credentials: LoginRequest) => {
      await api.post<AuthResult>('/auth/login', credentials);
      return startSession(client);
    },
    [client],
  );

  const register = useCallback(
    async (details: RegisterRequest) => {
      await api.post<AuthResult>('/auth/register', details);
      const next = await startSession(client);
      return next ?? signIn({ email: details.email, password: details.password });
    },
    [client, signIn],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout');
    } catch (error) {
      if (!isApiError(error, 401)) throw error;
    } finally {
      closeSocket();
      client.setQueryData(sessionKeys.me, null);
      forgetOtherQueries(client);
    }
  }, [client]);

  const me = data ?? null;
  return useMemo<Session>(() => ({ me, loading: isPending, refresh, signIn, register, signOut }), [me, isPending, refresh, signIn, register, signOut]);
}

export function isCoordinator(role: Role | undefined): boolean {
  return role === 'coordinator' || role === 'admin';
}
