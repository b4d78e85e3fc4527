import type { AccountLinkRequested, AccountSecurityChanged } from '@mutuals/identity';
import { template } from './mail-content';

const ACCOUNT_FOOTER = ['This email is about your account, so it is sent whatever your notification settings say.'];
const expiryOf = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

export const passwordReset = template<AccountLinkRequested>({
  people: () => [],
  build: (p, c) => ({
    subject: 'Reset your Mutuals Network password',
    preview: 'Choose a new password with this link.',
    greeting: `Hello ${p.displayName},`,
    paragraphs: [
      'Someone, hopefully you, asked to reset the password of your Mutuals Network account.',
      `The link works once, until ${expiryOf(p.expiresAt)}. If you did not ask for it, ignore this email: your password stays as it is.`,
    ],
    action: { text: 'Choose a new password', url: c.url(p.link) },
    footer: ACCOUNT_FOOTER,
  }),
});

export const emailVerification = template<AccountLinkRequested>({
  people: () => [],
  build: (p, c) => ({
    subject: 'Confirm your email address',
    preview: 'One click to confirm this is your address.',
    greeting: `Hello ${p.displayName},`,
    paragraphs: [
      'Please confirm that this is your email address, so that coordinators know they can reach you.',
      `The link works until ${expiryOf(p.expiresAt)}.`,
    ],
    action: { text: 'Confirm my email address', url: c.url(p.link) },
    footer: ACCOUNT_FOOTER,
  }),
});

export const emailChange = template<AccountLinkRequested>({
  people: () => [],
  build: (p, c) => ({
    subject: 'Confirm your new email address',
    preview: 'Confirm the change of address on your account.',
    greeting: `Hello ${p.displayName},`,
    paragraphs: [
      'You asked to use this address for your Mutuals Network account. It changes once you confirm it.',
      `The link works until ${expiryOf(p.expiresAt)}. If you did not ask for this, ignore this email.`,
    ],
    action: { text: 'Confirm my new address', url: c.url(p.link) },
    footer: ACCOUNT_FOOTER,
  }),
});

const SECURITY_WORDING: Record<AccountSecurityChanged['change'], (p: AccountSecurityChanged) => { subject: string; what: string }> = {
  'password-changed': () => ({ subject: 'Your password was changed', what: 'The password of your account was changed.' }),
  'password-reset': () => ({
    subject: 'Your password was reset',
    what: 'The password of your account was reset with a link sent to this address.',
  }),
  'email-changed': (p) => ({
    subject: 'Your email address was changed',
    what: `Your account now uses ${p.newEmail ?? 'a new address'}; mail will no longer come to this one.`,
  }),
};

export const securityNotice = template<AccountSecurityChanged>({
  people: () => [],
  build: (p, c) => {
    const { subject, what } = SECURITY_WORDING[p.change](p);
    return {
      subject,
      preview: what,
      greeting: `Hello ${p.displayName},`,
      paragraphs: [what, 'If this was you, there is nothing to do. If it was not, reset your password now and tell a coordinator.'],
      action: { text: 'Reset my password', url: c.url('/forgot-password') },
      footer: ACCOUNT_FOOTER,
    };
  },
});

export const accountApproved = template<Record<string, never>>({
  people: () => [],
  build: (_, c) => ({
    subject: 'Welcome to Mutuals Network: your account is approved',
    preview: 'You can now post, chat and ask for a mentor.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      'A coordinator has approved your account. You can now take part in the forums, chat with other members and ask for a mentor.',
    ],
    action: { text: 'Find a mentor', url: c.url('/mentoring') },
    footer: [],
  }),
});

export const accountRejected = template<{ reason: string | null }>({
  people: () => [],
  build: (p, c) => ({
    subject: 'About your Mutuals Network application',
    preview: 'A coordinator could not approve your account.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      'Thank you for applying. A coordinator could not approve your account this time.',
      ...(p.reason ? [`Their reason: ${p.reason}`] : []),
      'The eligibility check explains who the programme is for and what to do next.',
    ],
    action: { text: 'Check eligibility', url: c.url('/eligibility') },
    footer: [],
  }),
});
