// Events this lib emits (names and payloads agreed between libs). Each names its recipients, so
// that notifications need not ask who belongs to an organisation or who expressed interest.

export interface PartnershipInterestReceived {
  opportunityId: string;
  interestId: string;
  title: string;
  /** The interested organisation's name, and the member who pitched. */
  organisationName: string;
  memberId: string;
  /** The poster's organisation's members. */
  recipientIds: string[];
}

export interface PartnershipShortlisted {
  opportunityId: string;
  title: string;
  /** The poster's organisation. */
  organisationName: string;
  shortlistedBy: string;
  /** Who pitched: the one told. */
  memberId: string;
}

export interface PartnershipConversationOpened {
  opportunityId: string;
  conversationId: string;
  title: string;
  openedBy: string;
  /** Everyone in the conversation but the opener. */
  recipientIds: string[];
}

export interface PartnershipOutcome {
  opportunityId: string;
  title: string;
  status: 'partnered' | 'won' | 'lost' | 'withdrawn';
  /** Pounds, when won. */
  valueWon: number | null;
  changedBy: string;
  /** Everyone who pitched, and the poster's members but the one who moved it. */
  recipientIds: string[];
}

declare module '@mutuals/core' {
  interface DomainEventMap {
    'partnerships.interest.received': PartnershipInterestReceived;
    'partnerships.shortlisted': PartnershipShortlisted;
    'partnerships.conversation.opened': PartnershipConversationOpened;
    'partnerships.outcome': PartnershipOutcome;
  }
}
