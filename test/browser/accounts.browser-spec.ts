import { ACCOUNT_MAIL_ENV, accountMailbox } from '../support/account-mail';
import { BrowserWorld, describeBrowser, expectAccessible, startBrowserWorld } from '../support/browser';
import { createMember } from '../support/factories';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

describeBrowser('account recovery journey', () => {
  let world: BrowserWorld;
  let smtp: TestSmtpServer;
  let mail: ReturnType<typeof accountMailbox>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    world = await startBrowserWorld({ env: ACCOUNT_MAIL_ENV(smtp) });
    mail = accountMailbox(smtp);
  });
  afterAll(async () => {
    await world?.close();
    await smtp?.close();
  });

  it('goes from "Forgotten your password?" on the sign-in page to signing in with the new password, on a phone', async () => {
    const member = await createMember(world.t, { displayName: 'Rosa Forgetful' });
    const { page } = await world.newPerson({ width: 360 });

    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email address').fill(member.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await expectAccessible(page);

    // The link from the mail the test's SMTP server received, opened on this site.
    const link = await mail.link(member.email, '/reset-password');
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Set my new password' }).click();
    await page
      .getByRole('alert')
      .getByText(/at least 10 characters/)
      .first()
      .waitFor();
    await page.getByLabel('New password', { exact: true }).fill('a kettle on the moor');
    await page.getByLabel('New password again').fill('a kettle on the moor');
    await page.getByRole('button', { name: 'Set my new password' }).click();
    await page.getByRole('heading', { name: 'Password changed' }).waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: 'test/.artifacts/password-changed.png', fullPage: true });

    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password').fill('a kettle on the moor');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const me = (await page.evaluate(async () => (await fetch('/api/v1/me')).json())) as { user: { email: string } };
    expect(me.user.email).toBe(member.email);

    // The same link a second time is refused, and says what to do.
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByLabel('New password', { exact: true }).fill('another kettle entirely');
    await page.getByLabel('New password again').fill('another kettle entirely');
    await page.getByRole('button', { name: 'Set my new password' }).click();
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
  });

  it('changes the password from the settings page and confirms the address from the mailed link', async () => {
    const member = await createMember(world.t, { displayName: 'Sol Settings' });
    const { page } = await world.newPerson();
    await page.goto('/signin');
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Account settings' }).waitFor();
    await page.getByText('Not confirmed').waitFor();
    await page.getByRole('link', { name: 'Confirm your email address' }).click();
    await page.getByRole('button', { name: 'Send me a new link' }).click();
    await page.getByText(/We have sent a new link/).waitFor();
    const link = await mail.link(member.email, '/verify-email');
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await page.getByRole('heading', { name: 'Email address confirmed' }).waitFor();

    await page.goto('/settings');
    await page.getByText('Confirmed', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Notifications' }).last().click();
    await page.waitForURL(/\/settings\/notifications$/);
    await page.goto('/settings');
    const passwordForm = page.getByRole('form', { name: 'Change password' });
    await passwordForm.getByLabel('Current password').fill('not my password');
    await passwordForm.getByLabel('New password').fill('a brand new passphrase');
    await passwordForm.getByRole('button', { name: 'Change password' }).click();
    await passwordForm
      .getByText(/is not right/)
      .first()
      .waitFor();
    await passwordForm.getByLabel('Current password').fill('correct horse battery');
    await passwordForm.getByRole('button', { name: 'Change password' }).click();
    await page.getByText(/Your password is changed/).waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: 'test/.artifacts/settings.png', fullPage: true });
  });

  it('deletes the account from the settings page, erasing the posts when asked, and signs out', async () => {
    const member = await createMember(world.t, { displayName: 'Del Parting' });
    const { page } = await world.newPerson({ width: 360 });
    await page.goto('/signin');
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await page.goto('/settings');
    const deletion = page.getByRole('form', { name: 'Delete my account' });
    await deletion.getByLabel('Erase my forum posts too').check();
    await deletion.getByLabel('Your password').fill('not my password');
    await deletion.getByRole('button', { name: 'Delete my account' }).click();
    await deletion
      .getByText(/is not right/)
      .first()
      .waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: 'test/.artifacts/settings-delete-360.png', fullPage: true });
    await deletion.getByLabel('Your password').fill('correct horse battery');
    await deletion.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect((await page.evaluate(async () => (await fetch('/api/v1/me')).status)) as number).toBe(401);
  });
});
