import type { AccountStatus, Role } from './entities/user.entity';

export type { AccountStatus, Role };

/** Who is calling, as the guard resolved it from the session token. */
export interface AuthUser {
  id: string;
  role: Role;
  status: AccountStatus;
  sessionId: string;
  /** How the token came: a cookie needs the CSRF check on unsafe methods; a bearer does not. */
  via: 'cookie' | 'bearer';
}

/** What other libs may know of a member's account. */
export interface UserSummary {
  id: string;
  displayName: string;
  handle: string;
  role: Role;
  status: AccountStatus;
}

export interface UserChanged {
  user: UserSummary;
  reason: 'registered' | 'renamed' | 'approved' | 'suspended' | 'role-changed';
}

export interface SessionsRevoked {
  userId: string;
  /** null: every session of the member (suspension). */
  sessionIds: string[] | null;
}

export const isCoordinator = (user: { role: Role }) => user.role === 'coordinator' || user.role === 'admin';

declare module '@mutuals/core' {
  interface DomainEventMap {
    'identity.user.changed': UserChanged;
    'identity.sessions.revoked': SessionsRevoked;
  }
}
