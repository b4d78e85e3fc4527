import { DataSource } from 'typeorm';
import { BrowserWorld, describeBrowser, signInAs, startBrowserWorld } from '../support/browser';
import { createCoordinator, createMember, createOrganisation } from '../support/factories';
import { startMentorship } from '../support/mentoring';

describeBrowser('the coordinator looks after people, pairs and journeys', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('finds a member by email, makes them a coordinator, sees a quiet pair among the mentorships and records the day an organisation spun out', async () => {
    const coordinator = await createCoordinator(world.t);
    const colleague = await createMember(world.t, { displayName: 'Ffion Maddox' });
    const organisation = await createOrganisation(world.t, colleague, { name: 'Ebbw Vale Leisure Trust', stage: 'mobilisation', sector: 'leisure' });
    const quiet = await startMentorship(world.t);
    const db = world.t.app.get(DataSource);
    await db.query(`UPDATE mentorships SET started_at = now() - interval '30 days' WHERE id = $1`, [quiet.mentorshipId]);
    // The trust joined the programme months ago, at mobilisation.
    await db.query(`UPDATE organisation_stage_changes SET changed_at = now() - interval '200 days' WHERE organisation_id = $1`, [organisation.id]);

    const { page, context } = await world.newPerson();
    await signInAs(world, context, coordinator.email);

    // People: search by email address, everyone whatever their status.
    await page.goto('/admin/members?status=all');
    const search = page.getByRole('search', { name: 'Find people' });
    await search.getByLabel('Search').fill(colleague.email);
    await search.getByRole('button', { name: 'Search' }).click();
    const row = page.getByRole('row', { name: /Ffion Maddox/ });
    await row.waitFor();
    await row.getByRole('button', { name: 'Change role of Ffion Maddox' }).click();
    await page.getByRole('heading', { name: 'Change the role of Ffion Maddox?' }).waitFor();
    await page.getByLabel('New role').selectOption('coordinator');
    await page.getByRole('button', { name: 'Change role', exact: true }).click();
    await page.getByText('Ffion Maddox has a new role.').waitFor();
    await page.getByRole('row', { name: /Ffion Maddox/ }).getByText('Coordinator').waitFor();

    // Mentorships: the pair that has not met for three weeks shows as quiet.
    await page.getByRole('link', { name: 'Mentorships' }).click();
    await page.getByRole('heading', { name: 'Mentorships', level: 1 }).waitFor();
    await page.getByLabel('Health').selectOption('quiet');
    await page.getByRole('row', { name: new RegExp(quiet.mentee.displayName) }).getByText('Quiet').waitFor();

    // A journey step, dated when it happened, on the member's page.
    await page.goto(`/members/${colleague.id}`);
    const record = page.getByRole('form', { name: "Record a step of Ebbw Vale Leisure Trust's journey" });
    await record.getByLabel('Stage reached').selectOption('spun-out');
    const spunOutOn = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await record.getByLabel('Reached on').fill(spunOutOn);
    await record.getByRole('button', { name: 'Record the step' }).click();
    await page.getByText('The step is recorded.').waitFor();
    const steps = page.getByRole('list').filter({ hasText: 'Spun out' });
    await steps.getByText('Mobilisation').waitFor();
  });
});
