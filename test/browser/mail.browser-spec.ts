import request from 'supertest';
import { createCoordinator } from '../support/factories';
import { BrowserWorld, describeBrowser, startBrowserWorld, signInAs } from '../support/browser';
import { createMentee, createMentor, requestMentoring } from '../support/mentoring';

// On a phone: a member chooses how news reaches them, a coordinator reads the mail the platform
// kept (no SMTP server in this world), and an unsubscribe link works without signing in.
describeBrowser('mail journey', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('a member turns mentoring request emails to in-app only, and the choice stays', async () => {
    const mentor = await createMentor(world.t);
    const { context, page } = await world.newPerson({ width: 360 });
    await signInAs(world, context, mentor);
    await page.goto('/notifications');
    await page.getByRole('link', { name: 'Choose what reaches you, and how' }).click();
    await page.waitForURL(/\/settings\/notifications$/);
    const requests = page.getByLabel('Mentoring requests to you');
    await requests.selectOption('app');
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.getByLabel('How often to send the digest').selectOption('daily');
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.reload();
    await page.getByLabel('Mentoring requests to you').waitFor();
    expect(await page.getByLabel('Mentoring requests to you').inputValue()).toBe('app');
    expect(await page.getByLabel('How often to send the digest').inputValue()).toBe('daily');
    await page.screenshot({ path: 'test/.artifacts/mail-settings.png', fullPage: true });
  });

  it('a coordinator reads a kept mail in the mailbox', async () => {
    const [mentor, mentee] = [
      await createMentor(world.t, { displayName: 'Rhiannon Pryce' }),
      await createMentee(world.t, { displayName: 'Tomasz Nowak' }),
    ];
    await requestMentoring(world.t, mentee, mentor, 'Could you help with our pension admission agreement?');
    const coordinator = await createCoordinator(world.t);
    const { context, page } = await world.newPerson({ width: 360 });
    await signInAs(world, context, coordinator);
    await page.goto('/admin/mail');
    await page.getByLabel('Show').selectOption('kept');
    const mail = page.getByRole('button', { name: 'Tomasz Nowak asked you to be their mentor' });
    await mail.click();
    await page.getByText('Could you help with our pension admission agreement?').first().waitFor();
    await page.screenshot({ path: 'test/.artifacts/mail-mailbox.png', fullPage: true });
  });

  it('the unsubscribe link of a mail turns that email off without signing in', async () => {
    const [mentor, mentee] = [await createMentor(world.t), await createMentee(world.t)];
    await requestMentoring(world.t, mentee, mentor);
    // The link as the mentor's mail has it (kept, with no SMTP server in this world).
    const coordinator = await createCoordinator(world.t);
    let id: string | undefined;
    for (let tries = 0; !id && tries < 50; tries++) {
      if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      const kept = await request(world.t.url).get('/api/v1/admin/mail?status=kept').set(coordinator.auth).expect(200);
      id = kept.body.items.find((m: { to: string }) => m.to === mentor.email)?.id;
    }
    const mail = await request(world.t.url).get(`/api/v1/admin/mail/${id!}`).set(coordinator.auth).expect(200);
    const link = new URL(/https?:\/\/[^\s()]+\/unsubscribe\?token=[^\s)]+/.exec(mail.body.text as string)![0]);
    const { page } = await world.newPerson({ width: 360 });
    await page.goto(link.pathname + link.search);
    await page.getByText('Stop emails for “Mentoring requests to you”?').waitFor();
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByText('You are unsubscribed').waitFor();
    await page.goto('/unsubscribe?token=forged.token');
    await page.getByText('This link does not work').waitFor();
  });
});
