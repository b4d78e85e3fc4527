import { createMember, createOrganisation, setProfile } from '../support/factories';
import { BrowserWorld, describeBrowser, startBrowserWorld, signInAs } from '../support/browser';
import { jpeg, pdf, png } from '../support/files';
import { createCategory, createThread } from '../support/forums';

/** The width an <img> decoded to: 0 until it has loaded (no DOM types in this tsconfig). */
type LoadedImage = { complete: boolean; naturalWidth: number };
const decodedWidth = (img: unknown) => ((img as LoadedImage).complete ? (img as LoadedImage).naturalWidth : 0);

describeBrowser('files journey', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('a member sets an avatar, puts an image in a forum reply and a document in chat; another member sees all three', async () => {
    const amara = await createMember(world.t, { displayName: 'Amara Osei' });
    const ben = await createMember(world.t, { displayName: 'Ben Hollis' });
    const category = await createCategory(world.t);
    const thread = await createThread(world.t, ben, category.id, {
      title: 'Share your TUPE timelines',
      body: 'How long did consultation take?',
    });
    const a = await world.newPerson();
    const b = await world.newPerson();
    await signInAs(world, a.context, amara);
    await signInAs(world, b.context, ben);

    // Amara chooses a picture on her profile and uses it.
    await a.page.goto('/profile');
    await a.page.locator('#avatar-file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await png(600, 400) });
    await a.page.getByRole('button', { name: 'Use this picture' }).click();
    await a.page.getByRole('button', { name: 'Remove picture' }).waitFor();

    // She replies in the thread with a photo, describing it.
    await a.page.goto(`/forums/threads/${thread.id}`);
    await a.page
      .locator('.forum-reply input[type=file]')
      .setInputFiles({ name: 'timeline.jpg', mimeType: 'image/jpeg', buffer: await jpeg(800, 600, { gps: true }) });
    await a.page.getByLabel('Describe this image for people who cannot see it').fill('Our consultation timeline on a whiteboard');
    await a.page.getByRole('textbox', { name: 'Your reply' }).fill('Ours took twelve weeks; here is the plan we used.');
    await a.page.getByRole('button', { name: 'Post reply' }).click();
    await a.page.getByRole('img', { name: 'Our consultation timeline on a whiteboard' }).waitFor();

    // And sends Ben a document in chat.
    await a.page.goto(`/members/${ben.id}`);
    await a.page.getByRole('button', { name: 'Message Ben Hollis' }).click();
    await a.page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await a.page
      .locator('.chat-composer input[type=file]')
      .setInputFiles({ name: 'tupe-checklist.pdf', mimeType: 'application/pdf', buffer: pdf('TUPE checklist') });
    await a.page.locator('.attachment-previews').getByText('tupe-checklist.pdf').waitFor();
    const composer = a.page.getByLabel('Message', { exact: true });
    await composer.fill('Here is the checklist we used');
    await composer.press('Enter');
    await a.page.getByRole('log').getByRole('link', { name: 'tupe-checklist.pdf' }).waitFor();

    // Ben sees her face and her photo in the thread...
    await b.page.goto(`/forums/threads/${thread.id}`);
    const photo = b.page.getByRole('img', { name: 'Our consultation timeline on a whiteboard' });
    await photo.waitFor();
    expect(await photo.evaluate(decodedWidth)).toBe(800);
    const reply = b.page.getByRole('listitem', { name: 'Post by Amara Osei' });
    const avatar = reply.locator('img.avatar');
    await avatar.waitFor();
    expect(await avatar.evaluate(decodedWidth)).toBe(256);
    await b.page.screenshot({ path: 'test/.artifacts/files-thread.png', fullPage: true });

    // ...and the document in their conversation, which downloads as the PDF she sent.
    await b.page.goto('/chat');
    await b.page.getByRole('link', { name: /Amara Osei/ }).click();
    const link = b.page.getByRole('log').getByRole('link', { name: 'tupe-checklist.pdf' });
    await link.waitFor();
    const download = await b.page.request.get((await link.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
  });

  it("a member gives their organisation a logo, and others see it beside the organisation's name", async () => {
    const chloe = await createMember(world.t, { displayName: 'Chloe Marsh' });
    const organisation = await createOrganisation(world.t, chloe, { name: 'Brightwater Leisure Trust', kind: 'mutual' });
    await setProfile(world.t, chloe, { organisationId: organisation.id } as never);
    const viewer = await createMember(world.t);
    const c = await world.newPerson({ width: 360 });
    await signInAs(world, c.context, chloe);
    await c.page.goto('/profile');
    await c.page.locator('#logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: await png(900, 300) });
    await c.page.getByRole('button', { name: 'Use this logo' }).click();
    await c.page.getByRole('button', { name: 'Remove logo' }).waitFor();

    const v = await world.newPerson();
    await signInAs(world, v.context, viewer);
    await v.page.goto(`/members/${chloe.id}`);
    const logo = v.page.locator('.org-name img.avatar');
    await logo.waitFor();
    expect(await logo.evaluate(decodedWidth)).toBeGreaterThan(0);
  });
});
