import { OnDomainEvent } from '@mutuals/core';
import { Injectable } from '@nestjs/common';
import { ChatService } from './chat.service';
import type { MentoringAccepted } from '@mutuals/matching';

/** Mentor and mentee have their conversation from the moment a request is accepted. */
@Injectable()
export class ChatMentorshipListener {
  constructor(private readonly chat: ChatService) {}

  @OnDomainEvent('mentoring.accepted', { phase: 'after-commit' })
  async onAccepted(event: MentoringAccepted): Promise<void> {
    await this.chat.openMentorshipConversation(event);
  }
}
