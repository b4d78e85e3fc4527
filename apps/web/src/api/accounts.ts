// The member's own account: recovery, verification, settings, deletion and organisation sign-in.
import { queryOptions } from '@tanstack/react-query';
import type {
  AccountSettingsView,
  ChangeEmailRequest,
  ChangePasswordRequest,
  DeleteAccountRequest,
  EmailConfirmedView,
  OidcProviderView,
  ResetPasswordRequest,
} from '@mutuals/contracts';
import { api, request } from './client';

export const accountKeys = {
  settings: ['account', 'settings'] as const,
  providers: ['account', 'oidc-providers'] as const,
};

export const settingsQuery = queryOptions({
  queryKey: accountKeys.settings,
  queryFn: ({ signal }) => api.get<AccountSettingsView>('/me/settings', { signal }),
});

/** The organisations' identity providers: configured once per deployment, so kept for the visit. */
export const providersQuery = queryOptions({
  queryKey: accountKeys.providers,
  queryFn: ({ signal }) => api.get<OidcProviderView[]>('/auth/oidc/providers', { signal }),
  staleTime: Infinity,
});

export const accounts = {
  forgotPassword: (email: string) => api.post<void>('/auth/password/forgot', { email }),
  resetPassword: (body: ResetPasswordRequest) => api.post<void>('/auth/password/reset', body),
  confirmEmail: (token: string) => api.post<EmailConfirmedView>('/auth/email/verify', { token }),
  resendVerification: () => api.post<void>('/auth/email/verify/resend'),
  changeEmail: (body: ChangeEmailRequest) => api.post<void>('/me/email', body),
  changePassword: (body: ChangePasswordRequest) => api.post<void>('/me/password', body),
  deleteAccount: (body: DeleteAccountRequest) => request<void>('DELETE', '/me', body),
};

/** Where "Download my data" points: a GET answered with a JSON attachment. */
export const EXPORT_URL = '/api/v1/me/export';

/** Why an organisation sign-in sent the person back to the sign-in page (OidcController). */
export const PROVIDER_REFUSALS: Record<string, string> = {
  'unverified-email':
    'Your organisation did not confirm that email address, so we could not link it to your Mutuals Network account. Sign in with your password instead.',
  'no-email': 'Your organisation did not share an email address with us, so we could not sign you in.',
  suspended: 'This account is suspended. Contact a programme coordinator.',
  failed: 'Signing in through your organisation did not work. Please try again.',
};
