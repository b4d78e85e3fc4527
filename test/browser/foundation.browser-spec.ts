import type { Page } from 'playwright-core';
import { createCoordinator } from '../support/factories';
import { BrowserWorld, describeBrowser, startBrowserWorld, signInAs } from '../support/browser';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
}

describeBrowser('foundation journey', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('checks eligibility from the landing page and shows the outcome with reasons', async () => {
    const { page } = await world.newPerson();
    await page.goto('/');
    await page
      .getByRole('link', { name: /eligib/i })
      .first()
      .click();
    await page.waitForURL(/eligibility/);
    const answer = (question: RegExp, choice: string) =>
      page.getByRole('group', { name: question }).getByLabel(choice, { exact: true }).check();
    await answer(/deliver public services/i, 'Yes');
    await answer(/already left the public sector/i, 'No');
    await answer(/planning to leave/i, 'Yes');
    await answer(/how much say do staff/i, 'Majority');
    await page.getByLabel('Which sector do you work in?').selectOption('youth-services');
    await page.getByLabel(/where is your organisation based/i).selectOption('england');
    await answer(/match funding/i, 'Yes');
    await page.getByRole('button', { name: 'Check eligibility' }).click();
    await page.getByRole('heading', { name: 'You look eligible for support' }).waitFor();
    await page
      .getByText(/aspiring mutual/i)
      .first()
      .waitFor();
    await page.screenshot({ path: 'test/.artifacts/eligibility-result.png', fullPage: true });
  });

  it('registers, onboards, is approved by a coordinator and appears in the directory', async () => {
    const { page } = await world.newPerson();
    await page.goto('/register');
    await page.getByLabel(/name/i).first().fill('Nia Fairweather');
    await page.getByLabel('Email').fill('nia@fairweather.example');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: /create account|register|join/i }).click();
    await page.waitForURL(/onboarding/);
    await page
      .getByText(/awaiting approval/i)
      .first()
      .waitFor();

    // Step 1: the organisation.
    await page.getByLabel('Organisation name').fill('Fairweather Libraries (Council team)');
    await page.getByRole('radio', { name: /aspiring/i }).check();
    await page.getByLabel('Sector').selectOption('libraries');
    await page.getByLabel('Stage', { exact: true }).selectOption('options-appraisal');
    await page.getByLabel('Region').selectOption('north-east');
    await page.screenshot({ path: 'test/.artifacts/onboarding-organisation.png', fullPage: true });
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // Step 2: the profile, seeking a mentor.
    await page.getByLabel('Job title').fill('Head of Library Services');
    await page.getByLabel('Bio').fill('Leading our library team through an options appraisal.');
    await page.getByLabel("I'm seeking a mentor").check();
    await page.getByRole('checkbox', { name: 'Options appraisal' }).check();
    await page.getByRole('checkbox', { name: 'Financial modelling' }).check();
    await page.getByLabel('Where is your organisation on its journey?').selectOption('options-appraisal');
    await page.screenshot({ path: 'test/.artifacts/onboarding-profile.png', fullPage: true });
    await page
      .getByRole('button', { name: /save|finish|continue/i })
      .last()
      .click();
    await page.waitForURL(/\/members\//);
    await page.getByText('Head of Library Services').first().waitFor();

    const coordinator = await createCoordinator(world.t);
    const { page: coordinatorPage, context } = await world.newPerson();
    await signInAs(world, context, coordinator);
    await coordinatorPage.goto('/admin/members');
    const row = coordinatorPage.getByRole('row', { name: /Nia Fairweather/ });
    await row.getByRole('button', { name: /approve/i }).click();
    await coordinatorPage.getByRole('tab', { name: /active/i }).click();
    await coordinatorPage.getByText('Nia Fairweather').first().waitFor();

    await coordinatorPage.goto('/members');
    await coordinatorPage
      .getByLabel(/search/i)
      .first()
      .fill('Fairweather');
    await coordinatorPage.getByText('Nia Fairweather').first().waitFor();
    await coordinatorPage.getByText('Fairweather Libraries (Council team)').first().waitFor();
    await coordinatorPage.screenshot({ path: 'test/.artifacts/directory.png', fullPage: true });
  });

  it('signs in with the form', async () => {
    const coordinator = await createCoordinator(world.t);
    const { page } = await world.newPerson();
    await signIn(page, coordinator.email, 'correct horse battery');
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  });
});
