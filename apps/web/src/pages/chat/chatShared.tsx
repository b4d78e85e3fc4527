// Pieces the chat pages share: a conversation's display name and presence dots.
import type { ConversationView } from '@mutuals/contracts';
import { cx } from '../../components';

/** Groups and mentorships by title; a direct conversation by the other member's name. */
export function conversationName(conversation: ConversationView, myId: string | undefined): string {
  if (conversation.title) return conversation.title;
  const others = conversation.members.filter((m) => m.id !== myId);
  return others.map((m) => m.displayName).join(', ') || 'Just you';
}

export function PresenceDot({ online, name }: { online: boolean; name: string }) {
  return (
    <span
      className={cx('presence-dot', online && 'presence-dot-online')}
      role="img"
      aria-label={`${name} is ${online ? 'online' : 'offline'}`}
    />
  );
}
