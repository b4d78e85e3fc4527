import { createCoordinator } from '../support/factories';
import { BrowserWorld, describeBrowser, expectAccessible, signInAs, startBrowserWorld } from '../support/browser';
import { pdf } from '../support/files';
import { createApplicant, createPartner } from '../support/support';

describeBrowser('support programme journey', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('an aspiring team applies, a coordinator approves and assigns, an adviser logs two days and uploads a deliverable, the applicant confirms and rates', async () => {
    const helen = await createCoordinator(world.t);
    const team = await createApplicant(world.t);
    const { partner, adviser: amara } = await createPartner(world.t, helen, 65_000);
    const applicant = await world.newPerson();
    const coordinator = await world.newPerson();
    const adviser = await world.newPerson();
    await signInAs(world, applicant.context, team);
    await signInAs(world, coordinator.context, helen);
    await signInAs(world, adviser.context, amara);

    // The team checked its eligibility earlier in this browser: the application starts from those answers.
    const a = applicant.page;
    await a.addInitScript(() => {
      (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem(
        'mn.eligibility-answers',
        JSON.stringify({
          deliversPublicService: true,
          leftPublicSector: false,
          planningToLeave: true,
          employeeInfluence: 'significant',
          sector: 'community-health',
          nation: 'england',
          canMatchFund: true,
        }),
      );
    });
    await a.goto('/support');
    await a.getByRole('link', { name: 'Apply for advice' }).click();
    await a.getByRole('heading', { name: 'Step 1 of 4: Eligibility' }).waitFor();
    expect(
      await a.getByRole('group', { name: 'Do you deliver public services with a social purpose?' }).getByLabel('Yes').isChecked(),
    ).toBe(true);
    expect(await a.getByLabel('Sector').inputValue()).toBe('community-health');
    await expectAccessible(a);
    await a.getByRole('button', { name: 'Save and continue' }).click();

    await a.getByRole('heading', { name: 'Step 2 of 4: What you need' }).waitFor();
    await a.waitForURL(/\/support\/applications\/[0-9a-f-]+\?step=1$/);
    await a.getByLabel('Options appraisal').check();
    await a.getByLabel('What do you need help with?').fill('An options appraisal of spinning our community nursing team out of the trust.');
    await a.getByLabel('What outcome do you want?').fill('A board-ready options appraisal.');
    await a.getByLabel('By when?').fill('2027-06-30');
    await a.getByRole('button', { name: 'Save and continue' }).click();

    await a.getByRole('heading', { name: 'Step 3 of 4: Growth and match funding' }).waitFor();
    await a.getByLabel('How does this support help you grow or diversify?').fill('As a mutual we can bid for prevention contracts.');
    await a.getByLabel('Cash match funding you bring (£)').fill('5000');
    await a.getByRole('button', { name: 'Save and continue' }).click();

    await a.getByRole('heading', { name: 'Step 4 of 4: Check and submit' }).waitFor();
    await a.getByText(/^Eligibility:/).waitFor();
    await expectAccessible(a);
    await a.getByRole('button', { name: 'Submit the application' }).click();
    await a.waitForURL(/\/support$/);
    await a.getByText(/submitted: the coordinators will assess it/).waitFor();
    const link = a.getByRole('link', { name: /\(SUP-[0-9A-F]{6}\)$/ });
    const href = (await link.getAttribute('href'))!;
    const applicationId = href.split('/').pop()!;
    await a.getByText('Submitted', { exact: true }).waitFor();
    await expectAccessible(a);

    // Helen assesses it with the rubric, approves two days and sees the fund move, then assigns it.
    const c = coordinator.page;
    await c.goto('/admin/support');
    await c.getByRole('link', { name: new RegExp(applicationId.replace(/-/g, '').slice(0, 6).toUpperCase()) }).waitFor();
    await expectAccessible(c);
    await c.goto(`/admin/support/applications/${applicationId}`);
    for (const criterion of ['Eligibility', 'Readiness', 'Growth or diversification case', 'Match funding']) {
      await c.getByRole('group', { name: criterion, exact: true }).getByLabel('2: adequate').check();
    }
    await c.getByRole('button', { name: 'Save the assessment' }).click();
    await c.getByText('Scored 8 of 12').waitFor();
    await c.getByLabel('Delivery partner (its day rate prices the allocation)').selectOption(partner.id);
    await c.getByLabel('Adviser days for Options appraisal').fill('2');
    await c.getByText(/this allocation costs £1,300, leaving/).waitFor();
    await expectAccessible(c);
    await c.getByRole('button', { name: 'Approve' }).click();
    await c.getByText('Approved: £1,300 committed from the fund.').waitFor();
    await c.getByLabel('Delivery partner', { exact: true }).selectOption(partner.id);
    await c.getByRole('button', { name: 'Assign' }).click();
    await c.getByText('Assigned: the partner’s advisers are told.').waitFor();

    // Amara logs two days and uploads the options appraisal, then marks the work delivered.
    const d = adviser.page;
    await d.goto('/adviser/assignments');
    await d.getByRole('link', { name: /\(SUP-[0-9A-F]{6}\)$/ }).click();
    await d.getByRole('heading', { name: 'Log days delivered' }).waitFor();
    await expectAccessible(d);
    for (const date of ['2027-01-12', '2027-01-19']) {
      await d.getByLabel('Date').fill(date);
      await d.getByLabel('Days', { exact: true }).fill('1');
      await d.getByLabel('Note').fill('Workshop with the staff council');
      await d.getByRole('button', { name: 'Log days' }).click();
      await d.getByText(new RegExp(`^${date}: 1 day of Options appraisal`)).waitFor();
    }
    await d.getByLabel('Title').fill('Options appraisal');
    await d
      .locator('#deliverable-file')
      .setInputFiles({ name: 'options-appraisal.pdf', mimeType: 'application/pdf', buffer: pdf('Options appraisal') });
    await d.getByRole('button', { name: 'Upload' }).click();
    await d.getByRole('link', { name: 'Options appraisal', exact: true }).waitFor();
    await d.getByRole('button', { name: 'Mark the work delivered' }).click();
    await d.getByText('Delivered', { exact: true }).waitFor();
    await expectAccessible(d);

    // The team reads the deliverable, confirms the work and rates it.
    await a.goto(`/support/applications/${applicationId}`);
    await a.getByRole('link', { name: 'Options appraisal', exact: true }).waitFor();
    await a.getByRole('heading', { name: 'Confirm the advice was delivered' }).waitFor();
    await expectAccessible(a);
    await a.getByLabel('5 of 5').check();
    await a.getByLabel('What difference did it make?').fill('Clear, practical and on time.');
    await a.getByRole('button', { name: 'Confirm and rate' }).click();
    await a.getByText('Rated 5 of 5: “Clear, practical and on time.”').waitFor();
    await a.getByText('Closed', { exact: true }).waitFor();

    // The fund's page shows what was committed and delivered, by area and by partner.
    await c.goto('/admin/support/fund');
    await c.getByRole('heading', { name: 'By area of advice' }).waitFor();
    await c.getByRole('row', { name: new RegExp(`^${partner.name} 2 2$`) }).waitFor();
    await expectAccessible(c);
  }, 180_000);
});
