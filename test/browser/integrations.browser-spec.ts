import request from 'supertest';
import { createCoordinator, createMember } from '../support/factories';
import { BrowserWorld, describeBrowser, expectAccessible, signInAs, startBrowserWorld } from '../support/browser';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

// A member makes a personal API token on their settings page, copies it the one time it is shown,
// uses it, and revokes it; a coordinator adds a webhook, watches a delivery arrive in its log, and
// revokes a member's token.
describeBrowser('integrations journey', () => {
  let world: BrowserWorld;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    world = await startBrowserWorld({ env: { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOKS_POLL_MS: '200' } });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await world?.close();
  });

  const me = (secret: string) => request(world.t.url).get('/api/v1/me').set('Authorization', `Bearer ${secret}`);

  it('a member creates a token, copies it once, uses it and revokes it', async () => {
    const member = await createMember(world.t, { displayName: 'Ifeoma Okafor' });
    const { context, page } = await world.newPerson({ width: 360 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.t.url });
    await signInAs(world, context, member);
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByText('You have no API tokens.').waitFor();
    await expectAccessible(page);

    // Nothing named, nothing chosen: both are said, beside their fields.
    await page.getByLabel('Read', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText('Name the token after what will use it').first().waitFor();
    await page.getByText('Choose at least one scope').first().waitFor();

    await page.getByLabel('Token name').fill('Funder spreadsheet');
    await page.getByLabel('Read', { exact: true }).check();
    await page.getByLabel('Expires').selectOption('30');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByLabel('Your new token');
    await shown.waitFor();
    const secret = await shown.inputValue();
    expect(secret).toMatch(/^mnp_/);
    expect(await page.getByText('Coordinator tools').count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Copy token' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    type Clipboard = { navigator: { clipboard: { readText(): Promise<string> } } };
    expect(await page.evaluate(() => (globalThis as unknown as Clipboard).navigator.clipboard.readText())).toBe(secret);
    await me(secret).expect(200);

    // Shown once: gone when dismissed, and not there after a reload.
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByLabel('Your new token').waitFor({ state: 'detached' });
    await page.reload();
    await page.getByText('Funder spreadsheet', { exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.getByText(secret.slice(0, 12)).waitFor();

    await page.getByRole('button', { name: 'Revoke Funder spreadsheet' }).click();
    await page.getByRole('heading', { name: 'Revoke “Funder spreadsheet”?' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByText('Revoked', { exact: true }).waitFor();
    await me(secret).expect(401);
    await page.screenshot({ path: 'test/.artifacts/integrations-tokens.png', fullPage: true });
  });

  it('a coordinator adds a webhook, sees its delivery, and revokes a member’s token', async () => {
    const coordinator = await createCoordinator(world.t);
    const member = await createMember(world.t, { displayName: 'Dafydd Hughes' });
    const created = await request(world.t.url)
      .post('/api/v1/me/api-tokens')
      .set(member.auth)
      .send({ name: 'CRM export', scopes: ['read'] })
      .expect(201);
    const { context, page } = await world.newPerson();
    await signInAs(world, context, coordinator);
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.waitForURL(/\/admin\/integrations$/);
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Receiver URL').fill(receiver.url);
    await page.getByLabel('Description').fill('CRM sync');
    await page.getByLabel('member.approved').check();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = await page.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await page.getByText('CRM sync', { exact: true }).waitFor();

    const applicant = await createMember(world.t, { status: 'pending' });
    await request(world.t.url).post(`/api/v1/admin/members/${applicant.id}/approve`).set(coordinator.auth).expect(200);
    await receiver.waitFor(1);
    await page.getByRole('button', { name: 'Deliveries' }).click();
    const log = page.getByRole('table', { name: 'Deliveries, newest first' });
    await log.getByText('member.approved').waitFor();
    await log.getByText('succeeded').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Revoke Dafydd Hughes’s token CRM export' }).click();
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByRole('button', { name: 'Revoke Dafydd Hughes’s token CRM export' }).waitFor({ state: 'detached' });
    await me(created.body.secret).expect(401);
    await page.screenshot({ path: 'test/.artifacts/integrations-webhooks.png', fullPage: true });

    await page.getByRole('button', { name: `Delete the webhook to ${receiver.url}` }).click();
    await page.getByRole('heading', { name: 'Delete this webhook?' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Delete webhook' }).click();
    await page.getByText('No webhooks yet.').waitFor();
  });
});
