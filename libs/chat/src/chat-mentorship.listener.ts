import { OnDomainEvent } from '@mutuals/core';
import { Injectable } from '@nestjs/common';
import type { MentoringAccepted } from '@mutuals/matching';
import { ChatConversationsService } from './chat-conversations.service';

/** Mentor and mentee have their conversation from the moment a request is accepted. */
@Injectable()
export class ChatMentorshipListener {
  constructor(private readonly conversations: ChatConversationsService) {}

  // after-commit: the acceptance (a contended capacity check) must not wait on or fail for chat;
  // opening is idempotent per mentorship, so retries are safe, and sockets join a committed room.
  @OnDomainEvent('mentoring.accepted', { phase: 'after-commit' })
  async onAccepted(event: MentoringAccepted): Promise<void> {
    await this.conversations.openMentorshipConversation(event);
  }
}
