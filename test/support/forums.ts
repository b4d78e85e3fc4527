import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { ForumPostView, ForumThreadCreated } from '@mutuals/contracts';
import { createCoordinator, type TestMember } from './factories';
import type { TestApp } from './test-app';

/** A category of the test's own, made through the admin API. */
export async function createCategory(t: TestApp, coordinator?: TestMember): Promise<{ id: string; slug: string }> {
  const by = coordinator ?? (await createCoordinator(t));
  const slug = `cat-${randomBytes(4).toString('hex')}`;
  const response = await request(t.url)
    .post('/api/v1/admin/forums/categories')
    .set(by.auth)
    .send({ slug, name: `Category ${slug}`, description: 'For tests' })
    .expect(201);
  return { id: response.body.id, slug };
}

export async function createThread(t: TestApp, author: TestMember, categoryId: string, fields: { title?: string; body?: string } = {}): Promise<ForumThreadCreated> {
  const response = await request(t.url)
    .post('/api/v1/forums/threads')
    .set(author.auth)
    .send({ categoryId, title: fields.title ?? 'A thread about TUPE', body: fields.body ?? 'First post' })
    .expect(201);
  return response.body;
}

export async function reply(t: TestApp, author: TestMember, threadId: string, body: string, replyToPostId?: string): Promise<ForumPostView> {
  const response = await request(t.url)
    .post(`/api/v1/forums/threads/${threadId}/posts`)
    .set(author.auth)
    .send({ body, ...(replyToPostId && { replyToPostId }) })
    .expect(201);
  return response.body;
}

/** Every post of a thread as the member sees it, following nextCursor. */
export async function allPosts(t: TestApp, viewer: TestMember, threadId: string, limit = 100): Promise<ForumPostView[]> {
  const posts: ForumPostView[] = [];
  let cursor: string | null = null;
  do {
    const page: request.Response = await request(t.url)
      .get(`/api/v1/forums/threads/${threadId}/posts`)
      .query({ limit, ...(cursor && { cursor }) })
      .set(viewer.auth)
      .expect(200);
    posts.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return posts;
}
