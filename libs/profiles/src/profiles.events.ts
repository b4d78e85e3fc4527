/** A new member asked to join an organisation; its active members may approve. */
export interface OrganisationJoinRequested {
  requestId: string;
  organisationId: string;
  organisationName: string;
  userId: string;
  /** The organisation's active members, who are told. */
  memberIds: string[];
}

/** A member of the organisation (or a coordinator) answered a request to join it. */
export interface OrganisationJoinDecided {
  requestId: string;
  organisationId: string;
  organisationName: string;
  userId: string;
  decidedBy: string;
  approved: boolean;
}

declare module '@mutuals/core' {
  interface DomainEventMap {
    'profiles.organisation.join-requested': OrganisationJoinRequested;
    'profiles.organisation.join-decided': OrganisationJoinDecided;
  }
}
