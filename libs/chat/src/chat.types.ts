export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
