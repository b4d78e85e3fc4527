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

/** Credited members asked to consent (each once, when the story is first submitted with them). */
export interface StoryConsentRequested extends StoryRef {
  userIds: string[];
}

export interface StoryChangesRequested extends StoryRef {
  reason: string;
}

/** Public now: the author and every credited member hear. */
export interface StoryPublished extends StoryRef {
  slug: string;
  creditedUserIds: string[];
}

/** Anything the public can see of a story changed (published, featured, withdrawn, its discussion linked). */
export interface StoryChanged {
  storyId: string;
}

declare module '@mutuals/core' {
  interface DomainEventMap {
    'story.submitted': StorySubmitted;
    'story.consent-requested': StoryConsentRequested;
    'story.changes-requested': StoryChangesRequested;
    'story.published': StoryPublished;
    'story.changed': StoryChanged;
  }
}
