import { Injectable } from '@nestjs/common';
import type { InterestView, OpportunityConversationView, Page } from '@mutuals/contracts';
import { ChatConversationsService } from '@mutuals/chat';
import { decodeCursor, DomainEvents, isUniqueViolation, OnDomainEvent, PageQuery, toPage } from '@mutuals/core';
import { IdentityService, type AccountDeleted, type AuthUser } from '@mutuals/identity';
import type { EntityManager } from 'typeorm';
import { ProfilesService } from '@mutuals/profiles';
import { FitService } from './fit.service';
import { OpportunitiesRepository, type InterestRow, type OpportunityRow } from './opportunities.repository';
import { fitOpportunity } from './opportunities.service';
import { PartnershipAccess } from './partnership-access';
import { toInterestView, unknownOrganisation } from './partnership-views';
import { ExpressInterestDto } from './partnerships.dto';
import { PartnershipsErrors } from './partnerships.errors';

/** While an opportunity can still gather partners: shortlisting and the conversation happen here. */
const SHORTLISTING = ['open', 'closed', 'partnered'];

/**
 * Expressions of interest, the shortlist and the shortlist's group conversation. A pitch is read
 * by the poster's organisation and by the member who wrote it; the conversation holds the
 * poster's members and the shortlisted, nobody else.
 */
@Injectable()
export class InterestsService {
  constructor(
    private readonly opportunities: OpportunitiesRepository,
    private readonly access: PartnershipAccess,
    private readonly fit: FitService,
    private readonly profiles: ProfilesService,
    private readonly identity: IdentityService,
    private readonly chat: ChatConversationsService,
    private readonly events: DomainEvents,
  ) {}

  async express(caller: AuthUser, opportunityId: string, input: ExpressInterestDto): Promise<InterestView> {
    const { opportunity, canManage } = await this.access.visible(caller, opportunityId);
    const organisation = await this.access.requireOrganisation(caller.id, 'Expressing interest');
    if (canManage || organisation.id === opportunity.organisation_id) {
      throw PartnershipsErrors.ownOpportunity('This is your own organisation’s opportunity');
    }
    const row = await this.events
      .transaction(async (unit) => {
        const inserted = await this.opportunities.insertInterest(
          { opportunity_id: opportunityId, organisation_id: organisation.id, member_id: caller.id, pitch: input.pitch },
          unit.manager,
        );
        if (!inserted) throw PartnershipsErrors.opportunityClosed('This opportunity is no longer taking interest');
        await unit.emit('partnerships.interest.received', {
          opportunityId,
          interestId: inserted.id,
          title: opportunity.title,
          organisationName: organisation.name,
          memberId: caller.id,
          recipientIds: await this.profiles.activeMemberIds(opportunity.organisation_id, unit.manager),
        });
        return inserted;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'partnership_interests_one_per_organisation')) {
          throw PartnershipsErrors.duplicateInterest('Your organisation has already expressed interest in this opportunity');
        }
        throw error;
      });
    return (await this.interestViews(opportunity, [row]))[0]!;
  }

  /** The pitches: the poster's organisation only. */
  async list(caller: AuthUser, opportunityId: string, query: PageQuery): Promise<Page<InterestView>> {
    const opportunity = await this.access.managed(caller, opportunityId);
    const after = decodeCursor(query.cursor, ['integer', 'timestamp', 'uuid']) as [number, string, string] | null;
    const rows = await this.opportunities.interests(opportunityId, after, query.limit + 1);
    const views = await this.interestViews(opportunity, rows);
    return toPage(
      rows.map((row, i) => ({ row, view: views[i]! })),
      query.limit,
      ({ row }) => [row.rank, row.at_key, row.id],
      ({ view }) => view,
    );
  }

  /** The caller's own pitch. */
  async mine(caller: AuthUser, opportunityId: string): Promise<InterestView> {
    const { opportunity } = await this.access.visible(caller, opportunityId);
    const row = await this.opportunities.interestOfMember(opportunityId, caller.id);
    if (!row) throw PartnershipsErrors.interestNotFound('You have not expressed interest in this opportunity');
    return (await this.interestViews(opportunity, [row]))[0]!;
  }

  /** Shortlists (or takes off the list) one interest; an open conversation takes them in (or lets them go) at once. */
  async shortlist(caller: AuthUser, opportunityId: string, interestId: string, shortlisted: boolean): Promise<InterestView> {
    const opportunity = await this.access.managed(caller, opportunityId);
    if (!SHORTLISTING.includes(opportunity.status)) {
      throw PartnershipsErrors.invalidTransition(`The shortlist of an opportunity that is ${opportunity.status} cannot change`);
    }
    const before = await this.opportunities.interest(opportunityId, interestId);
    if (!before) throw PartnershipsErrors.interestNotFound('No such interest in this opportunity');
    const changed = (before.shortlisted_at !== null) !== shortlisted;
    // Read before the transaction: inside it every query goes through its manager (one connection when embedded).
    const posterName = changed && shortlisted ? await this.posterName(opportunity) : undefined;
    const row = await this.events.transaction(async (unit) => {
      const updated = (await this.opportunities.setShortlisted(opportunityId, interestId, shortlisted, unit.manager))!;
      if (changed && shortlisted) {
        await unit.emit('partnerships.shortlisted', {
          opportunityId,
          title: opportunity.title,
          organisationName: posterName ?? 'The poster',
          shortlistedBy: caller.id,
          memberId: updated.member_id,
        });
      }
      return updated;
    });
    const { conversation_id: conversationId, conversation_owner_id: ownerId } = opportunity;
    if (changed && conversationId && ownerId) {
      if (shortlisted) await this.chat.addMember(ownerId, conversationId, row.member_id);
      else await this.chat.removeMember(ownerId, conversationId, row.member_id);
    }
    return (await this.interestViews(opportunity, [row]))[0]!;
  }

  /**
   * Opens the group conversation of the poster's members and the shortlisted, through chat's
   * service; asking again answers the same conversation, with anyone shortlisted since added.
   */
  async openConversation(caller: AuthUser, opportunityId: string): Promise<OpportunityConversationView> {
    const opportunity = await this.access.managed(caller, opportunityId);
    if (!SHORTLISTING.includes(opportunity.status)) {
      throw PartnershipsErrors.invalidTransition(`An opportunity that is ${opportunity.status} opens no conversation`);
    }
    const shortlisted = await this.opportunities.shortlistedMemberIds(opportunityId);
    if (shortlisted.length === 0) throw PartnershipsErrors.nothingShortlisted('Shortlist at least one partner first');
    if (opportunity.conversation_id && opportunity.conversation_owner_id) {
      for (const memberId of shortlisted)
        await this.chat.addMember(opportunity.conversation_owner_id, opportunity.conversation_id, memberId);
      return { conversationId: opportunity.conversation_id, memberIds: await this.chat.currentMemberIds(opportunity.conversation_id) };
    }
    const posters = await this.profiles.activeMemberIds(opportunity.organisation_id);
    const memberIds = [...new Set([caller.id, ...posters, ...shortlisted])];
    const { conversation } = await this.chat.createConversation(caller.id, {
      kind: 'group',
      title: `Partnership: ${opportunity.title}`.slice(0, 120),
      memberIds: memberIds.filter((id) => id !== caller.id),
    });
    await this.events.transaction(async (unit) => {
      if (!(await this.opportunities.setConversation(opportunityId, conversation.id, caller.id, unit.manager))) {
        throw PartnershipsErrors.invalidTransition('Another member of your organisation has just opened the conversation: reload the page');
      }
      await unit.emit('partnerships.conversation.opened', {
        opportunityId,
        conversationId: conversation.id,
        title: opportunity.title,
        openedBy: caller.id,
        recipientIds: memberIds.filter((id) => id !== caller.id),
      });
    });
    return { conversationId: conversation.id, memberIds };
  }

  /**
   * The poster's organisation runs the shortlist's conversation through one of its members, the
   * group's owner in chat. When that member leaves, another of the organisation's members in the
   * conversation takes it on; with none left, the next opening starts a new conversation. The
   * opportunities and pitches themselves stay: they are the organisations' records, and their
   * author, with no account behind the id, shows as a former member.
   */
  @OnDomainEvent('identity.account.deleted', { phase: 'in-transaction' })
  async onAccountDeleted({ userId }: AccountDeleted, manager: EntityManager): Promise<void> {
    for (const opportunity of await this.opportunities.conversationsOwnedBy(userId, manager)) {
      const inConversation = new Set(await this.chat.currentMemberIds(opportunity.conversation_id, manager));
      const posters = await this.profiles.activeMemberIds(opportunity.organisation_id, manager);
      let heir: string | null = null;
      for (const id of posters) {
        if (id !== userId && inConversation.has(id) && (await this.chat.handOverGroup(opportunity.conversation_id, id, manager))) {
          heir = id;
          break;
        }
      }
      await this.opportunities.handOverConversation(opportunity.id, heir, manager);
    }
  }

  private async posterName(opportunity: OpportunityRow): Promise<string | undefined> {
    return (await this.profiles.organisationSummaries([opportunity.organisation_id])).get(opportunity.organisation_id)?.name;
  }

  private async interestViews(opportunity: OpportunityRow, rows: InterestRow[]): Promise<InterestView[]> {
    if (rows.length === 0) return [];
    const [organisations, members, scorer] = await Promise.all([
      this.profiles.organisationSummaries(rows.map((r) => r.organisation_id)),
      this.identity.getUserSummaries(rows.map((r) => r.member_id)),
      this.fit.scorer(),
    ]);
    return Promise.all(
      rows.map(async (row) => {
        const organisation = organisations.get(row.organisation_id) ?? unknownOrganisation(row.organisation_id);
        const fit = scorer(fitOpportunity(opportunity), await this.fit.candidateOf(organisation));
        return toInterestView(row, organisation, members.get(row.member_id), fit);
      }),
    );
  }
}
