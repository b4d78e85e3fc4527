import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConversationRole, ConversationView } from '@mutuals/contracts';
import { FilesService } from '@mutuals/files';
import { IdentityService } from '@mutuals/identity';
import { ProfilesService } from '@mutuals/profiles';
import { RealtimeService } from '@mutuals/realtime';
import { DataSource, type EntityManager } from 'typeorm';
import { ChatErrors } from './chat.errors';
import { conversationRoom } from './chat.types';
import { type ConversationRow, ConversationsRepository } from './conversations.repository';
import { toMessageView } from './message-view';
import { PresenceService } from './presence.service';

/**
 * Conversations and their members. Every read checks that the caller is a current member (404
 * otherwise); members' sockets join and leave a conversation's room as membership changes. Chat
 * owns the link between a mentorship and its conversation: others ask here.
 */
@Injectable()
export class ChatConversationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsRepository,
    private readonly identity: IdentityService,
    private readonly profiles: ProfilesService,
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceService,
    private readonly files: FilesService,
  ) {}

  listConversations(userId: string): Promise<ConversationView[]> {
    return this.views(userId, null);
  }

  async getConversation(userId: string, conversationId: string): Promise<ConversationView> {
    const [view] = await this.views(userId, conversationId);
    if (!view) throw ChatErrors.conversationNotFound('No such conversation');
    return view;
  }

  private async views(userId: string, onlyId: string | null): Promise<ConversationView[]> {
    const rows = await this.conversations.listFor(userId, onlyId);
    const memberIds = rows.flatMap((r) => r.members.map((m) => m.userId));
    const lastMessageIds = rows.flatMap((r) => (r.last_message && r.last_message.deleted_at === null ? [r.last_message.id] : []));
    const [users, online, attachments] = await Promise.all([
      this.identity.getUserSummaries(memberIds),
      this.presence.onlineAmong(memberIds),
      this.files.attachmentsOf('chat-message', lastMessageIds),
    ]);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.kind === 'mentorship' ? mentorshipTitle(row, userId, users) : row.title,
      createdBy: row.created_by,
      mentorshipId: row.mentorship_id,
      lastSeq: row.last_seq,
      unreadCount: row.unread_count,
      lastMessage: row.last_message ? toMessageView(row.last_message, attachments) : null,
      lastMessageAt: row.last_message_at ? new Date(row.last_message_at).toISOString() : null,
      createdAt: new Date(row.created_at).toISOString(),
      members: row.members.map((m) => {
        const user = users.get(m.userId);
        return {
          id: m.userId,
          displayName: user?.displayName ?? 'Former member',
          handle: user?.handle ?? '',
          avatarUrl: user?.avatarUrl ?? null,
          role: m.role,
          lastReadSeq: m.lastReadSeq,
          online: online.has(m.userId),
        };
      }),
    }));
  }

  /** A direct conversation is one per pair: asking again answers the existing one (created: false). */
  async createConversation(
    creatorId: string,
    input: { kind: 'direct' | 'group'; memberIds: string[]; title?: string },
  ): Promise<{ conversation: ConversationView; created: boolean }> {
    const others = [...new Set(input.memberIds)].filter((id) => id !== creatorId);
    if (input.kind === 'direct' && (others.length !== 1 || input.memberIds.length !== 1)) {
      throw ChatErrors.invalid('A direct conversation has exactly one other member', [
        { field: 'memberIds', message: 'must hold exactly one member other than you' },
      ]);
    }
    if (input.kind === 'group' && others.length === 0) {
      throw ChatErrors.invalid('A group needs at least one other member', [
        { field: 'memberIds', message: 'must name at least one other member' },
      ]);
    }
    const title = input.title?.trim() ?? '';
    if (input.kind === 'group' && !title)
      throw ChatErrors.invalid('A group needs a title', [{ field: 'title', message: 'must not be empty' }]);
    await this.assertUsersExist(others);

    const { id, created } = await this.db.transaction(async (manager) => {
      if (input.kind === 'direct') {
        const direct = await this.conversations.openDirect(creatorId, others[0]!, manager);
        if (direct.created) await this.conversations.insertMembers(direct.id, [creatorId, others[0]!], null, manager);
        return direct;
      }
      const groupId = await this.conversations.insertGroup(title, creatorId, manager);
      await this.conversations.insertMembers(groupId, [creatorId, ...others], creatorId, manager);
      return { id: groupId, created: true };
    });
    if (created) for (const memberId of [creatorId, ...others]) this.realtime.joinRoom(memberId, conversationRoom(id));
    return { conversation: await this.getConversation(creatorId, id), created };
  }

  /** The creator adds a member to their group; the member's sockets join its room at once. */
  async addMember(callerId: string, conversationId: string, userId: string): Promise<ConversationView> {
    const role = await this.memberRole(callerId, conversationId);
    await this.assertGroup(conversationId);
    if (role !== 'owner') throw ChatErrors.notOwner('Only the creator of the group manages its members');
    await this.assertUsersExist([userId]);
    await this.conversations.addMember(conversationId, userId);
    this.realtime.joinRoom(userId, conversationRoom(conversationId));
    return this.getConversation(callerId, conversationId);
  }

  /** The creator renames their group; every member sees the new title. */
  async renameGroup(callerId: string, conversationId: string, title: string): Promise<ConversationView> {
    const role = await this.memberRole(callerId, conversationId);
    await this.assertGroup(conversationId);
    if (role !== 'owner') throw ChatErrors.notOwner('Only the creator of the group renames it');
    const trimmed = title.trim();
    if (!trimmed) throw ChatErrors.invalid('A group needs a title', [{ field: 'title', message: 'must not be empty' }]);
    await this.conversations.rename(conversationId, trimmed);
    return this.getConversation(callerId, conversationId);
  }

  /** The creator removes a member, or a member leaves; they leave the room at once. */
  async removeMember(callerId: string, conversationId: string, userId: string): Promise<void> {
    const role = await this.memberRole(callerId, conversationId);
    await this.assertGroup(conversationId);
    if (userId === callerId ? role === 'owner' : role !== 'owner') {
      throw ChatErrors.notOwner(
        userId === callerId ? 'The creator of a group cannot leave it' : 'Only the creator of the group manages its members',
      );
    }
    if (!(await this.conversations.removeMember(conversationId, userId)))
      throw ChatErrors.conversationNotFound('That member is not in this conversation');
    this.realtime.leaveRoom(userId, conversationRoom(conversationId));
  }

  async assertMember(userId: string, conversationId: string): Promise<void> {
    await this.memberRole(userId, conversationId);
  }

  /** The rooms a connecting socket joins. */
  conversationIdsOf(userId: string): Promise<string[]> {
    return this.conversations.conversationIdsOf(userId);
  }

  currentMemberIds(conversationId: string, manager?: EntityManager): Promise<string[]> {
    return this.conversations.currentMemberIds(conversationId, manager);
  }

  /**
   * Gives a group to another of its current members, in the caller's transaction: a lib that
   * manages a group through its owner (partnerships) hands it on when that owner leaves.
   */
  handOverGroup(conversationId: string, userId: string, manager: EntityManager): Promise<boolean> {
    return this.conversations.handOver(conversationId, userId, manager);
  }

  /** One conversation per mentorship, named for the mentee's organisation; calling again answers the same one. */
  async openMentorshipConversation(input: {
    mentorshipId: string;
    mentorId: string;
    menteeId: string;
  }): Promise<{ conversationId: string }> {
    const mentee = (await this.profiles.getPublicProfiles([input.menteeId])).get(input.menteeId);
    const menteeName =
      mentee?.organisation?.name ??
      mentee?.displayName ??
      (await this.identity.getUserSummaries([input.menteeId])).get(input.menteeId)?.displayName ??
      'mentee';
    const title = `Mentoring: ${menteeName}`.slice(0, 120);
    const { id, created } = await this.db.transaction(async (manager) => {
      const opened = await this.conversations.openForMentorship(
        { mentorshipId: input.mentorshipId, title, createdBy: input.mentorId },
        manager,
      );
      if (opened.created) await this.conversations.insertMembers(opened.id, [input.mentorId, input.menteeId], null, manager);
      return opened;
    });
    if (created) for (const userId of [input.mentorId, input.menteeId]) this.realtime.joinRoom(userId, conversationRoom(id));
    return { conversationId: id };
  }

  /** The conversation of each mentorship that has one (mentorships ask here for their chat link). */
  conversationIdsForMentorships(mentorshipIds: readonly string[]): Promise<Map<string, string>> {
    return this.conversations.idsForMentorships(mentorshipIds);
  }

  private async assertGroup(conversationId: string): Promise<void> {
    if ((await this.conversations.kindOf(conversationId)) !== 'group')
      throw ChatErrors.notAGroup('Only groups have members added or removed');
  }

  /** The caller's role in the conversation; 404 unless a current member. */
  private async memberRole(userId: string, conversationId: string): Promise<ConversationRole> {
    const role = await this.conversations.roleOf(userId, conversationId);
    if (!role) throw ChatErrors.conversationNotFound('No such conversation');
    return role;
  }

  private async assertUsersExist(ids: string[]): Promise<void> {
    const found = await this.identity.getUserSummaries(ids);
    if (ids.some((id) => !found.has(id))) {
      throw ChatErrors.invalid('Some of those members do not exist', [
        { field: 'memberIds', message: 'includes someone who is not a member' },
      ]);
    }
  }
}

/**
 * A mentorship conversation is named, for each viewer, after the other person of the pair: a
 * mentor with two mentees from one organisation sees two names, not the organisation twice.
 */
function mentorshipTitle(row: ConversationRow, viewerId: string, users: Map<string, { displayName: string }>): string {
  const other = row.members.find((m) => m.userId !== viewerId);
  const name = other ? users.get(other.userId)?.displayName : undefined;
  return name ? `Mentoring with ${name}` : (row.title ?? 'Mentoring');
}
