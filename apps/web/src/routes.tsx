// Every page of the client. To add one: name its path in WEB_ROUTES (libs/contracts/src/
// web-routes.ts, which the server also reads to answer 404 elsewhere), then give it a lazily
// loaded component here; `auth` puts it behind sign-in ('member') or the coordinator role
// ('coordinator'). Add a header link in nav.ts.
import { lazy, type ComponentType, type ReactNode } from 'react';
import { WEB_ROUTES, type WebRouteName } from '@mutuals/contracts';
import type { RouteAuth } from './components';
import { messageMemberAction } from './pages/chat/MessageMemberButton';
import type { MemberAction } from './pages/MemberPage';
import { requestMentoringAction } from './pages/mentoring/requestMentoringAction';

/** A page component loaded on first visit, so the first screen downloads only what it shows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: each page declares its own
function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LandingPage = lazyPage(() => import('./pages/LandingPage'), 'LandingPage');
const EligibilityPage = lazyPage(() => import('./pages/EligibilityPage'), 'EligibilityPage');
const RegisterPage = lazyPage(() => import('./pages/RegisterPage'), 'RegisterPage');
const SignInPage = lazyPage(() => import('./pages/SignInPage'), 'SignInPage');
const ForgotPasswordPage = lazyPage(() => import('./pages/ForgotPasswordPage'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./pages/ResetPasswordPage'), 'ResetPasswordPage');
const VerifyEmailPage = lazyPage(() => import('./pages/VerifyEmailPage'), 'VerifyEmailPage');
const SettingsPage = lazyPage(() => import('./pages/SettingsPage'), 'SettingsPage');
const OnboardingPage = lazyPage(() => import('./pages/OnboardingPage'), 'OnboardingPage');
const EditProfilePage = lazyPage(() => import('./pages/EditProfilePage'), 'EditProfilePage');
const DirectoryPage = lazyPage(() => import('./pages/DirectoryPage'), 'DirectoryPage');
const MemberPage = lazyPage(() => import('./pages/MemberPage'), 'MemberPage');
const AdminHomePage = lazyPage(() => import('./pages/AdminHomePage'), 'AdminHomePage');
const AdminMembersPage = lazyPage(() => import('./pages/AdminMembersPage'), 'AdminMembersPage');
const MentoringPage = lazyPage(() => import('./pages/mentoring/MentoringPage'), 'MentoringPage');
const MentorshipPage = lazyPage(() => import('./pages/mentoring/MentorshipPage'), 'MentorshipPage');
const AdminMatchingPage = lazyPage(() => import('./pages/mentoring/AdminMatchingPage'), 'AdminMatchingPage');
const AdminMentoringCarePage = lazyPage(() => import('./pages/mentoring/AdminMentoringCarePage'), 'AdminMentoringCarePage');
const AdminMentorshipsPage = lazyPage(() => import('./pages/mentoring/AdminMentorshipsPage'), 'AdminMentorshipsPage');
const ChatListPage = lazyPage(() => import('./pages/chat/ChatListPage'), 'ChatListPage');
const ConversationPage = lazyPage(() => import('./pages/chat/ConversationPage'), 'ConversationPage');
const NotificationsPage = lazyPage(() => import('./pages/NotificationsPage'), 'NotificationsPage');
const ForumsPage = lazyPage(() => import('./pages/forums/ForumsPage'), 'ForumsPage');
const ForumSearchPage = lazyPage(() => import('./pages/forums/ForumSearchPage'), 'ForumSearchPage');
const CategoryPage = lazyPage(() => import('./pages/forums/CategoryPage'), 'CategoryPage');
const ThreadPage = lazyPage(() => import('./pages/forums/ThreadPage'), 'ThreadPage');
const AdminFlagsPage = lazyPage(() => import('./pages/forums/AdminFlagsPage'), 'AdminFlagsPage');
const AdminCategoriesPage = lazyPage(() => import('./pages/forums/AdminCategoriesPage'), 'AdminCategoriesPage');
const NotificationSettingsPage = lazyPage(() => import('./pages/mail/NotificationSettingsPage'), 'NotificationSettingsPage');
const UnsubscribePage = lazyPage(() => import('./pages/mail/UnsubscribePage'), 'UnsubscribePage');
const ResourcesPage = lazyPage(() => import('./pages/ResourcesPage'), 'ResourcesPage');
const AdminMailboxPage = lazyPage(() => import('./pages/mail/AdminMailboxPage'), 'AdminMailboxPage');
const StoriesPage = lazyPage(() => import('./pages/stories/StoriesPage'), 'StoriesPage');
const StoryPage = lazyPage(() => import('./pages/stories/StoryPage'), 'StoryPage');
const MyStoriesPage = lazyPage(() => import('./pages/stories/MyStoriesPage'), 'MyStoriesPage');
const StoryEditorPage = lazyPage(() => import('./pages/stories/StoryEditorPage'), 'StoryEditorPage');
const StoryConsentsPage = lazyPage(() => import('./pages/stories/StoryConsentsPage'), 'StoryConsentsPage');
const AdminStoriesPage = lazyPage(() => import('./pages/stories/AdminStoriesPage'), 'AdminStoriesPage');
const SupportPage = lazyPage(() => import('./pages/support/SupportPage'), 'SupportPage');
const SupportApplyPage = lazyPage(() => import('./pages/support/SupportApplyPage'), 'SupportApplyPage');
const SupportApplicationPage = lazyPage(() => import('./pages/support/SupportApplicationPage'), 'SupportApplicationPage');
const AdminSupportPage = lazyPage(() => import('./pages/support/AdminSupportPage'), 'AdminSupportPage');
const AdminSupportApplicationPage = lazyPage(() => import('./pages/support/AdminSupportApplicationPage'), 'AdminSupportApplicationPage');
const AdminSupportFundPage = lazyPage(() => import('./pages/support/AdminSupportFundPage'), 'AdminSupportFundPage');
const AdviserAssignmentsPage = lazyPage(() => import('./pages/support/AdviserAssignmentsPage'), 'AdviserAssignmentsPage');
const AdviserAssignmentPage = lazyPage(() => import('./pages/support/AdviserAssignmentPage'), 'AdviserAssignmentPage');
const PartnershipsBoardPage = lazyPage(() => import('./pages/partnerships/PartnershipsBoardPage'), 'PartnershipsBoardPage');
const NewOpportunityPage = lazyPage(() => import('./pages/partnerships/NewOpportunityPage'), 'NewOpportunityPage');
const OpportunityPage = lazyPage(() => import('./pages/partnerships/OpportunityPage'), 'OpportunityPage');
const ShortlistPage = lazyPage(() => import('./pages/partnerships/ShortlistPage'), 'ShortlistPage');
const VcseDirectoryPage = lazyPage(() => import('./pages/partnerships/VcseDirectoryPage'), 'VcseDirectoryPage');
const CapabilitiesPage = lazyPage(() => import('./pages/partnerships/CapabilitiesPage'), 'CapabilitiesPage');
const AdminPartnershipsPage = lazyPage(() => import('./pages/partnerships/AdminPartnershipsPage'), 'AdminPartnershipsPage');
const AdminReportsPage = lazyPage(() => import('./pages/programme/AdminReportsPage'), 'AdminReportsPage');
const QuarterlyReportPage = lazyPage(() => import('./pages/programme/QuarterlyReportPage'), 'QuarterlyReportPage');
const AdminIntegrationsPage = lazyPage(() => import('./pages/integrations/AdminIntegrationsPage'), 'AdminIntegrationsPage');

export interface AppRoute {
  /** A react-router path, e.g. '/forums/:slug'. */
  path: string;
  element: ReactNode;
  /** Unset: public. */
  auth?: RouteAuth;
}

/** Buttons on a member's page (/members/:id), e.g. "Message" or "Request mentoring". */
export const memberActions: MemberAction[] = [requestMentoringAction, messageMemberAction];

const pages: Record<WebRouteName, Omit<AppRoute, 'path'>> = {
  home: { element: <LandingPage /> },
  eligibility: { element: <EligibilityPage /> },
  register: { element: <RegisterPage /> },
  signIn: { element: <SignInPage /> },
  forgotPassword: { element: <ForgotPasswordPage /> },
  resetPassword: { element: <ResetPasswordPage /> },
  verifyEmail: { element: <VerifyEmailPage /> },
  settings: { element: <SettingsPage />, auth: 'member' },
  onboarding: { element: <OnboardingPage />, auth: 'member' },
  profile: { element: <EditProfilePage />, auth: 'member' },
  directory: { element: <DirectoryPage />, auth: 'member' },
  member: { element: <MemberPage actions={memberActions} />, auth: 'member' },
  adminHome: { element: <AdminHomePage />, auth: 'coordinator' },
  adminMembers: { element: <AdminMembersPage />, auth: 'coordinator' },
  mentoring: { element: <MentoringPage />, auth: 'member' },
  mentorship: { element: <MentorshipPage />, auth: 'member' },
  adminMatching: { element: <AdminMatchingPage />, auth: 'coordinator' },
  adminMentoringCare: { element: <AdminMentoringCarePage />, auth: 'coordinator' },
  adminMentorships: { element: <AdminMentorshipsPage />, auth: 'coordinator' },
  chat: { element: <ChatListPage />, auth: 'member' },
  conversation: { element: <ConversationPage />, auth: 'member' },
  notifications: { element: <NotificationsPage />, auth: 'member' },
  forums: { element: <ForumsPage />, auth: 'member' },
  resources: { element: <ResourcesPage />, auth: 'member' },
  partnerships: { element: <PartnershipsBoardPage />, auth: 'member' },
  newOpportunity: { element: <NewOpportunityPage />, auth: 'member' },
  opportunity: { element: <OpportunityPage />, auth: 'member' },
  shortlist: { element: <ShortlistPage />, auth: 'member' },
  vcseDirectory: { element: <VcseDirectoryPage />, auth: 'member' },
  capabilities: { element: <CapabilitiesPage />, auth: 'member' },
  adminPartnerships: { element: <AdminPartnershipsPage />, auth: 'coordinator' },
  forumSearch: { element: <ForumSearchPage />, auth: 'member' },
  forumCategory: { element: <CategoryPage />, auth: 'member' },
  forumThread: { element: <ThreadPage />, auth: 'member' },
  adminFlags: { element: <AdminFlagsPage />, auth: 'coordinator' },
  adminCategories: { element: <AdminCategoriesPage />, auth: 'coordinator' },
  notificationSettings: { element: <NotificationSettingsPage />, auth: 'member' },
  unsubscribe: { element: <UnsubscribePage /> },
  adminMail: { element: <AdminMailboxPage />, auth: 'coordinator' },
  stories: { element: <StoriesPage /> },
  story: { element: <StoryPage /> },
  myStories: { element: <MyStoriesPage />, auth: 'member' },
  newStory: { element: <StoryEditorPage />, auth: 'member' },
  editStory: { element: <StoryEditorPage />, auth: 'member' },
  storyConsents: { element: <StoryConsentsPage />, auth: 'member' },
  adminStories: { element: <AdminStoriesPage />, auth: 'coordinator' },
  supportHome: { element: <SupportPage />, auth: 'member' },
  supportApply: { element: <SupportApplyPage />, auth: 'member' },
  supportApplication: { element: <SupportApplicationPage />, auth: 'member' },
  adminSupport: { element: <AdminSupportPage />, auth: 'coordinator' },
  adminSupportApplication: { element: <AdminSupportApplicationPage />, auth: 'coordinator' },
  adminSupportFund: { element: <AdminSupportFundPage />, auth: 'coordinator' },
  adviserAssignments: { element: <AdviserAssignmentsPage />, auth: 'member' },
  adviserAssignment: { element: <AdviserAssignmentPage />, auth: 'member' },
  adminReports: { element: <AdminReportsPage />, auth: 'coordinator' },
  adminQuarterlyReport: { element: <QuarterlyReportPage />, auth: 'coordinator' },
  adminIntegrations: { element: <AdminIntegrationsPage />, auth: 'coordinator' },
};

export const routes: AppRoute[] = (Object.keys(pages) as WebRouteName[]).map((name) => ({ path: WEB_ROUTES[name], ...pages[name] }));
