import type { BrowserContext, Page } from 'playwright-core';
import { ForumsPostingService } from '@mutuals/forums';
import { XSS_VECTORS } from '../support/xss-vectors';
import { createCoordinator, createMember, type TestMember } from '../support/factories';
import { createCategory, createThread } from '../support/forums';
import { BrowserWorld, describeBrowser, startBrowserWorld, signInAs } from '../support/browser';

describeBrowser('forums journey', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function signedIn(member: TestMember): Promise<{ context: BrowserContext; page: Page }> {
    const person = await world.newPerson();
    await signInAs(world, person.context, member);
    return person;
  }

  it('shows a reply to the other reader of the thread as soon as it is posted', async () => {
    const [author, reader] = [
      await createMember(world.t, { displayName: 'Amara Osei' }),
      await createMember(world.t, { displayName: 'Tom Hartley' }),
    ];
    const category = await createCategory(world.t);
    const thread = await createThread(world.t, reader, category.id, {
      title: 'Pension admission agreement: bond or guarantee?',
      body: 'The fund wants a bond. What did you do?',
    });

    const { page: readerPage } = await signedIn(reader);
    await readerPage.goto(`/forums/threads/${thread.id}`);
    await readerPage.getByRole('heading', { name: thread.title }).waitFor();
    await readerPage.getByText('The fund wants a bond.').waitFor();

    const { page: authorPage } = await signedIn(author);
    await authorPage.goto(`/forums/c/${category.slug}`);
    await authorPage.getByRole('link', { name: thread.title }).click();
    const post = authorPage.getByRole('listitem', { name: 'Post by Tom Hartley' });
    await post.getByRole('button', { name: 'Quote' }).click();
    const composer = authorPage.getByRole('textbox', { name: 'Your reply' });
    await composer.press('Control+End');
    await composer.pressSequentially('We got a **council guarantee** in the end.');
    await authorPage.getByRole('tab', { name: 'Preview' }).click();
    await authorPage.getByRole('tabpanel', { name: 'Preview' }).locator('strong', { hasText: 'council guarantee' }).waitFor();
    await authorPage.getByRole('tab', { name: 'Write' }).click();
    await authorPage.getByRole('button', { name: 'Post reply' }).click();

    const live = readerPage.getByRole('listitem', { name: 'Post by Amara Osei' });
    await live.locator('strong', { hasText: 'council guarantee' }).waitFor();
    await live.locator('blockquote', { hasText: 'The fund wants a bond.' }).waitFor();
    await readerPage.screenshot({ path: 'test/.artifacts/forum-thread-live.png', fullPage: true });

    await live.getByRole('button', { name: /Thumbs up/ }).click();
    await live.getByRole('button', { name: 'Thumbs up: 1' }).waitFor();
  });

  it('runs none of the XSS corpus when the thread is shown', async () => {
    const author = await createMember(world.t);
    const category = await createCategory(world.t, await createCoordinator(world.t));
    const thread = await createThread(world.t, author, category.id, { title: 'Corpus', body: 'Hostile input follows' });
    // Setup straight through the service: the corpus is more posts than the rate limit allows.
    const forums = world.t.app.get(ForumsPostingService);
    const as = { id: author.id, role: 'member' as const, status: 'active' as const, sessionId: 'test', via: 'bearer' as const };
    for (let i = 0; i < XSS_VECTORS.length; i += 10) {
      await forums.reply(as, thread.id, { body: XSS_VECTORS.slice(i, i + 10).join('\n\n') }, { rateLimited: false });
    }
    for (const vector of XSS_VECTORS.slice(0, 20))
      await forums.reply(as, thread.id, { body: vector, replyToPostId: thread.firstPost.id }, { rateLimited: false });

    const { page } = await signedIn(author);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      w.__xss = false;
      for (const name of ['alert', 'confirm', 'prompt']) {
        const original = w[name] as (...args: unknown[]) => unknown;
        w[name] = (...args: unknown[]) => {
          w.__xss = true;
          return original.apply(globalThis, args);
        };
      }
    });
    await page.goto(`/forums/threads/${thread.id}`);
    await page.getByText('Hostile input follows').waitFor();
    // Load every page of the thread, then give anything that would run a moment to do so.
    while (await page.getByRole('button', { name: 'Show more posts' }).isVisible()) {
      await page.getByRole('button', { name: 'Show more posts' }).click();
      await page.waitForTimeout(200);
    }
    await page.mouse.move(300, 300);
    await page.waitForTimeout(1000);
    expect(await page.locator('.forum-post').count()).toBeGreaterThan(30);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss: boolean }).__xss)).toBe(false);
    expect(dialogs).toEqual([]);
  });
});
