import { createCoordinator, createMember } from '../support/factories';
import { BrowserWorld, describeBrowser, signInAs, startBrowserWorld } from '../support/browser';
import { jpeg } from '../support/files';

describeBrowser('success stories journey', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('a member writes and submits a story with a cover, the person credited consents, a coordinator publishes it, and a signed-out reader finds it and its feed', async () => {
    const amara = await createMember(world.t, { displayName: 'Amara Okafor' });
    const dev = await createMember(world.t, { displayName: 'Devan Shah' });
    const helen = await createCoordinator(world.t);
    const author = await world.newPerson();
    const credited = await world.newPerson();
    const coordinator = await world.newPerson();
    await signInAs(world, author.context, amara);
    await signInAs(world, credited.context, dev);
    await signInAs(world, coordinator.context, helen);

    // Amara writes her story, previews it, credits Devan and adds a cover.
    const a = author.page;
    await a.goto('/my-stories');
    await a.getByRole('link', { name: 'Tell your story' }).first().click();
    await a.getByLabel('Title').fill('Riverside Care: 312 staff, now the owners');
    await a.getByLabel('Summary').fill('How our home-care team spun out of the council and brought every carer into ownership.');
    await a
      .getByRole('textbox', { name: 'Story' })
      .fill('## The spin-out\n\nWe left the council in **2021** as a community interest company.');
    await a.getByRole('tab', { name: 'Preview' }).click();
    await a.locator('.story-body strong', { hasText: '2021' }).waitFor();
    await a.getByRole('tab', { name: 'Write' }).click();
    await a.getByLabel('Sector').selectOption('adult-social-care');
    await a.getByLabel('Outcome 1', { exact: true }).fill('Staff who became members');
    await a.getByLabel('Outcome 1 value').fill('312');
    await a.getByLabel('Find a member by name').fill('Devan');
    await a.getByRole('button', { name: 'Credit Devan Shah' }).click();
    await a.getByLabel('Role of Devan Shah').fill('Finance director');
    await a.locator('#story-cover').setInputFiles({ name: 'team.jpg', mimeType: 'image/jpeg', buffer: await jpeg(1200, 630) });
    await a.getByLabel('Describe the image').fill('The care team outside the day centre');
    await a.getByRole('button', { name: 'Submit for review' }).click();
    await a.waitForURL(/\/my-stories$/);
    await a.getByText('Awaiting review').waitFor();
    await a.getByText('Waiting for consent from Devan Shah (pending)').waitFor();

    // Devan reads it and agrees to be named.
    const d = credited.page;
    await d.goto('/story-consents');
    await d.getByRole('heading', { name: 'Riverside Care: 312 staff, now the owners' }).waitFor();
    await d.getByRole('img', { name: 'The care team outside the day centre' }).waitFor();
    await d.getByRole('button', { name: 'I agree to be named' }).click();
    await d.getByText('You agreed to be named').waitFor();

    // Helen publishes it from the review queue, then features it.
    const c = coordinator.page;
    await c.goto('/admin/stories');
    const card = c.locator('.card', { hasText: 'Riverside Care: 312 staff, now the owners' });
    await card.getByText('Devan Shah (Finance director): consented').waitFor();
    await card.getByRole('button', { name: 'Publish' }).click();
    await c.getByRole('tab', { name: 'Published' }).click();
    await c.locator('.card', { hasText: 'Riverside Care' }).getByRole('button', { name: 'Feature' }).click();
    await c.getByText('Featured.').waitFor();

    // Someone signed out finds it on the landing page and in the list, reads it, and finds it in the feed.
    const reader = await world.newPerson({ width: 390 });
    const r = reader.page;
    await r.goto('/');
    await r.getByRole('heading', { level: 2, name: 'Success stories' }).waitFor();
    await r.getByRole('link', { name: 'Riverside Care: 312 staff, now the owners' }).click();
    await r.waitForURL(/\/stories\/riverside-care-312-staff-now-the-owners$/);
    await r.getByRole('heading', { level: 1, name: 'Riverside Care: 312 staff, now the owners' }).waitFor();
    await r.getByText('With thanks to Devan Shah (Finance director).').waitFor();
    const cover = r.getByRole('img', { name: 'The care team outside the day centre' });
    await cover.waitFor();
    expect(await cover.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1200);
    // Arrived client-side from the landing page; a fresh load gets the server's head tags, as a shared link would.
    await r.reload();
    expect(await r.locator('meta[property="og:title"]').getAttribute('content')).toBe(
      'Riverside Care: 312 staff, now the owners | Mutuals Network',
    );
    await r.screenshot({ path: 'test/.artifacts/story-page.png', fullPage: true });

    await r.goto('/stories');
    await r.getByRole('link', { name: 'Follow new stories in your feed reader (Atom)' }).waitFor();
    const feed = await r.request.get('/stories/feed.xml');
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('<title>Riverside Care: 312 staff, now the owners</title>');
  });
});
