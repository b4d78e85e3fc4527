// The member's own account: recovery, verification, settings, deletion, download, and OpenID
// sign-in (/auth/password/*, /auth/email/*, /auth/oidc/*, /me/settings, /me/password, /me/email,
// DELETE /me, /me/export). Tokens travel only in mailed links, never in an answer.
import type { IsoDateTime } from './common';

/** POST /auth/password/forgot: answered 202 whether or not an account uses the address. */
export interface ForgotPasswordRequest {
  email: string;
}

/** POST /auth/password/reset: 204; every session of the account is signed out. */
export interface ResetPasswordRequest {
  /** From the `token` query parameter of the mailed link. */
  token: string;
  /** 10 to 256 characters. */
  password: string;
}

/** POST /auth/email/verify: follows a verification or email-change link. */
export interface VerifyEmailRequest {
  token: string;
}

/** 200 from POST /auth/email/verify. */
export interface EmailConfirmedView {
  /** The account's address now. */
  email: string;
  change: 'verified' | 'email-changed';
}

/** GET /me/settings */
export interface AccountSettingsView {
  email: string;
  emailVerified: boolean;
  emailVerifiedAt: IsoDateTime | null;
  /** Ids of the organisation identity providers this account signs in with. */
  linkedProviders: string[];
}

/** POST /me/password: 204; the member's other sessions are signed out. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** POST /me/email: 202; the address changes once the link mailed to `newEmail` is followed. */
export interface ChangeEmailRequest {
  newEmail: string;
  password: string;
}

/** DELETE /me: 204. */
export interface DeleteAccountRequest {
  password: string;
  /** Erase my forum posts too, instead of keeping them as "Former member". */
  erase?: boolean;
}

/** An item of GET /auth/oidc/providers: one "Sign in with ..." button each. */
export interface OidcProviderView {
  id: string;
  name: string;
  /** Where the button goes: GET, answered with a redirect to the provider. */
  startUrl: string;
}
