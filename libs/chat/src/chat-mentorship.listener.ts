import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ChatService } from './chat.service';
import type { MentoringAccepted } from '@mutuals/matching';

/** Mentor and mentee have their conversation from the moment a request is accepted. */
@Injectable()
export class ChatMentorshipListener {
  constructor(private readonly chat: ChatService) {}

  @OnEvent('mentoring.accepted')
  async onAccepted(event: MentoringAccepted): Promise<void> {
    await this.chat.openMentorshipConversation(event);
  }
}
