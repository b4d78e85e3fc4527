// The header's links, in order. Add an entry here when you add a page to routes.tsx.
//   audience 'public':      everyone
//   audience 'guest':       only when signed out
//   audience 'member':      any signed-in member
//   audience 'coordinator': coordinators and admins, shown in the "Coordinator" group
import type { ComponentType } from 'react';
import { ChatUnreadBadge } from './components/ChatUnreadBadge';

export type NavAudience = 'public' | 'guest' | 'member' | 'coordinator';

export interface NavItem {
  to: string;
  label: string;
  audience: NavAudience;
  /** Highlight only on an exact path match (for '/'-like prefixes). */
  end?: boolean;
  /** Shown inside the link, e.g. an unread count. */
  badge?: ComponentType;
}

export const navItems: NavItem[] = [
  { to: '/forums', label: 'Forums', audience: 'member' },
  { to: '/chat', label: 'Chat', audience: 'member', badge: ChatUnreadBadge },
  { to: '/mentoring', label: 'Mentoring', audience: 'member' },
  { to: '/resources', label: 'Resources', audience: 'member' },
  { to: '/stories', label: 'Stories', audience: 'public' },
  { to: '/support', label: 'Advice', audience: 'member' },
  { to: '/partnerships', label: 'Partnerships', audience: 'member' },
  { to: '/members', label: 'Members', audience: 'member' },
  { to: '/settings', label: 'Settings', audience: 'member' },
  { to: '/eligibility', label: 'Check eligibility', audience: 'guest' },
  { to: '/admin', label: 'Dashboard', audience: 'coordinator', end: true },
  { to: '/admin/members', label: 'People', audience: 'coordinator' },
  { to: '/admin/matching', label: 'Matching', audience: 'coordinator' },
  { to: '/admin/mentorships', label: 'Mentorships', audience: 'coordinator' },
  { to: '/admin/mentoring', label: 'Concerns', audience: 'coordinator' },
  { to: '/admin/flags', label: 'Flags', audience: 'coordinator' },
  { to: '/admin/forums/categories', label: 'Categories', audience: 'coordinator' },
  { to: '/admin/stories', label: 'Story review', audience: 'coordinator' },
  { to: '/admin/support', label: 'Support', audience: 'coordinator' },
  { to: '/admin/mail', label: 'Mailbox', audience: 'coordinator' },
  { to: '/admin/reports', label: 'Reports', audience: 'coordinator' },
  { to: '/admin/integrations', label: 'Integrations', audience: 'coordinator' },
];
