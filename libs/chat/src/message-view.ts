import type { ChatMessageView, FileView } from '@mutuals/contracts';
import type { MessageRow } from './messages.repository';

/** `attachments` by message id; a deleted message shows none. */
export function toMessageView(row: MessageRow, attachments: ReadonlyMap<string, FileView[]> = new Map()): ChatMessageView {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    senderId: row.sender_id,
    clientId: row.client_id,
    body: row.body,
    bodyHtml: row.body_html,
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: row.edited_at ? new Date(row.edited_at).toISOString() : null,
    deleted: row.deleted_at !== null,
    attachments: row.deleted_at === null ? (attachments.get(row.id) ?? []) : [],
  };
}
