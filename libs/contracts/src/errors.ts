// The stable machine codes of error answers (`code` of every problem+json, and of socket error
// acknowledgements). Clients branch on these, never on `detail`. Each lib maps every code of its
// area to an HTTP kind in its `<lib>.errors.ts`; a code listed here without a mapping there, or
// thrown there without being listed here, fails to compile.

/** Refusals that belong to no area: the framework's, the validation pipe's, the rate limiter's. */
export type GenericErrorCode =
  | 'validationFailed'
  | 'invalidJson'
  | 'invalidCursor'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'methodNotAllowed'
  | 'conflict'
  | 'payloadTooLarge'
  | 'unsupportedMediaType'
  /** A browser's state change from a page of another site (Origin / Sec-Fetch-Site). */
  | 'crossSiteRequest'
  | 'rateLimited'
  | 'unavailable'
  | 'internal'
  /** A client error of a status no other code covers. */
  | 'requestFailed';

export type IdentityErrorCode =
  | 'emailTaken'
  | 'handleTaken'
  | 'badCredentials'
  | 'notSignedIn'
  | 'awaitingApproval'
  | 'suspended'
  | 'coordinatorsOnly'
  /** Giving or taking away the admin role. */
  | 'adminsOnly'
  | 'badCsrfToken'
  | 'memberNotFound'
  | 'invalidTransition'
  /** Sign-in of an applicant a coordinator turned down; the detail carries their reason. */
  | 'applicationRejected'
  /** A personal API token without the scope this route needs (read, write or admin). */
  | 'insufficientScope'
  /** A personal API token on a route that needs a signed-in session (password, email, tokens). */
  | 'apiTokenNotAllowed'
  | 'apiTokenNotFound'
  /** The admin scope asked by a member who is not a coordinator. */
  | 'scopeNotAllowed'
  /** An expiry in the past. */
  | 'invalidExpiry';

/** The member's own account: recovery and verification links, settings, organisation sign-in. */
export type AccountsErrorCode =
  'linkExpiredOrUsed' | 'wrongPassword' | 'sameEmail' | 'alreadyVerified' | 'unknownProvider' | 'providerSignInFailed';

export type ProfilesErrorCode =
  | 'memberNotFound'
  | 'organisationNotFound'
  | 'notOrganisationMember'
  | 'invalidProfile'
  | 'joinRequestNotFound'
  | 'alreadyInOrganisation'
  | 'joinRequestPending'
  | 'joinRequestDecided'
  | 'stageUnchanged'
  | 'stageDateOutOfOrder';

export type MatchingErrorCode =
  | 'requestNotFound'
  | 'mentorshipNotFound'
  | 'goalNotFound'
  | 'roundNotFound'
  | 'meetingNotFound'
  | 'sessionNotFound'
  | 'checkInNotFound'
  | 'resourceNotFound'
  | 'invalidMeeting'
  | 'meetingNotYours'
  | 'meetingNotOpen'
  | 'meetingNotDue'
  | 'agreementTooEarly'
  | 'agreementChanged'
  | 'checkInAnswered'
  | 'notAMentor'
  | 'cannotRequestSelf'
  | 'invalidRound'
  | 'invalidSession'
  | 'duplicateRequest'
  | 'alreadyMentored'
  | 'tooManyOpenRequests'
  | 'capacityFull'
  /** A request to a mentor with no place left. */
  | 'mentorFull'
  | 'requestNotPending'
  | 'mentorshipClosed'
  | 'fitCheckTooEarly'
  | 'tooManyGoals'
  | 'roundAlreadyApplied'
  | 'menteeOnly'
  | 'mentorOnly'
  | 'pairOnly';

export type ForumsErrorCode =
  | 'categoryNotFound'
  | 'categoryTaken'
  | 'threadNotFound'
  | 'postNotFound'
  | 'flagNotFound'
  | 'threadLocked'
  /** Writing into an archived (read-only) category. */
  | 'categoryArchived'
  | 'notYourPost'
  | 'alreadyFlagged'
  | 'flagResolved'
  | 'notHidden'
  | 'invalid';

export type ChatErrorCode =
  | 'invalid'
  | 'conversationNotFound'
  | 'messageNotFound'
  | 'notOwner'
  | 'notSender'
  | 'awaitingApproval'
  | 'notAGroup'
  | 'messageDeleted'
  /** A message over CHAT_MESSAGE_MAX_LENGTH: 400, the same over HTTP and socket. */
  | 'tooLarge';

export type NotificationsErrorCode = 'invalid' | 'mailNotFound' | 'mailNotDead' | 'unsubscribeLinkInvalid';

export type FilesErrorCode =
  | 'invalid'
  | 'fileNotFound'
  | 'resourceNotFound'
  | 'emptyFile'
  | 'noFile'
  | 'unsupportedType'
  | 'unreadableImage'
  | 'imageTooLarge'
  | 'fileTooLarge'
  | 'quotaExceeded'
  | 'notYourFile'
  | 'notYourResource'
  | 'awaitingApproval';

export type StoriesErrorCode =
  | 'invalid'
  | 'storyNotFound'
  | 'notYourStory'
  /** The story is not in a state that allows this move (e.g. editing a submitted story). */
  | 'storyNotEditable'
  | 'invalidTransition'
  /** Publishing before every credited member consented. */
  | 'consentMissing'
  | 'notCredited'
  | 'awaitingApproval';

export type SupportErrorCode =
  | 'invalidSupportRequest'
  /** Submitting with a field still empty; `errors` names each. */
  | 'applicationIncomplete'
  | 'applicationNotFound'
  /** The caller may see it but this move is not theirs to make (SUPPORT_TRANSITIONS in contracts/support.ts). */
  | 'notYourMove'
  /** The application is not in a state this move starts from. */
  | 'invalidSupportTransition'
  /** Applying needs an organisation on your profile. */
  | 'noOrganisation'
  /** Approving before every criterion is scored, or with one scored 0. */
  | 'assessmentIncomplete'
  /** The allocation does not fit in what is left of the fund. */
  | 'fundExhausted'
  /** The total cannot go below what is already committed. */
  | 'fundBelowCommitted'
  | 'partnerNotFound'
  | 'notAnAdviser'
  /** More days logged in an area than were allocated to it. */
  | 'allocationExceeded';

export type PartnershipsErrorCode =
  | 'invalid'
  | 'opportunityNotFound'
  | 'interestNotFound'
  | 'capabilitiesNotFound'
  /** Posting, or expressing interest, needs an organisation on the member's profile. */
  | 'noOrganisation'
  /** Capability profiles are for VCSE organisations. */
  | 'notVcse'
  /** Only members of the poster's organisation manage an opportunity and read its pitches. */
  | 'posterOnly'
  | 'ownOpportunity'
  | 'duplicateInterest'
  /** Interest after the deadline, or in an opportunity that is not open. */
  | 'opportunityClosed'
  | 'invalidTransition'
  | 'nothingShortlisted';

/** Coordinators' webhooks. */
export type WebhooksErrorCode =
  | 'webhookNotFound'
  | 'deliveryNotFound'
  /** Not https, or a host resolving to a private, loopback or link-local address (SSRF guard). */
  | 'webhookUrlNotAllowed'
  | 'unknownWebhookEvent';

/** Every code an error answer can carry. */
export type ErrorCode =
  | GenericErrorCode
  | IdentityErrorCode
  | AccountsErrorCode
  | ProfilesErrorCode
  | MatchingErrorCode
  | ForumsErrorCode
  | ChatErrorCode
  | NotificationsErrorCode
  | FilesErrorCode
  | StoriesErrorCode
  | SupportErrorCode
  | PartnershipsErrorCode
  | WebhooksErrorCode;
