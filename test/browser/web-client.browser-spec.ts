// The web client's own behaviour a person notices: a signed-out visit is quiet and unknown
// addresses say so; an approval reaches the open tab; unread chat shows in the header on a phone,
// where the composer is in view; focus lands on what was just made.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Page } from 'playwright-core';
import type { ConversationView } from '@mutuals/contracts';
import { BrowserWorld, describeBrowser, startBrowserWorld, signInAs } from '../support/browser';
import { createCoordinator, createMember } from '../support/factories';
import { createCategory } from '../support/forums';
import { createMentee, createMentor } from '../support/mentoring';

describeBrowser('web client journeys', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  /** The element that has focus, described by its tag, id and text. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = (
        globalThis as unknown as { document: { activeElement: { tagName: string; id: string; textContent: string | null } | null } }
      ).document.activeElement;
      return element ? { tag: element.tagName.toLowerCase(), id: element.id, text: (element.textContent ?? '').trim() } : null;
    });

  it('a signed-out visit logs no error, a taken email is named beside its field, and an unknown address answers 404', async () => {
    const { page } = await world.newPerson();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto('/');
    await page.locator('#site-nav').getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);

    // A taken email is named beside its field as a sentence.
    const taken = await createMember(world.t);
    await page.goto('/register');
    await page.getByLabel('Your name').fill('Second Try');
    await page.getByLabel('Email address').fill(taken.email);
    await page.getByLabel('Password', { exact: true }).fill('a long enough password');
    await page.getByRole('button', { name: /create account|register|join/i }).click();
    await page.locator('.field-error', { hasText: 'Email address is already registered' }).waitFor();

    const answer = await page.goto('/no/such/page');
    expect(answer?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect((await page.goto('/forums/threads/some-id'))?.status()).toBe(200);
  });

  it('a pending member becomes able to post the moment a coordinator approves them, without a reload', async () => {
    const category = await createCategory(world.t);
    const newcomer = await createMember(world.t, { status: 'pending', displayName: 'Nia Newcomer' });
    const coordinator = await createCoordinator(world.t);
    const { context, page } = await world.newPerson();
    await signInAs(world, context, newcomer);
    await page.goto(`/forums/c/${category.slug}`);
    await page.getByText('Your account is awaiting approval by a coordinator').waitFor();
    expect(await page.getByRole('button', { name: 'New thread' }).count()).toBe(0);

    await request(world.t.url).post(`/api/v1/admin/members/${newcomer.id}/approve`).set(coordinator.auth).expect(200);
    await page.getByRole('button', { name: 'New thread' }).waitFor();
    expect(await page.getByText('Your account is awaiting approval by a coordinator').count()).toBe(0);
    await page.getByRole('link', { name: /Notifications 1 unread/ }).waitFor();
  });

  it('lines the action cell of an Approvals row up with the rest of the row', async () => {
    const applicant = await createMember(world.t, { status: 'pending', displayName: 'Rhys Applicant' });
    const coordinator = await createCoordinator(world.t);
    const { context, page } = await world.newPerson();
    await signInAs(world, context, coordinator);
    await page.goto('/admin/members');
    const row = page.getByRole('row').filter({ hasText: applicant.displayName });
    await row.getByRole('button', { name: `Approve ${applicant.displayName}` }).waitFor();
    // Every cell of the row starts and ends on the row's lines (top, and the border at the bottom).
    const boxes = await Promise.all((await row.getByRole('cell').all()).map(async (cell) => (await cell.boundingBox())!));
    expect(new Set(boxes.map((box) => `${box.y} ${box.height}`)).size).toBe(1);
  });

  it('on a phone, unread chat shows on the Menu button and the Chat link, Escape closes the menu, and the composer is in view', async () => {
    const reader = await createMember(world.t, { displayName: 'Priya Phone' });
    const writer = await createMember(world.t, { displayName: 'Owen Writer' });
    const { context, page } = await world.newPerson({ width: 360 });
    await signInAs(world, context, reader);
    await page.goto('/forums');
    await page.getByRole('heading', { name: 'Forums' }).waitFor();

    // A new direct message arrives while Priya reads the forums.
    const conversation: ConversationView = (
      await request(world.t.url)
        .post('/api/v1/chat/conversations')
        .set(writer.auth)
        .send({ kind: 'direct', memberIds: [reader.id] })
        .expect(201)
    ).body;
    await request(world.t.url)
      .post(`/api/v1/chat/conversations/${conversation.id}/messages`)
      .set(writer.auth)
      .send({ clientId: randomUUID(), body: 'Are you free to talk about **TUPE**?' })
      .expect(201);

    const menu = page.getByRole('button', { name: /^Menu/ });
    await page.getByRole('button', { name: 'Menu 1 unread chat' }).waitFor();
    await menu.click();
    await page.getByRole('link', { name: 'Chat 1 unread' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Menu 1 unread chat' });

    await menu.click();
    await page.getByRole('link', { name: 'Chat 1 unread' }).click();
    // The list shows the message as plain text, not Markdown.
    await page.getByText('Are you free to talk about TUPE?').waitFor();
    await page.getByRole('link', { name: /Owen Writer/ }).click();
    await page.getByRole('log').getByText('TUPE').waitFor();
    const composer = page.getByLabel('Message', { exact: true });
    const box = await composer.boundingBox();
    const viewport = page.viewportSize()!;
    expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(0);
    expect(box && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
    // Read, so the badge goes.
    await page.getByRole('button', { name: 'Menu' }).waitFor();
    await page.screenshot({ path: 'test/.artifacts/chat-phone.png' });
  });

  it('focus lands on what was just made: a mentoring request, a new thread, a reply (which has Edit at once)', async () => {
    const mentor = await createMentor(world.t, {
      displayName: 'Fola Mentor',
      sectors: ['libraries'],
      region: 'wales',
      expertise: ['bid-writing'],
    });
    const mentee = await createMentee(world.t, {
      displayName: 'Hana Mentee',
      sectors: ['libraries'],
      region: 'wales',
      needs: ['bid-writing'],
    });
    const { context, page } = await world.newPerson();
    await signInAs(world, context, mentee);
    await page.goto(`/members/${mentor.id}`);
    await page.getByRole('link', { name: 'Request mentoring' }).click();
    await page.getByLabel('Message', { exact: true }).fill('Could you help with our first bids?');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText(/your request was sent to fola mentor/i).waitFor();
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { activeElement: { tagName: string } } }).document.activeElement.tagName === 'LI',
    );
    expect((await focused(page))?.text).toContain('To Fola Mentor');
    // A mentee has no incoming box; a mentor has no outgoing one and no mentee's sections.
    await page.goto('/mentoring');
    await page.getByRole('tab', { name: 'Outgoing requests', selected: true }).waitFor();
    expect(await page.getByRole('tab', { name: 'Incoming requests' }).count()).toBe(0);
    const mentorSide = await world.newPerson();
    await signInAs(world, mentorSide.context, mentor);
    await mentorSide.page.goto('/mentoring');
    await mentorSide.page.getByRole('tab', { name: 'Incoming requests', selected: true }).waitFor();
    await mentorSide.page.getByText('Could you help with our first bids?').waitFor();
    expect(await mentorSide.page.getByRole('tab', { name: 'Outgoing requests' }).count()).toBe(0);
    expect(await mentorSide.page.getByText('To see mentor suggestions').count()).toBe(0);

    const category = await createCategory(world.t);
    await page.goto(`/forums/c/${category.slug}`);
    await page.getByRole('button', { name: 'New thread' }).click();
    await page.getByRole('textbox', { name: 'First post' }).fill('What did your first tender cost you to write?');
    await page.getByRole('button', { name: 'Start thread' }).click();
    await page.locator('.field-error', { hasText: 'Enter a title for the thread' }).waitFor();
    await page.getByLabel('Title').fill('Costing a first tender');
    await page.getByRole('button', { name: 'Start thread' }).click();
    await page.getByRole('heading', { name: 'Costing a first tender', level: 1 }).waitFor();
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { activeElement: { tagName: string } } }).document.activeElement.tagName === 'H1',
    );

    await page.getByRole('textbox', { name: 'Your reply' }).fill('About four days of staff time.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    const mine = page.getByRole('listitem', { name: 'Post by Hana Mentee' }).filter({ hasText: 'About four days' });
    await mine.getByRole('button', { name: 'Edit' }).waitFor();
    await page.waitForFunction(() =>
      (
        globalThis as unknown as { document: { activeElement: { tagName: string; textContent: string } } }
      ).document.activeElement.textContent.includes('About four days'),
    );
    expect((await focused(page))?.tag).toBe('li');
  });

  it('a reply whose first send is lost on the network goes again by itself, with the same clientId', async () => {
    const author = await createMember(world.t, { displayName: 'Lena Lossy' });
    const category = await createCategory(world.t);
    const { context, page } = await world.newPerson();
    await signInAs(world, context, author);
    const sent: { clientId?: string }[] = [];
    await page.route('**/api/v1/forums/threads/*/posts', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      sent.push(route.request().postDataJSON() as { clientId?: string });
      return sent.length === 1 ? route.abort('failed') : route.continue();
    });
    await page.goto(`/forums/c/${category.slug}`);
    await page.getByRole('button', { name: 'New thread' }).click();
    await page.getByLabel('Title').fill('Lossy networks');
    await page.getByRole('textbox', { name: 'First post' }).fill('Starting a thread.');
    await page.getByRole('button', { name: 'Start thread' }).click();
    await page.getByRole('heading', { name: 'Lossy networks', level: 1 }).waitFor();

    await page.getByRole('textbox', { name: 'Your reply' }).fill('Sent once, stored once.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page
      .getByRole('listitem', { name: 'Post by Lena Lossy' })
      .filter({ hasText: 'Sent once, stored once.' })
      .getByRole('button', { name: 'Edit' })
      .waitFor();
    expect(sent).toHaveLength(2);
    expect(sent[0]!.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]!.clientId).toBe(sent[0]!.clientId);
  });
});
