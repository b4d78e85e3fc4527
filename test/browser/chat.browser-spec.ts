import { createMember } from '../support/factories';
import { BrowserWorld, describeBrowser, startBrowserWorld, signInAs } from '../support/browser';

describeBrowser('chat journey', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('two members chat: the unread badge, the message and the typing indicator appear live', async () => {
    const amara = await createMember(world.t, { displayName: 'Amara Osei' });
    const ben = await createMember(world.t, { displayName: 'Ben Hollis' });
    const a = await world.newPerson();
    const b = await world.newPerson();
    await signInAs(world, a.context, amara);
    await signInAs(world, b.context, ben);

    // Ben waits on his (empty) conversation list.
    await b.page.goto('/chat');
    await b.page.getByText('No conversations yet.').waitFor();

    // Amara starts a direct conversation from Ben's page and writes.
    await a.page.goto(`/members/${ben.id}`);
    await a.page.getByRole('button', { name: 'Message Ben Hollis' }).click();
    await a.page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const composer = a.page.getByLabel('Message', { exact: true });
    await composer.fill('Hello Ben, have you got a minute about the **business plan**?');
    await composer.press('Enter');
    await a.page.getByRole('log').getByText('business plan').waitFor();

    // Ben's list shows it at once, with an unread badge.
    const row = b.page.getByRole('link', { name: /Amara Osei/ });
    await row.getByText('1 unread').waitFor();
    await b.page.screenshot({ path: 'test/.artifacts/chat-list.png', fullPage: true });
    await row.click();
    await b.page.getByRole('log').getByText('business plan').waitFor();
    await b.page.getByRole('img', { name: 'Amara Osei is online' }).waitFor();

    // Amara sees Ben has read it; Ben sees her typing, then her next message.
    await a.page.getByText('Seen by Ben Hollis').waitFor();
    await composer.pressSequentially('Thanks');
    await b.page.getByText('Amara Osei is typing…').waitFor();
    await composer.press('Enter');
    await b.page.getByRole('log').getByText('Thanks').waitFor();
    await b.page.screenshot({ path: 'test/.artifacts/chat-conversation.png', fullPage: true });

    // Ben answers; the typing notice has gone from his view of Amara.
    const benComposer = b.page.getByLabel('Message', { exact: true });
    await benComposer.fill('Of course, call me at 3');
    await benComposer.press('Enter');
    await a.page.getByRole('log').getByText('Of course, call me at 3').waitFor();
    await b.page.getByText('Amara Osei is typing…').waitFor({ state: 'hidden' });
  });
});
