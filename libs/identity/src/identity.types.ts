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
  /** Present when the bearer is a personal API token: the guard holds each request to its scopes. */
  apiToken?: { id: string; scopes: string[] };
}

/** What other libs may know of a member's account. */
export interface UserSummary {
  id: string;
  displayName: string;
  handle: string;
  role: Role;
  status: AccountStatus;
  /** `/api/v1/files/:id/:hash`, or null: show initials. */
  avatarUrl: string | null;
}

/** A member's summary with the address mail goes to. */
export interface UserContact extends UserSummary {
  email: string;
}

export interface UserChanged {
  user: UserSummary;
  reason: 'registered' | 'renamed' | 'approved' | 'rejected' | 'suspended' | 'reinstated' | 'role-changed' | 'avatar-changed';
  /** Why a coordinator rejected an applicant; shown to the applicant. */
  rejectionReason?: string;
}

/** Account mail carrying a single-use link (reset, verification, email change); only the mail holds the token. */
export interface AccountLinkRequested {
  userId: string;
  /** Where the mail goes: the new address for an email change, the account's address otherwise. */
  email: string;
  displayName: string;
  link: string;
  expiresAt: string;
}

/** A security change the member is told of, at the address that had the account before it. */
export interface AccountSecurityChanged {
  userId: string;
  email: string;
  displayName: string;
  change: 'password-changed' | 'password-reset' | 'email-changed';
  newEmail?: string;
}

/** A member deleted their account: each lib removes or anonymises what it holds of them. */
export interface AccountDeleted {
  userId: string;
  /** The member asked for their posts to be erased too, not kept as "former member". */
  erase: boolean;
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
    'identity.password-reset.requested': AccountLinkRequested;
    'identity.email-verification.requested': AccountLinkRequested;
    'identity.email-change.requested': AccountLinkRequested;
    'identity.security.changed': AccountSecurityChanged;
    'identity.account.deleted': AccountDeleted;
  }
}
