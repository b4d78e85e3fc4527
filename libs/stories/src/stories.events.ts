// Domain events of success stories (notifications listens; the showcase's cache listens to story.changed).

interface StoryRef {
  storyId: string;
  title: string;
  authorId: string;
  /** Where the story is managed or read in the web client. */
  link: string;
}

/** Handed in for review: every active coordinator hears. */
export interface StorySubmitted extends StoryRef {
  coordinatorIds: string[];
}

/** Credited members asked to consent (when the story is submitted with them, and again after a change to what they answered). */
export interface StoryConsentRequested extends StoryRef {
  userIds: string[];
}

/**
 * The author changed the story after these members answered: their consent was to the earlier
 * version, so it is reset and they are asked again when the story is handed in.
 */
export interface StoryConsentReset extends StoryRef {
  userIds: string[];
}

/** A credited member withdrew their consent to a published story: it is off the public pages and back in review. */
export interface StoryConsentWithdrawn extends StoryRef {
  userId: string;
  coordinatorIds: string[];
}

export interface StoryChangesRequested extends StoryRef {
  reason: string;
}

/** Public now: the author and every credited member hear. */
export interface StoryPublished extends StoryRef {
  slug: string;
  creditedUserIds: string[];
}

/** Anything the public can see of a story changed (published, featured, withdrawn, held for consent, its discussion linked). */
export interface StoryChanged {
  storyId: string;
}

declare module '@mutuals/core' {
  interface DomainEventMap {
    'story.submitted': StorySubmitted;
    'story.consent-requested': StoryConsentRequested;
    'story.consent-reset': StoryConsentReset;
    'story.consent-withdrawn': StoryConsentWithdrawn;
    'story.changes-requested': StoryChangesRequested;
    'story.published': StoryPublished;
    'story.changed': StoryChanged;
  }
}
