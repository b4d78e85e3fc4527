// The signed-in member, loaded from GET /me (401 means signed out), shared through context.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AuthResult, LoginRequest, MeView, RegisterRequest, Role } from '@mutuals/contracts';
import { api, isApiError } from './client';
import { closeSocket } from './socket';

export interface Session {
  /** The current member, or null when signed out. */
  me: MeView | null;
  /** True until the first GET /me has answered. */
  loading: boolean;
  /** Load GET /me again (after a profile change, say); resolves to the new value. */
  refresh: () => Promise<MeView | null>;
  signIn: (credentials: LoginRequest) => Promise<MeView | null>;
  /** Register, then make sure a session is open (signing in if registration did not set one). */
  register: (details: RegisterRequest) => Promise<MeView | null>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

async function fetchMe(): Promise<MeView | null> {
  try {
    return await api.get<MeView>('/me');
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeView | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const next = await fetchMe();
      setMe(next);
      return next;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setMe(null));
  }, [refresh]);

  const signIn = useCallback(
    async (credentials: LoginRequest) => {
      await api.post<AuthResult>('/auth/login', credentials);
      closeSocket(); // the next one signs in with the new session
      return refresh();
    },
    [refresh],
  );

  const register = useCallback(
    async (details: RegisterRequest) => {
      await api.post<AuthResult>('/auth/register', details);
      closeSocket();
      const next = await refresh();
      return next ?? signIn({ email: details.email, password: details.password });
    },
    [refresh, signIn],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout');
    } catch (error) {
      if (!isApiError(error, 401)) throw error;
    } finally {
      closeSocket();
      setMe(null);
    }
  }, []);

  const value = useMemo<Session>(
    () => ({ me, loading, refresh, signIn, register, signOut }),
    [me, loading, refresh, signIn, register, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it');
  return session;
}

export function isCoordinator(role: Role | undefined): boolean {
  return role === 'coordinator' || role === 'admin';
}
