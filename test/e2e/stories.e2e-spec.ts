import request from 'supertest';
import type { StorySummary, StoryView } from '@mutuals/contracts';
import { createCoordinator, createMember, createOrganisation, type TestMember } from '../support/factories';
import { fetchFile, jpeg, uploaded } from '../support/files';
import { api, startMentorship } from '../support/mentoring';
import { draftStory, storyInput } from '../support/stories';
import { TestApp, startTestApp } from '../support/test-app';

describe('stories: writing, consent, review and the public list', () => {
  let t: TestApp;
  let coordinator: TestMember;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false, env: { LOG_LEVEL: 'error' } });
    coordinator = await createCoordinator(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const anonymous = () => request(t.url);

  /** The member's in-app notices that match, once the after-commit listeners had a moment to write them. */
  async function notificationsOf(member: TestMember, match: (n: { kind: string; title: string }) => boolean) {
    for (let attempt = 0; ; attempt++) {
      const items: { kind: string; title: string }[] = (await api(t).get('/notifications', member).expect(200)).body.items;
      if (items.some(match) || attempt === 50) return items.filter(match);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A story submitted by a new author crediting a new member, consent given, published. */
  async function publishedStory(overrides: Record<string, unknown> = {}) {
    const [author, credited] = [await createMember(t), await createMember(t)];
    const story = await draftStory(t, author, { memberCredits: [{ userId: credited.id, role: 'Finance lead' }], ...overrides });
    await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
    await api(t).post(`/stories/${story.id}/consent`, credited, { consent: 'given' }).expect(200);
    const published: StoryView = (await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(200)).body;
    return { author, credited, story: published };
  }

  describe('POST /stories and PATCH /stories/:id', () => {
    it('makes a draft with rendered Markdown, outcomes and a slug from the title', async () => {
      const author = await createMember(t);
      const organisation = await createOrganisation(t, author, { region: 'yorkshire-humber', stage: 'growing' });
      const story = await draftStory(t, author, {
        title: 'Riverside Care: 300 staff, now owners',
        body: '## How we did it\n\nWe **balloted** every member of staff. <script>alert(1)</script>',
        organisationId: organisation.id,
      });
      expect(story).toMatchObject({
        status: 'draft',
        slug: 'riverside-care-300-staff-now-owners',
        region: 'yorkshire-humber',
        stage: 'growing',
        outcomes: [{ label: 'Staff who became members', value: '312' }],
        organisation: { id: organisation.id },
        permissions: { edit: true, submit: true, review: false },
      });
      expect(story.bodyHtml).toContain('<strong>balloted</strong>');
      expect(story.bodyHtml).not.toContain('<script>');
    });

    it('answers 400 naming every bad field, and 401 signed out', async () => {
      const author = await createMember(t);
      const bad = await api(t)
        .post('/stories', author, {
          title: 'x',
          summary: 'short',
          body: '',
          sector: 'astrology',
          region: 'atlantis',
          outcomes: [{ label: '', value: '1' }],
          memberCredits: [{ userId: 'not-a-uuid' }],
        })
        .expect(400);
      const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining(['title', 'summary', 'body', 'sector', 'region', 'outcomes.0.label', 'memberCredits.0.userId']),
      );
      await api(t)
        .post('/stories', author, { ...storyInput(), organisationId: '6f1c1a5e-4c1b-4d8a-9a57-3f0f1b1f0e11' })
        .expect(400);
      const unknownMember = await api(t)
        .post('/stories', author, { ...storyInput(), memberCredits: [{ userId: '6f1c1a5e-4c1b-4d8a-9a57-3f0f1b1f0e11' }] })
        .expect(400);
      expect(unknownMember.body.errors).toEqual([{ field: 'memberCredits.0.userId', message: 'is not an active member' }]);
      await anonymous().post('/api/v1/stories').send(storyInput()).expect(401);
      await api(t).patch('/stories/not-a-uuid', author, { title: 'A better title' }).expect(400);
    });

    it('keeps a stable slug across title edits: the old one still reaches the published story', async () => {
      const author = await createMember(t);
      const credited = await createMember(t);
      const story = await draftStory(t, author, { title: 'Leisure trust turns a profit', memberCredits: [{ userId: credited.id }] });
      const renamed: StoryView = (
        await api(t).patch(`/stories/${story.id}`, author, { title: 'Leisure trust reinvests its surplus' }).expect(200)
      ).body;
      expect(renamed.slug).toBe('leisure-trust-reinvests-its-surplus');
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      await api(t).post(`/stories/${story.id}/consent`, credited, { consent: 'given' }).expect(200);
      await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(200);
      const byOld = await anonymous().get('/api/v1/stories/leisure-trust-turns-a-profit').expect(200);
      expect(byOld.body.slug).toBe('leisure-trust-reinvests-its-surplus');
      // A second story of the first title gets a slug of its own: a slug names one story forever.
      const second = await draftStory(t, author, { title: 'Leisure trust turns a profit' });
      expect(second.slug).toBe('leisure-trust-turns-a-profit-2');
    });

    it('lets only the author edit, and only while a draft or sent back', async () => {
      const author = await createMember(t);
      const other = await createMember(t);
      const story = await draftStory(t, author);
      await api(t).patch(`/stories/${story.id}`, other, { title: 'Mine now' }).expect(404);
      await api(t).patch(`/stories/${story.id}`, coordinator, { title: 'Mine now' }).expect(404);
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      const refused = await api(t).patch(`/stories/${story.id}`, author, { title: 'Too late' }).expect(409);
      expect(refused.body.code).toBe('storyNotEditable');
      await api(t).post(`/stories/${story.id}/submit`, author).expect(409);
      await api(t).post(`/admin/stories/${story.id}/reject`, coordinator, { reason: 'Add the staff survey figures, please' }).expect(200);
      const back: StoryView = (await api(t).get(`/stories/by-id/${story.id}`, author).expect(200)).body;
      expect(back).toMatchObject({ status: 'changes_requested', reason: 'Add the staff survey figures, please' });
      await api(t)
        .patch(`/stories/${story.id}`, author, { outcomes: [{ label: 'Staff engagement', value: '87%' }] })
        .expect(200);
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      await api(t).patch(`/stories/${story.id}`, other, { title: 'Mine now' }).expect(404);
    });
  });

  describe('who sees a story', () => {
    it('keeps a draft from others, coordinators and the public, and its cover image too', async () => {
      const [author, other] = [await createMember(t), await createMember(t)];
      const cover = await uploaded(t, author, 'cover', await jpeg(1200, 800), 'team.jpg');
      const story = await draftStory(t, author, { coverFileId: cover.id, coverAlt: 'The team outside the day centre' });
      expect(story.cover).toMatchObject({ url: cover.url, alt: 'The team outside the day centre' });
      await fetchFile(t, author, cover.url).expect(200);
      for (const viewer of [other, coordinator]) {
        await api(t).get(`/stories/by-id/${story.id}`, viewer).expect(404);
        await fetchFile(t, viewer, cover.url).expect(404);
      }
      await fetchFile(t, null, cover.url).expect(404);
      await anonymous().get(`/api/v1/stories/${story.slug}`).expect(404);
      const list = await anonymous().get('/api/v1/stories').expect(200);
      expect((list.body.items as StorySummary[]).map((s) => s.id)).not.toContain(story.id);
    });

    it('shows a submitted story to coordinators and the credited, not to other members or the public', async () => {
      const [author, credited, other] = [await createMember(t), await createMember(t), await createMember(t)];
      const story = await draftStory(t, author, { memberCredits: [{ userId: credited.id, role: 'Chair' }] });
      await api(t).get(`/stories/by-id/${story.id}`, credited).expect(404);
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      await api(t).get(`/stories/by-id/${story.id}`, coordinator).expect(200);
      const seen: StoryView = (await api(t).get(`/stories/by-id/${story.id}`, credited).expect(200)).body;
      expect(seen.permissions.consent).toBe(true);
      await api(t).get(`/stories/by-id/${story.id}`, other).expect(404);
      await anonymous().get(`/api/v1/stories/${story.slug}`).expect(404);
    });

    it('opens a published story, its cover included, to anyone signed in or not', async () => {
      const author = await createMember(t);
      const cover = await uploaded(t, author, 'cover', await jpeg(1200, 800), 'cover.jpg');
      const own = await draftStory(t, author, { coverFileId: cover.id });
      expect(own.cover?.url).toBe(cover.url);
      const credited = await createMember(t);
      await api(t)
        .patch(`/stories/${own.id}`, author, { memberCredits: [{ userId: credited.id }] })
        .expect(200);
      await api(t).post(`/stories/${own.id}/submit`, author).expect(200);
      await fetchFile(t, null, cover.url).expect(404);
      await api(t).post(`/stories/${own.id}/consent`, credited, { consent: 'given' }).expect(200);
      await api(t).post(`/admin/stories/${own.id}/publish`, coordinator).expect(200);
      await fetchFile(t, null, cover.url).expect(200);
      await fetchFile(t, await createMember(t), cover.url).expect(200);
      const page = await anonymous().get(`/api/v1/stories/${own.slug}`).expect(200);
      expect(page.body).toMatchObject({ status: 'published', cover: { url: cover.url } });
    });

    it("refuses another member's upload or an attachment upload as a cover", async () => {
      const [author, other] = [await createMember(t), await createMember(t)];
      const theirs = await uploaded(t, other, 'cover', await jpeg(), 'theirs.jpg');
      const attachment = await uploaded(t, author, 'attachment', await jpeg(), 'attachment.jpg');
      for (const fileId of [theirs.id, attachment.id]) {
        const refused = await api(t)
          .post('/stories', author, { ...storyInput(), coverFileId: fileId })
          .expect(400);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'coverFileId' })]);
      }
    });
  });

  describe('consent and publication', () => {
    it('cannot be published until every credited member consents; a decline blocks it', async () => {
      const [author, first, second] = [await createMember(t), await createMember(t), await createMember(t)];
      const story = await draftStory(t, author, {
        memberCredits: [
          { userId: first.id, role: 'Mentor' },
          { userId: second.id, role: 'HR lead' },
        ],
      });
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      const waiting = await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(409);
      expect(waiting.body.code).toBe('consentMissing');
      expect(waiting.body.detail).toContain(first.displayName);
      await api(t).post(`/stories/${story.id}/consent`, first, { consent: 'given' }).expect(200);
      await api(t).post(`/stories/${story.id}/consent`, second, { consent: 'declined' }).expect(200);
      await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(409);
      await api(t).post(`/stories/${story.id}/consent`, second, { consent: 'given' }).expect(200);
      const published: StoryView = (await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(200)).body;
      expect(published.status).toBe('published');
      expect(published.memberCredits.map((c) => [c.displayName, c.consent])).toEqual([
        [first.displayName, 'given'],
        [second.displayName, 'given'],
      ]);
    });

    it('asks again everyone who answered once the author changes what they answered to, and tells them', async () => {
      const [author, first, second, third] = [await createMember(t), await createMember(t), await createMember(t), await createMember(t)];
      const story = await draftStory(t, author, {
        memberCredits: [
          { userId: first.id, role: 'Mentor' },
          { userId: second.id, role: 'HR lead' },
          { userId: third.id, role: 'Chair' },
        ],
      });
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      await api(t).post(`/stories/${story.id}/consent`, first, { consent: 'given' }).expect(200);
      await api(t).post(`/stories/${story.id}/consent`, second, { consent: 'declined' }).expect(200);
      await api(t).post(`/stories/${story.id}/consent`, third, { consent: 'given' }).expect(200);
      await api(t).post(`/admin/stories/${story.id}/reject`, coordinator, { reason: 'Say what the ballot decided' }).expect(200);
      const consents = async () =>
        ((await api(t).get(`/stories/by-id/${story.id}`, author).expect(200)).body as StoryView).memberCredits.map((c) => c.consent);

      // Sending what is already there, or changing only the mentorship link, asks nobody again.
      await api(t).patch(`/stories/${story.id}`, author, { title: story.title, summary: story.summary }).expect(200);
      expect(await consents()).toEqual(['given', 'declined', 'given']);
      // Only the member whose own credit changes is asked again...
      await api(t)
        .patch(`/stories/${story.id}`, author, {
          memberCredits: [
            { userId: first.id, role: 'Mentor' },
            { userId: second.id, role: 'HR lead' },
            { userId: third.id, role: 'Chair of the board' },
          ],
        })
        .expect(200);
      expect(await consents()).toEqual(['given', 'declined', 'pending']);
      // ...and everyone, once the text changes.
      await api(t)
        .patch(`/stories/${story.id}`, author, { body: `${story.body}\n\nThe ballot passed with 91% in favour.` })
        .expect(200);
      expect(await consents()).toEqual(['pending', 'pending', 'pending']);
      const told = await notificationsOf(first, (n) => n.kind === 'story.consent' && n.title.includes('changed the story'));
      expect(told).toHaveLength(1);
      // Told once: their answer was already forgotten when the text changed.
      expect(await notificationsOf(third, (n) => n.title.includes('changed the story'))).toHaveLength(1);

      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      expect((await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(409)).body.code).toBe('consentMissing');
      for (const member of [first, second, third])
        await api(t).post(`/stories/${story.id}/consent`, member, { consent: 'given' }).expect(200);
      await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(200);
    });

    it('comes off the public pages when a credited member withdraws consent, and back when they give it again', async () => {
      const [author, first, second] = [await createMember(t), await createMember(t), await createMember(t)];
      const story = await draftStory(t, author, {
        title: 'Withdrawn and restored',
        memberCredits: [
          { userId: first.id, role: 'Mentor' },
          { userId: second.id, role: 'HR lead' },
        ],
      });
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      for (const member of [first, second]) await api(t).post(`/stories/${story.id}/consent`, member, { consent: 'given' }).expect(200);
      const { slug } = (await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(200)).body;
      const listed = async () =>
        ((await anonymous().get('/api/v1/stories?limit=100').expect(200)).body.items as StorySummary[]).map((i) => i.id);
      expect(await listed()).toContain(story.id);

      const withdrawn: StoryView = (await api(t).post(`/stories/${story.id}/consent`, second, { consent: 'declined' }).expect(200)).body;
      expect(withdrawn.status).toBe('submitted');
      await anonymous().get(`/api/v1/stories/${slug}`).expect(404);
      expect(await listed()).not.toContain(story.id);
      await anonymous().get(`/stories/${slug}`).expect(404); // the server-rendered page too
      expect(await notificationsOf(author, (n) => n.title.includes('withdrew their consent'))).toHaveLength(1);
      expect((await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(409)).body.code).toBe('consentMissing');

      const restored: StoryView = (await api(t).post(`/stories/${story.id}/consent`, second, { consent: 'given' }).expect(200)).body;
      expect(restored.status).toBe('published');
      await anonymous().get(`/api/v1/stories/${slug}`).expect(200);
      expect(await listed()).toContain(story.id);

      // Withdrawn again, then sent back and changed: the new text needs a coordinator before it shows.
      await api(t).post(`/stories/${story.id}/consent`, second, { consent: 'declined' }).expect(200);
      await api(t).post(`/admin/stories/${story.id}/reject`, coordinator, { reason: 'Take out the HR lead' }).expect(200);
      await api(t)
        .patch(`/stories/${story.id}`, author, { memberCredits: [{ userId: first.id, role: 'Mentor' }] })
        .expect(200);
      await api(t).patch(`/stories/${story.id}`, author, { summary: 'Told without the HR lead.' }).expect(200);
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      const again: StoryView = (await api(t).post(`/stories/${story.id}/consent`, first, { consent: 'given' }).expect(200)).body;
      expect(again.status).toBe('submitted');
      await anonymous().get(`/api/v1/stories/${slug}`).expect(404);
      await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(200);
      await anonymous().get(`/api/v1/stories/${slug}`).expect(200);
    });

    it('refuses consent from members the story does not credit, and bad answers', async () => {
      const [author, credited, stranger] = [await createMember(t), await createMember(t), await createMember(t)];
      const story = await draftStory(t, author, { memberCredits: [{ userId: credited.id }] });
      await api(t).post(`/stories/${story.id}/consent`, credited, { consent: 'given' }).expect(404); // not asked yet: a draft
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      await api(t).post(`/stories/${story.id}/consent`, stranger, { consent: 'given' }).expect(404);
      const own = await api(t).post(`/stories/${story.id}/consent`, author, { consent: 'given' }).expect(403);
      expect(own.body.code).toBe('notCredited');
      const bad = await api(t).post(`/stories/${story.id}/consent`, credited, { consent: 'maybe' }).expect(400);
      expect(bad.body.errors[0].field).toBe('consent');
      const requests = await api(t).get('/me/story-credits', credited).expect(200);
      expect(requests.body).toEqual([expect.objectContaining({ story: expect.objectContaining({ id: story.id }), consent: 'pending' })]);
    });

    it('credits both sides of a mentorship, the author’s own consent given by writing it', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const story = await draftStory(t, mentee, { mentorshipId });
      expect(story.memberCredits.map((c) => [c.userId, c.role, c.consent])).toEqual([
        [mentor.id, 'Mentor', 'pending'],
        [mentee.id, 'Mentee', 'given'],
      ]);
      const stranger = await createMember(t);
      const refused = await api(t)
        .post('/stories', stranger, { ...storyInput(), mentorshipId })
        .expect(400);
      expect(refused.body.errors).toEqual([{ field: 'mentorshipId', message: 'is not a mentorship of yours' }]);
      await api(t).post(`/stories/${story.id}/submit`, mentee).expect(200);
      await api(t).post(`/stories/${story.id}/consent`, mentor, { consent: 'given' }).expect(200);
      await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(200);
    });
  });

  describe('the coordinator’s review', () => {
    it('is for coordinators only: a member cannot publish, reject, feature or see the queue', async () => {
      const author = await createMember(t);
      const story = await draftStory(t, author);
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      for (const [path, body] of [
        ['publish', {}],
        ['reject', { reason: 'Not good enough' }],
        ['feature', { value: true }],
        ['withdraw', {}],
      ] as const) {
        const refused = await api(t).post(`/admin/stories/${story.id}/${path}`, author, body).expect(403);
        expect(refused.body.code).toBe('coordinatorsOnly');
      }
      await api(t).get('/admin/stories', author).expect(403);
      await anonymous().post(`/api/v1/admin/stories/${story.id}/publish`).expect(401);
    });

    it('lists submitted stories oldest first; checks reasons, values and states', async () => {
      const author = await createMember(t);
      const story = await draftStory(t, author);
      await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(404); // a draft is nobody else's business
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      const queue = await api(t).get('/admin/stories?limit=100', coordinator).expect(200);
      expect((queue.body.items as StoryView[]).map((s) => s.id)).toContain(story.id);
      await api(t).get('/admin/stories?status=draft', coordinator).expect(400);
      const noReason = await api(t).post(`/admin/stories/${story.id}/reject`, coordinator, {}).expect(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      const badValue = await api(t).post(`/admin/stories/${story.id}/feature`, coordinator, { value: 'yes' }).expect(400);
      expect(badValue.body.errors[0].field).toBe('value');
      const notPublished = await api(t).post(`/admin/stories/${story.id}/feature`, coordinator, { value: true }).expect(409);
      expect(notPublished.body.code).toBe('invalidTransition');
      await api(t).post('/admin/stories/6f1c1a5e-4c1b-4d8a-9a57-3f0f1b1f0e11/publish', coordinator).expect(404);
    });

    it('features and unfeatures a published story, and withdraws it from the public', async () => {
      const { story, author } = await publishedStory();
      const featured: StoryView = (await api(t).post(`/admin/stories/${story.id}/feature`, coordinator, { value: true }).expect(200)).body;
      expect(featured.featured).toBe(true);
      const onlyFeatured = await anonymous().get('/api/v1/stories?featured=true&limit=100').expect(200);
      expect((onlyFeatured.body.items as StorySummary[]).every((s) => s.featured)).toBe(true);
      expect((onlyFeatured.body.items as StorySummary[]).map((s) => s.id)).toContain(story.id);
      await api(t).post(`/admin/stories/${story.id}/feature`, coordinator, { value: false }).expect(200);
      const withdrawn: StoryView = (
        await api(t).post(`/admin/stories/${story.id}/withdraw`, coordinator, { reason: 'The contract ended' }).expect(200)
      ).body;
      expect(withdrawn).toMatchObject({ status: 'withdrawn', featured: false });
      await anonymous().get(`/api/v1/stories/${story.slug}`).expect(404);
      const mine = await api(t).get('/me/stories', author).expect(200);
      expect(mine.body.items[0]).toMatchObject({ id: story.id, status: 'withdrawn', reason: 'The contract ended' });
      await api(t).post(`/stories/${story.id}/withdraw`, author).expect(409);
    });

    it('lets the author withdraw, and nobody else through the author’s route', async () => {
      const author = await createMember(t);
      const story = await draftStory(t, author);
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      const refused = await api(t).post(`/stories/${story.id}/withdraw`, coordinator).expect(403);
      expect(refused.body.code).toBe('notYourStory');
      await api(t)
        .post(`/stories/${story.id}/withdraw`, author, { reason: 'x'.repeat(2001) })
        .expect(400);
      await api(t).post(`/stories/${story.id}/withdraw`, author).expect(200);
    });
  });

  describe('GET /stories (public)', () => {
    it('lists only published stories, filtered by sector, region, stage and outcome, a page at a time', async () => {
      const { story: care } = await publishedStory({
        sector: 'libraries',
        region: 'south-west',
        stage: 'spun-out',
        outcomes: [{ label: 'Contracts won', value: '3' }],
      });
      await publishedStory({ sector: 'libraries', region: 'london', outcomes: [{ label: 'People served', value: '40,000' }] });
      const draftAuthor = await createMember(t);
      await draftStory(t, draftAuthor, { sector: 'libraries' });
      const ids = async (query: string) =>
        ((await anonymous().get(`/api/v1/stories?${query}`).expect(200)).body.items as StorySummary[]).map((s) => s.id);
      expect(await ids('sector=libraries&limit=100')).toHaveLength(2);
      expect(await ids('sector=libraries&region=south-west')).toEqual([care.id]);
      expect(await ids('sector=libraries&stage=spun-out')).toEqual([care.id]);
      expect(await ids('sector=libraries&outcome=contracts')).toEqual([care.id]);
      const first = await anonymous().get('/api/v1/stories?sector=libraries&limit=1').expect(200);
      const second = await anonymous().get(`/api/v1/stories?sector=libraries&limit=1&cursor=${first.body.nextCursor}`).expect(200);
      expect([...first.body.items, ...second.body.items].map((s: StorySummary) => s.id)).toHaveLength(2);
      expect(second.body.nextCursor).toBeNull();
      const bad = await anonymous().get('/api/v1/stories?sector=astrology&featured=maybe&limit=500&cursor=zzz').expect(400);
      expect((bad.body.errors as { field: string }[]).map((e) => e.field)).toEqual(expect.arrayContaining(['sector', 'featured', 'limit']));
    });

    it('opens a discussion in "Success and celebrations" for each published story, linked from it', async () => {
      const { story, author } = await publishedStory();
      const seen: StoryView = (await anonymous().get(`/api/v1/stories/${story.slug}`).expect(200)).body;
      expect(seen.discussionThreadId).toEqual(expect.any(String));
      const thread = await api(t).get(`/forums/threads/${seen.discussionThreadId}`, author).expect(200);
      expect(thread.body).toMatchObject({ title: story.title, categorySlug: 'success-and-celebrations' });
    });
  });

  it('counts stories per state for the programme, by sector', async () => {
    const { StoriesService } = await import('@mutuals/stories');
    const before = await t.app.get(StoriesService).pipelineCounts({ sector: 'fire-rescue' });
    const author = await createMember(t);
    await draftStory(t, author, { sector: 'fire-rescue' });
    await publishedStory({ sector: 'fire-rescue' });
    const after = await t.app.get(StoriesService).pipelineCounts({ sector: 'fire-rescue' });
    expect(after.draft - before.draft).toBe(1);
    expect(after.published - before.published).toBe(1);
    expect(after.submitted).toBe(before.submitted);
  });
});
