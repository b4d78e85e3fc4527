// Accounts and sessions: /auth/*, /me and /admin/members (shared/API.md).
import type { IsoDateTime, PageQuery, Uuid } from './common';
import type { ProfileView } from './profiles';

export type Role = 'member' | 'coordinator' | 'admin';

/** `pending` until a coordinator approves (then `active`) or rejects the application (`rejected`); or `suspended`. */
export type AccountStatus = 'pending' | 'active' | 'suspended' | 'rejected';

export interface UserView {
  id: Uuid;
  email: string;
  displayName: string;
  handle: string;
  role: Role;
  status: AccountStatus;
  /** The avatar's immutable URL, or null: clients show initials in a colour. */
  avatarUrl: string | null;
}

/** POST /auth/register */
export interface RegisterRequest {
  email: string;
  /** 10 to 256 characters. */
  password: string;
  displayName: string;
}

/** POST /auth/login */
export interface LoginRequest {
  email: string;
  password: string;
}

/** 201 from POST /auth/register, 200 from POST /auth/login. */
export interface AuthResult {
  user: UserView;
  /** Bearer token for API clients; the web client uses the `sid` cookie instead. */
  token: string;
}

/** GET /me */
export interface MeView {
  user: UserView;
  profile: ProfileView;
}

/** POST /admin/members/:id/reject */
export interface RejectMemberRequest {
  /** Shown to the applicant when they sign in, and in what they are told. */
  reason: string;
}

/** GET /auth/session: 200 for everyone, `user` null when signed out (so a visitor's browser logs no 401). */
export interface SessionView {
  user: MeView | null;
}

/** GET /admin/members?status= */
export interface AdminMemberQuery extends PageQuery {
  status?: AccountStatus;
  role?: Role;
  /** A part of the name, handle or email address. */
  q?: string;
  /** Sector slug: the member's own sectors or their organisation's. */
  sector?: string;
  /** Region slug: the member's, or else their organisation's. */
  region?: string;
}

/** POST /admin/members/:id/role. Only an admin gives or takes away the admin role; nobody changes their own. */
export interface ChangeRoleRequest {
  role: Role;
}

/** An item of GET /admin/members, and the answer of POST /admin/members/:id/approve and .../suspend. */
export interface AdminMemberView extends UserView {
  createdAt: IsoDateTime;
  /** The name of the member's organisation, when they belong to one. */
  organisationName?: string | null;
  /** Whether the member has proved they read mail at `email`. */
  emailVerified: boolean;
}
