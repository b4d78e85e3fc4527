import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { ConversationView, FileView, ForumPostView } from '@mutuals/contracts';
import { createCoordinator, createMember, createOrganisation, type TestMember } from '../support/factories';
import { fetchFile, jpeg, pdf, png, upload, uploaded } from '../support/files';
import { createCategory, createThread } from '../support/forums';
import { TestApp, startTestApp } from '../support/test-app';

describe('files: who sees what', () => {
  let t: TestApp;
  let coordinator: TestMember;
  let categoryId: string;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    coordinator = await createCoordinator(t);
    categoryId = (await createCategory(t, coordinator)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const api = () => request(t.url);

  function replyWith(author: TestMember, threadId: string, attachments: { fileId: string; alt?: string }[]) {
    return api()
      .post(`/api/v1/forums/threads/${threadId}/posts`)
      .set(author.auth)
      .send({ body: 'Our TUPE timeline, as promised', attachments });
  }

  describe('forum posts', () => {
    it('shows a post’s image and document to every member, with the alt text, live and on the page', async () => {
      const [author, reader] = [await createMember(t), await createMember(t)];
      const thread = await createThread(t, author, categoryId);
      const image = await uploaded(t, author, 'attachment', await jpeg(), 'timeline.jpg');
      const doc = await uploaded(t, author, 'attachment', pdf(), 'timeline.pdf');
      const post: ForumPostView = (
        await replyWith(author, thread.id, [{ fileId: image.id, alt: 'A Gantt chart of the transfer' }, { fileId: doc.id }]).expect(201)
      ).body;
      expect(post.attachments).toEqual([
        expect.objectContaining({ id: image.id, kind: 'image', alt: 'A Gantt chart of the transfer', url: image.url }),
        expect.objectContaining({ id: doc.id, kind: 'document', name: 'timeline.pdf' }),
      ]);
      const page = await api().get(`/api/v1/forums/threads/${thread.id}/posts`).set(reader.auth).expect(200);
      expect(page.body.items.find((p: ForumPostView) => p.id === post.id).attachments).toHaveLength(2);
      await fetchFile(t, reader, image.url).expect(200);
      await fetchFile(t, reader, doc.url).expect(200);
    });

    it('shows nothing of a hidden or a deleted post, not even to its author', async () => {
      const [author, reader] = [await createMember(t), await createMember(t)];
      const thread = await createThread(t, author, categoryId);
      const hiddenFile = await uploaded(t, author, 'attachment', await png(), 'a.png');
      const deletedFile = await uploaded(t, author, 'attachment', await png(), 'b.png');
      const hidden = (await replyWith(author, thread.id, [{ fileId: hiddenFile.id, alt: 'x' }]).expect(201)).body as ForumPostView;
      const deleted = (await replyWith(author, thread.id, [{ fileId: deletedFile.id, alt: 'y' }]).expect(201)).body as ForumPostView;
      const flag = await api()
        .post(`/api/v1/forums/posts/${hidden.id}/flags`)
        .set(reader.auth)
        .send({ reason: 'Personal details' })
        .expect(201);
      await api().post(`/api/v1/admin/flags/${flag.body.id}/resolve`).set(coordinator.auth).send({ action: 'hide' }).expect(200);
      await api().delete(`/api/v1/forums/posts/${deleted.id}`).set(author.auth).expect(204);
      for (const viewer of [reader, author, coordinator]) {
        await fetchFile(t, viewer, hiddenFile.url).expect(404);
        await fetchFile(t, viewer, deletedFile.url).expect(404);
      }
      const page = await api().get(`/api/v1/forums/threads/${thread.id}/posts`).set(coordinator.auth).expect(200);
      for (const post of page.body.items as ForumPostView[]) if (post.id !== thread.firstPost.id) expect(post.attachments).toEqual([]);
    });

    it('refuses another member’s upload, a file already attached, an avatar upload and an unknown id, storing no post', async () => {
      const [author, other] = [await createMember(t), await createMember(t)];
      const thread = await createThread(t, author, categoryId);
      const othersDraft = await uploaded(t, other, 'attachment', pdf(), 'theirs.pdf');
      const avatarDraft = await uploaded(t, author, 'avatar', await png(), 'me.png');
      const used = await uploaded(t, author, 'attachment', pdf(), 'used.pdf');
      await replyWith(author, thread.id, [{ fileId: used.id }]).expect(201);
      for (const attachments of [
        [{ fileId: othersDraft.id }],
        [{ fileId: used.id }],
        [{ fileId: avatarDraft.id }],
        [{ fileId: randomUUID() }],
      ]) {
        const refused = await replyWith(author, thread.id, attachments).expect(400);
        expect(refused.body).toMatchObject({ code: 'notYourFile', errors: [{ field: 'attachments' }] });
      }
      const page = await api().get(`/api/v1/forums/threads/${thread.id}/posts`).set(author.auth).expect(200);
      expect(page.body.items).toHaveLength(2);
      // The other member's draft is still theirs alone.
      await fetchFile(t, author, othersDraft.url).expect(404);
      await fetchFile(t, other, othersDraft.url).expect(200);
    });

    it('answers a retried thread or reply (same clientId) with the original and its files, claiming nothing twice', async () => {
      const author = await createMember(t);
      const image = await uploaded(t, author, 'attachment', await png(), 'plan.png');
      const newThread = {
        categoryId,
        title: 'Our staff consultation plan',
        body: 'Attached',
        clientId: randomUUID(),
        attachments: [{ fileId: image.id, alt: 'The plan' }],
      };
      const thread = await api().post('/api/v1/forums/threads').set(author.auth).send(newThread).expect(201);
      const again = await api().post('/api/v1/forums/threads').set(author.auth).send(newThread).expect(200);
      expect(again.body.id).toBe(thread.body.id);
      expect(again.body.firstPost.attachments).toEqual([expect.objectContaining({ id: image.id, alt: 'The plan' })]);

      const doc = await uploaded(t, author, 'attachment', pdf(), 'minutes.pdf');
      const reply = { body: 'The minutes', clientId: randomUUID(), attachments: [{ fileId: doc.id }] };
      const first = await api().post(`/api/v1/forums/threads/${thread.body.id}/posts`).set(author.auth).send(reply).expect(201);
      const retried = await api().post(`/api/v1/forums/threads/${thread.body.id}/posts`).set(author.auth).send(reply).expect(200);
      expect(retried.body).toMatchObject({ id: first.body.id, attachments: [expect.objectContaining({ id: doc.id })] });
    });

    it('validates the attachments field', async () => {
      const author = await createMember(t);
      const thread = await createThread(t, author, categoryId);
      const bad = await replyWith(author, thread.id, [{ fileId: 'nope', alt: 'x'.repeat(301) }]).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['attachments.0.alt', 'attachments.0.fileId']);
    });
  });

  describe('chat messages', () => {
    it('shows a message’s document to the conversation’s current members only, and nothing once deleted', async () => {
      const [owner, member, outsider, leaver] = [
        await createMember(t),
        await createMember(t),
        await createMember(t),
        await createMember(t),
      ];
      const conversation: ConversationView = (
        await api()
          .post('/api/v1/chat/conversations')
          .set(owner.auth)
          .send({ kind: 'group', title: 'Pensions', memberIds: [member.id, leaver.id] })
          .expect(201)
      ).body;
      const doc = await uploaded(t, owner, 'attachment', pdf('LGPS admission agreement'), 'admission.pdf');
      const sent = await api()
        .post(`/api/v1/chat/conversations/${conversation.id}/messages`)
        .set(owner.auth)
        .send({ clientId: randomUUID(), body: 'The admission agreement', attachments: [{ fileId: doc.id }] })
        .expect(201);
      expect(sent.body.attachments).toEqual([expect.objectContaining({ id: doc.id, contentType: 'application/pdf' })]);
      const history = await api().get(`/api/v1/chat/conversations/${conversation.id}/messages`).set(member.auth).expect(200);
      expect(history.body.items.at(-1).attachments[0].url).toBe(doc.url);
      await api().delete(`/api/v1/chat/conversations/${conversation.id}/members/${leaver.id}`).set(owner.auth).expect(204);

      await fetchFile(t, member, doc.url).expect(200);
      await fetchFile(t, owner, doc.url).expect(200);
      await fetchFile(t, outsider, doc.url).expect(404);
      await fetchFile(t, leaver, doc.url).expect(404);

      await api().delete(`/api/v1/chat/messages/${sent.body.id}`).set(owner.auth).expect(200);
      await fetchFile(t, member, doc.url).expect(404);
      await fetchFile(t, owner, doc.url).expect(404);
    });

    it('answers a retried send (same clientId) with the original message and its file', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const conversation = (
        await api()
          .post('/api/v1/chat/conversations')
          .set(a.auth)
          .send({ kind: 'direct', memberIds: [b.id] })
          .expect(201)
      ).body;
      const doc = await uploaded(t, a, 'attachment', pdf(), 'rota.pdf');
      const message = { clientId: randomUUID(), body: 'The rota', attachments: [{ fileId: doc.id }] };
      const sent = await api().post(`/api/v1/chat/conversations/${conversation.id}/messages`).set(a.auth).send(message).expect(201);
      const retried = await api().post(`/api/v1/chat/conversations/${conversation.id}/messages`).set(a.auth).send(message).expect(200);
      expect(retried.body).toMatchObject({ id: sent.body.id, attachments: [expect.objectContaining({ id: doc.id })] });
    });

    it('stores neither the message nor the claim when an attachment is not the sender’s', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const conversation = (
        await api()
          .post('/api/v1/chat/conversations')
          .set(a.auth)
          .send({ kind: 'direct', memberIds: [b.id] })
          .expect(201)
      ).body;
      const bsFile = await uploaded(t, b, 'attachment', pdf(), 'b.pdf');
      await api()
        .post(`/api/v1/chat/conversations/${conversation.id}/messages`)
        .set(a.auth)
        .send({ clientId: randomUUID(), body: 'Look', attachments: [{ fileId: bsFile.id }] })
        .expect(400);
      const history = await api().get(`/api/v1/chat/conversations/${conversation.id}/messages`).set(a.auth).expect(200);
      expect(history.body.items).toEqual([]);
    });
  });

  describe('avatars and logos', () => {
    it('sets an avatar shown beside the member everywhere, replaces it, and falls back to none', async () => {
      const [member, other] = [await createMember(t), await createMember(t)];
      const first = await uploaded(t, member, 'avatar', await jpeg(900, 500, { gps: true }), 'me.jpg');
      expect(first).toMatchObject({ width: 256, height: 256, contentType: 'image/webp' });
      const set = await api().put('/api/v1/me/avatar').set(member.auth).send({ fileId: first.id }).expect(200);
      expect(set.body.url).toBe(first.url);
      expect((await api().get('/api/v1/me').set(member.auth).expect(200)).body).toMatchObject({
        user: { avatarUrl: first.url },
        profile: { avatarUrl: first.url },
      });
      expect((await api().get(`/api/v1/members/${member.id}`).set(other.auth).expect(200)).body.avatarUrl).toBe(first.url);
      const thread = await createThread(t, member, categoryId);
      expect(thread.firstPost.author.avatarUrl).toBe(first.url);
      await fetchFile(t, other, first.url).expect(200);

      const second = await uploaded(t, member, 'avatar', await png(), 'new.png');
      await api().put('/api/v1/me/avatar').set(member.auth).send({ fileId: second.id }).expect(200);
      await fetchFile(t, other, first.url).expect(404);
      await fetchFile(t, other, second.url).expect(200);

      await api().delete('/api/v1/me/avatar').set(member.auth).expect(204);
      expect((await api().get('/api/v1/me').set(member.auth).expect(200)).body.user.avatarUrl).toBeNull();
      await fetchFile(t, member, second.url).expect(404);
    });

    it('refuses as an avatar a file uploaded for something else or by someone else', async () => {
      const [member, other] = [await createMember(t), await createMember(t)];
      const attachment = await uploaded(t, member, 'attachment', await png(), 'x.png');
      const theirs = await uploaded(t, other, 'avatar', await png(), 'y.png');
      for (const fileId of [attachment.id, theirs.id]) {
        expect((await api().put('/api/v1/me/avatar').set(member.auth).send({ fileId }).expect(400)).body.code).toBe('notYourFile');
      }
    });

    it('lets a member awaiting approval set an avatar, but not upload anything else', async () => {
      const pending = await createMember(t, { status: 'pending' });
      const avatar = await uploaded(t, pending, 'avatar', await png(), 'me.png');
      await api().put('/api/v1/me/avatar').set(pending.auth).send({ fileId: avatar.id }).expect(200);
      expect((await upload(t, pending, 'attachment', pdf(), 'x.pdf').expect(403)).body.code).toBe('awaitingApproval');
    });

    it('lets an organisation’s members set its logo, and no one else', async () => {
      const [member, outsider] = [await createMember(t), await createMember(t)];
      const org = await createOrganisation(t, member);
      const outsiders = await uploaded(t, outsider, 'logo', await png(800, 300), 'logo.png');
      await api().put(`/api/v1/organisations/${org.id}/logo`).set(outsider.auth).send({ fileId: outsiders.id }).expect(403);
      const logo = await uploaded(t, member, 'logo', await png(800, 300), 'logo.png');
      expect(logo).toMatchObject({ width: 512, height: 192 });
      await api().put(`/api/v1/organisations/${org.id}/logo`).set(member.auth).send({ fileId: logo.id }).expect(200);
      expect((await api().get(`/api/v1/organisations/${org.id}`).set(outsider.auth).expect(200)).body.logoUrl).toBe(logo.url);
      await fetchFile(t, outsider, logo.url).expect(200);
      // The refused claim was rolled back: the outsider's upload is still an unused draft.
      await fetchFile(t, member, outsiders.url).expect(404);
    });
  });

  describe('the resource library', () => {
    async function publish(
      author: TestMember,
      fields: Partial<{ title: string; summary: string; supportArea: string; stage: string }> = {},
    ) {
      const file = await uploaded(t, author, 'resource', pdf(fields.title ?? 'Template'), 'template.pdf');
      const response = await api()
        .post('/api/v1/resources')
        .set(author.auth)
        .send({
          title: fields.title ?? 'Options appraisal template',
          summary: fields.summary ?? 'A template to compare staying in-house, outsourcing and spinning out as a mutual.',
          supportArea: fields.supportArea ?? 'options-appraisal',
          stage: fields.stage ?? 'options-appraisal',
          fileId: file.id,
        })
        .expect(201);
      return { resource: response.body, file: file as FileView };
    }

    it('publishes, finds by words, area and stage, and counts downloads', async () => {
      const [author, reader] = [await createMember(t), await createMember(t)];
      const { resource } = await publish(author, {
        title: 'TUPE and pensions checklist',
        supportArea: 'hr-tupe-pensions',
        stage: 'mobilisation',
      });
      await publish(author, { title: 'Business case outline', supportArea: 'business-planning', stage: 'business-case' });
      const byWords = await api().get('/api/v1/resources').query({ q: 'pensions checklist' }).set(reader.auth).expect(200);
      expect(byWords.body.items.map((r: { id: string }) => r.id)).toEqual([resource.id]);
      const byArea = await api()
        .get('/api/v1/resources')
        .query({ supportArea: 'hr-tupe-pensions', stage: 'mobilisation' })
        .set(reader.auth)
        .expect(200);
      expect(byArea.body.items.map((r: { id: string }) => r.id)).toContain(resource.id);
      expect(byArea.body.items.every((r: { stage: string }) => r.stage === 'mobilisation')).toBe(true);

      for (let i = 0; i < 2; i++) {
        const redirect = await api().get(`/api/v1/resources/${resource.id}/download`).set(reader.auth).expect(303);
        expect(redirect.headers.location).toBe(resource.file.url);
      }
      expect((await api().get(`/api/v1/resources/${resource.id}`).set(reader.auth).expect(200)).body).toMatchObject({
        downloadCount: 2,
        canDelete: false,
        author: { id: author.id },
      });
      await fetchFile(t, reader, resource.file.url).expect(200);
    });

    it('refuses an unknown area or stage, and lets only the author or a coordinator remove a resource', async () => {
      const [author, other] = [await createMember(t), await createMember(t)];
      const file = await uploaded(t, author, 'resource', pdf(), 'x.pdf');
      const bad = await api()
        .post('/api/v1/resources')
        .set(author.auth)
        .send({ title: 'A guide', summary: 'Something useful for everyone', supportArea: 'astrology', stage: 'moon', fileId: file.id })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['stage', 'supportArea']);
      const { resource } = await publish(author);
      await api().delete(`/api/v1/resources/${resource.id}`).set(other.auth).expect(403);
      await api().delete(`/api/v1/resources/${resource.id}`).set(coordinator.auth).expect(204);
      await api().get(`/api/v1/resources/${resource.id}`).set(author.auth).expect(404);
      await fetchFile(t, author, resource.file.url).expect(404);
    });
  });
});

describe('files: upload rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After after 30 uploads in ten minutes', async () => {
    const member = await createMember(t);
    const bytes = pdf();
    for (let i = 0; i < 30; i++) await upload(t, member, 'attachment', bytes, `n${i}.pdf`).expect(201);
    const limited = await upload(t, member, 'attachment', bytes, 'over.pdf').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
