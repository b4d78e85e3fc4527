// Every page of the web client by name. apps/web/src/routes.tsx must give each one a component
// (a Record over these names, so a missing or extra page fails to compile), and the api answers
// 404 for a path none of them matches instead of serving the client for it.
export const WEB_ROUTES = {
  home: '/',
  eligibility: '/eligibility',
  register: '/register',
  signIn: '/signin',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  verifyEmail: '/verify-email',
  settings: '/settings',
  onboarding: '/onboarding',
  profile: '/profile',
  directory: '/members',
  member: '/members/:id',
  adminHome: '/admin',
  adminMembers: '/admin/members',
  mentoring: '/mentoring',
  mentorship: '/mentoring/mentorships/:id',
  adminMatching: '/admin/matching',
  adminMentoringCare: '/admin/mentoring',
  adminMentorships: '/admin/mentorships',
  chat: '/chat',
  conversation: '/chat/:id',
  notifications: '/notifications',
  forums: '/forums',
  forumSearch: '/forums/search',
  forumCategory: '/forums/c/:slug',
  forumThread: '/forums/threads/:id',
  adminFlags: '/admin/flags',
  adminCategories: '/admin/forums/categories',
  notificationSettings: '/settings/notifications',
  unsubscribe: '/unsubscribe',
  adminMail: '/admin/mail',
  adminReports: '/admin/reports',
  adminQuarterlyReport: '/admin/reports/quarterly',
  resources: '/resources',
  stories: '/stories',
  story: '/stories/:slug',
  myStories: '/my-stories',
  newStory: '/my-stories/new',
  editStory: '/my-stories/:id',
  storyConsents: '/story-consents',
  adminStories: '/admin/stories',
  supportHome: '/support',
  supportApply: '/support/apply',
  supportApplication: '/support/applications/:id',
  adminSupport: '/admin/support',
  adminSupportApplication: '/admin/support/applications/:id',
  adminSupportFund: '/admin/support/fund',
  adviserAssignments: '/adviser/assignments',
  adviserAssignment: '/adviser/assignments/:id',
  partnerships: '/partnerships',
  newOpportunity: '/partnerships/new',
  opportunity: '/partnerships/opportunities/:id',
  shortlist: '/partnerships/opportunities/:id/shortlist',
  vcseDirectory: '/partnerships/organisations',
  capabilities: '/partnerships/organisations/:id/capabilities',
  adminPartnerships: '/admin/partnerships',
  adminIntegrations: '/admin/integrations',
} as const;

export type WebRouteName = keyof typeof WEB_ROUTES;

/** True when a react-router pattern (`/members/:id`; `:name` is one non-empty segment) matches the path. */
export function matchesWebRoute(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return false;
  return want.every((segment, i) => segment.startsWith(':') || segment === have[i]);
}

/** True when some page of the web client lives at this path (query string already removed). */
export function isWebClientPath(path: string): boolean {
  return Object.values(WEB_ROUTES).some((pattern) => matchesWebRoute(pattern, path));
}
