// Every page of the client. To add one: import its component and add an entry; `auth` puts it
// behind sign-in ('member') or the coordinator role ('coordinator'). Add a header link in nav.ts.
import type { ReactNode } from 'react';
import type { RouteAuth } from './components';
import { AdminMembersPage } from './pages/AdminMembersPage';
import { ChatListPage } from './pages/chat/ChatListPage';
import { ConversationPage } from './pages/chat/ConversationPage';
import { messageMemberAction } from './pages/chat/MessageMemberButton';
import { DirectoryPage } from './pages/DirectoryPage';
import { EditProfilePage } from './pages/EditProfilePage';
import { EligibilityPage } from './pages/EligibilityPage';
import { AdminFlagsPage } from './pages/forums/AdminFlagsPage';
import { CategoryPage } from './pages/forums/CategoryPage';
import { ForumSearchPage } from './pages/forums/ForumSearchPage';
import { ForumsPage } from './pages/forums/ForumsPage';
import { ThreadPage } from './pages/forums/ThreadPage';
import { LandingPage } from './pages/LandingPage';
import { AdminMailboxPage } from './pages/mail/AdminMailboxPage';
import { NotificationSettingsPage } from './pages/mail/NotificationSettingsPage';
import { UnsubscribePage } from './pages/mail/UnsubscribePage';
import { MemberPage, type MemberAction } from './pages/MemberPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { OnboardingPage } from './pages/OnboardingPage';
import { RegisterPage } from './pages/RegisterPage';
import { SignInPage } from './pages/SignInPage';
import { AdminMatchingPage } from './pages/mentoring/AdminMatchingPage';
import { MentoringPage } from './pages/mentoring/MentoringPage';
import { MentorshipPage } from './pages/mentoring/MentorshipPage';
import { requestMentoringAction } from './pages/mentoring/requestMentoringAction';

export interface AppRoute {
  /** A react-router path, e.g. '/forums/:slug'. */
  path: string;
  element: ReactNode;
  /** Unset: public. */
  auth?: RouteAuth;
}

/** Buttons on a member's page (/members/:id), e.g. "Message" or "Request mentoring". */
export const memberActions: MemberAction[] = [requestMentoringAction];
memberActions.push(messageMemberAction);

export const routes: AppRoute[] = [
  { path: '/', element: <LandingPage /> },
  { path: '/eligibility', element: <EligibilityPage /> },
  { path: '/register', element: <RegisterPage /> },
  { path: '/signin', element: <SignInPage /> },
  { path: '/onboarding', element: <OnboardingPage />, auth: 'member' },
  { path: '/profile', element: <EditProfilePage />, auth: 'member' },
  { path: '/members', element: <DirectoryPage />, auth: 'member' },
  { path: '/members/:id', element: <MemberPage actions={memberActions} />, auth: 'member' },
  { path: '/admin/members', element: <AdminMembersPage />, auth: 'coordinator' },
  { path: '/mentoring', element: <MentoringPage />, auth: 'member' },
  { path: '/mentoring/mentorships/:id', element: <MentorshipPage />, auth: 'member' },
  { path: '/admin/matching', element: <AdminMatchingPage />, auth: 'coordinator' },
  { path: '/chat', element: <ChatListPage />, auth: 'member' },
  { path: '/chat/:id', element: <ConversationPage />, auth: 'member' },
  { path: '/notifications', element: <NotificationsPage />, auth: 'member' },
  { path: '/forums', element: <ForumsPage />, auth: 'member' },
  { path: '/forums/search', element: <ForumSearchPage />, auth: 'member' },
  { path: '/forums/c/:slug', element: <CategoryPage />, auth: 'member' },
  { path: '/forums/threads/:id', element: <ThreadPage />, auth: 'member' },
  { path: '/admin/flags', element: <AdminFlagsPage />, auth: 'coordinator' },
  { path: '/settings/notifications', element: <NotificationSettingsPage />, auth: 'member' },
  { path: '/unsubscribe', element: <UnsubscribePage /> },
  { path: '/admin/mail', element: <AdminMailboxPage />, auth: 'coordinator' },
];
