import { DomainEvents } from '@mutuals/core';
import type { AccountLinkRequested, AccountSecurityChanged } from '@mutuals/identity';
import type { TestApp } from './test-app';

const LINK_EVENTS = [
  'identity.password-reset.requested',
  'identity.email-verification.requested',
  'identity.email-change.requested',
] as const;
export type AccountLinkKind = (typeof LINK_EVENTS)[number];

/**
 * What identity asks to be mailed, observed on its events: the links (with their single-use
 * token, which no API answer carries) and the security notices.
 */
export function watchAccountMail(t: TestApp) {
  const events = t.app.get(DomainEvents);
  const links: (AccountLinkRequested & { kind: AccountLinkKind })[] = [];
  const notices: AccountSecurityChanged[] = [];
  const stops = [
    ...LINK_EVENTS.map((kind) => events.observe(kind, (payload) => links.push({ ...payload, kind }))),
    events.observe('identity.security.changed', (payload) => notices.push(payload)),
  ];
  return {
    links,
    notices,
    /** The latest link of that kind sent to the address. */
    lastLink(email: string, kind: AccountLinkKind): AccountLinkRequested {
      const found = links.filter((l) => l.email === email.toLowerCase() && l.kind === kind).at(-1);
      if (!found) throw new Error(`no ${kind} mail to ${email}`);
      return found;
    },
    linksTo(email: string): number {
      return links.filter((l) => l.email === email.toLowerCase()).length;
    },
    stop: () => stops.forEach((stop) => stop()),
  };
}

/** The single-use token, read only from the mailed link. */
export const tokenOf = (link: string): string => new URL(link).searchParams.get('token') ?? '';
