import { template } from './mail-content';

/** What a forum mail needs of forum.post.created. */
export interface ForumMailPayload {
  postId: string;
  threadTitle: string;
  authorId: string;
  link: string;
  preview: string;
}

const forumMail = (subject: (author: string, thread: string) => string, lead: (author: string, thread: string) => string) =>
  template<ForumMailPayload>({
    people: (p) => [p.authorId],
    build: (p, c) => ({
      subject: subject(c.name(p.authorId), p.threadTitle),
      preview: p.preview,
      greeting: `Hello ${c.recipientName},`,
      paragraphs: [lead(c.name(p.authorId), p.threadTitle)],
      quote: p.preview,
      action: { text: 'Read the post', url: c.url(p.link) },
      footer: [],
    }),
  });

export const forumMention = forumMail(
  (author, thread) => `${author} mentioned you in “${thread}”`,
  (author, thread) => `${author} mentioned you in the thread “${thread}”:`,
);
export const forumReply = forumMail(
  (author, thread) => `${author} replied to your post in “${thread}”`,
  (author, thread) => `${author} replied to your post in “${thread}”:`,
);
export const forumQuote = forumMail(
  (author, thread) => `${author} quoted your post in “${thread}”`,
  (author, thread) => `${author} quoted your post in “${thread}” and wrote:`,
);
export const forumWatching = forumMail(
  (author, thread) => `New post from ${author} in “${thread}”`,
  (author, thread) => `${author} posted in “${thread}”, a thread you watch:`,
);

export interface ChatUnreadPayload {
  conversationId: string;
  senderId: string;
  seq: number;
  preview: string;
}

export const chatUnread = template<ChatUnreadPayload>({
  people: (p) => [p.senderId],
  build: (p, c) => ({
    subject: `${c.name(p.senderId)} sent you a message`,
    preview: p.preview,
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `${c.name(p.senderId)} sent you a message you have not read yet. You will not get another email about this conversation until you have read it.`,
    ],
    quote: p.preview,
    action: { text: 'Open the conversation', url: c.url(`/chat/${p.conversationId}`) },
    footer: [],
  }),
});
