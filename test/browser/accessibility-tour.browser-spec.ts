// Every page of the client, as a member and as a coordinator, at desktop and phone widths: axe
// finds no serious or critical violation, headings skip no level, nothing is wider than the screen.
import request from 'supertest';
import type { Page } from 'playwright-core';
import type { ConversationView } from '@mutuals/contracts';
import { BrowserWorld, describeBrowser, expectAccessible, startBrowserWorld, signInAs } from '../support/browser';
import { createCoordinator } from '../support/factories';
import { createCategory, createThread } from '../support/forums';
import { startMentorship } from '../support/mentoring';

describeBrowser('accessibility tour', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function visit(page: Page, path: string) {
    await page.goto(path);
    await page.locator('#main h1').first().waitFor();
    await expectAccessible(page);
    const overflow = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
      return d.documentElement.scrollWidth - d.documentElement.clientWidth;
    });
    expect({ path, overflow }).toEqual({ path, overflow: 0 });
    // Heading levels go down one at a time (h1, h2, h3), so the outline reads as a tree.
    const levels = await page.evaluate(() =>
      Array.from(
        (
          globalThis as unknown as { document: { querySelectorAll: (s: string) => ArrayLike<{ tagName: string }> } }
        ).document.querySelectorAll('h1, h2, h3, h4, h5, h6'),
        (h) => Number(h.tagName[1]),
      ),
    );
    const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1);
    expect({ path, skips }).toEqual({ path, skips: [] });
  }

  for (const width of [1200, 360]) {
    it(`every page at ${width} px`, async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(world.t);
      const coordinator = await createCoordinator(world.t);
      const category = await createCategory(world.t, coordinator);
      const thread = await createThread(world.t, mentee, category.id, { title: 'Tour thread', body: 'A **first** post' });
      const conversation: ConversationView = (
        await request(world.t.url)
          .post('/api/v1/chat/conversations')
          .set(mentee.auth)
          .send({ kind: 'direct', memberIds: [mentor.id] })
          .expect(201)
      ).body;

      const visitor = await world.newPerson({ width });
      for (const path of ['/', '/eligibility', '/register', '/signin', '/no-such-page']) await visit(visitor.page, path);

      const member = await world.newPerson({ width });
      await signInAs(world, member.context, mentee);
      for (const path of [
        '/mentoring',
        '/mentoring?box=outgoing',
        '/mentoring?box=mentorships',
        `/mentoring/mentorships/${mentorshipId}`,
        `/members/${mentor.id}`,
        '/members',
        '/profile',
        '/onboarding',
        '/forums',
        `/forums/c/${category.slug}`,
        `/forums/threads/${thread.id}`,
        '/forums/search?q=first',
        '/chat',
        `/chat/${conversation.id}`,
        '/notifications',
      ]) {
        await visit(member.page, path);
      }

      // A mentor seeks no mentor: /mentoring has no suggestions section above the requests.
      const mentorSide = await world.newPerson({ width });
      await signInAs(world, mentorSide.context, mentor);
      await visit(mentorSide.page, '/mentoring?box=incoming');

      const staff = await world.newPerson({ width });
      await signInAs(world, staff.context, coordinator);
      for (const path of ['/admin/members', '/admin/members?status=active', '/admin/matching', '/admin/flags'])
        await visit(staff.page, path);
    });
  }
});
