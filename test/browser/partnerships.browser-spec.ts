import type { AuthUser } from '@mutuals/identity';
import { CapabilitiesService, OpportunitiesService } from '@mutuals/partnerships';
import { createCoordinator, createMember, createOrganisation } from '../support/factories';
import { BrowserWorld, describeBrowser, expectAccessible, startBrowserWorld, signInAs } from '../support/browser';

const DAY = 24 * 60 * 60 * 1000;
const actingAs = (id: string): AuthUser => ({ id, role: 'member', status: 'active', sessionId: 'test', via: 'bearer' });

describeBrowser('partnerships journey', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('a mutual posts, a VCSE member sees it first among their fits and pitches, the poster shortlists them, they talk, and it is won', async () => {
    const { t } = world;
    const poster = await createMember(t, { displayName: 'Lena Leisure' });
    await createOrganisation(t, poster, { kind: 'mutual', name: 'Moorside Active Leisure', sector: 'sport-leisure', region: 'north-west' });
    const vcse = await createMember(t, { displayName: 'Tom Wellbeing' });
    const network = await createOrganisation(t, vcse, {
      kind: 'vcse',
      name: 'Moorside Wellbeing Network',
      sector: 'public-health',
      region: 'north-west',
    });
    // Another mutual's opportunity that fits the network less well, posted first and closing sooner.
    const other = await createMember(t, { displayName: 'Hal Housing' });
    await createOrganisation(t, other, { kind: 'mutual', name: 'Southbank Homes', sector: 'housing', region: 'london' });
    await t.app.get(CapabilitiesService).save(actingAs(vcse.id), network.id, {
      summary: 'Link workers and volunteer befrienders across Moorside, working with every GP practice.',
      capabilities: ['social-prescribing', 'community-outreach', 'volunteering'],
      regions: ['north-west'],
      sectors: [],
      clientGroups: ['older-people'],
    });
    await t.app.get(OpportunitiesService).post(actingAs(other.id), {
      title: 'Tenancy sustainment service',
      commissioner: 'London borough council',
      description: 'Floating support for tenants at risk of losing their homes, across the borough.',
      sector: 'housing',
      region: 'london',
      valueBand: '100k-500k',
      capabilitiesSought: ['housing-support'],
      deadline: new Date(Date.now() + 5 * DAY).toISOString(),
      publish: true,
    });

    // The mutual posts through the form.
    const posterSide = await world.newPerson();
    await signInAs(world, posterSide.context, poster.email);
    const posterPage = posterSide.page;
    await posterPage.goto('/partnerships/new');
    await posterPage.getByLabel('Service').waitFor();
    await expectAccessible(posterPage);
    await posterPage.getByLabel('Service').fill('Social prescribing in Moorside leisure centres');
    await posterPage.getByLabel('Commissioner').fill('NHS Moorside integrated care board');
    await posterPage
      .getByLabel('Description')
      .fill('Link workers in our leisure centres and GP practices, with activity on prescription, for three years.');
    await posterPage.getByLabel('Sector').selectOption({ label: 'Public health and wellbeing' });
    await posterPage.getByLabel('Region').selectOption({ label: 'North West' });
    await posterPage.getByLabel('Contract value').selectOption({ label: '£1m to £5m' });
    await posterPage.getByLabel('Social prescribing link work').check();
    await posterPage.getByLabel('Community outreach and engagement').check();
    await posterPage.getByLabel('Bid deadline').fill(new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10));
    await posterPage.getByRole('button', { name: 'Post the opportunity' }).click();
    await posterPage.getByRole('heading', { name: 'Social prescribing in Moorside leisure centres' }).waitFor();
    await posterPage.getByText('Open for interest').first().waitFor();
    await expectAccessible(posterPage);

    // The VCSE member sees it first among their fits, with the reasons, and pitches.
    const vcseSide = await world.newPerson();
    await signInAs(world, vcseSide.context, vcse.email);
    const vcsePage = vcseSide.page;
    await vcsePage.goto('/partnerships');
    const cards = vcsePage
      .getByRole('list', { name: 'Open opportunities, best fit first' })
      .getByRole('listitem')
      .filter({ has: vcsePage.getByRole('heading') });
    await cards.nth(1).waitFor();
    await cards.first().getByRole('heading', { name: 'Social prescribing in Moorside leisure centres' }).waitFor();
    await cards
      .first()
      .getByText(/Covers all 2 capabilities sought/)
      .waitFor();
    await cards.first().getByText('Same region: North West').waitFor();
    await expectAccessible(vcsePage);
    await vcsePage.screenshot({ path: 'test/.artifacts/partnerships-board.png', fullPage: true });
    await cards.first().getByRole('link', { name: 'Social prescribing in Moorside leisure centres' }).click();
    await vcsePage.getByLabel('Your pitch').waitFor();
    await expectAccessible(vcsePage);
    await vcsePage.getByLabel('Your pitch').fill('Our link workers already take referrals from all nine Moorside GP practices.');
    await vcsePage.getByRole('button', { name: 'Send your interest' }).click();
    await vcsePage.getByRole('heading', { name: 'Your pitch' }).waitFor();
    await expectAccessible(vcsePage);

    // The poster reads the pitch, shortlists the network and opens the conversation.
    await posterPage.goto(posterPage.url().replace(/\/?$/, '/shortlist'));
    await posterPage.getByText(/all nine Moorside GP practices/).waitFor();
    await expectAccessible(posterPage);
    await posterPage.getByRole('button', { name: 'Shortlist Moorside Wellbeing Network' }).click();
    await posterPage.getByText('Moorside Wellbeing Network is shortlisted.').waitFor();
    await expectAccessible(posterPage);
    await posterPage.getByRole('button', { name: 'Open a conversation with the shortlist' }).click();
    await posterPage.waitForURL(/\/chat\//);
    const posterComposer = posterPage.getByLabel('Message', { exact: true });
    await posterComposer.fill('Welcome aboard: shall we meet on Tuesday to plan the bid?');
    await posterComposer.press('Enter');

    // The shortlisted partner finds the conversation from the opportunity and answers.
    await vcsePage.reload();
    await vcsePage.getByRole('link', { name: 'Open the partnership conversation' }).click();
    await vcsePage.getByRole('log').getByText('shall we meet on Tuesday').waitFor();
    const vcseComposer = vcsePage.getByLabel('Message', { exact: true });
    await vcseComposer.fill('Tuesday works. We will bring our referral figures.');
    await vcseComposer.press('Enter');
    await posterPage.getByRole('log').getByText('We will bring our referral figures').waitFor();

    // The poster marks it partnered, then won with its value.
    await posterPage.goBack();
    await posterPage.getByRole('link', { name: 'Back to the opportunity' }).click();
    await posterPage.getByRole('button', { name: 'Mark partnered' }).click();
    await posterPage.getByText('The opportunity is now partnered.').waitFor();
    await posterPage.getByLabel('Value won (£)').fill('1,250,000');
    await posterPage.getByRole('button', { name: 'Mark won' }).click();
    await posterPage.getByText('Won: £1,250,000').waitFor();
    await expectAccessible(posterPage);

    await vcsePage.goto(posterPage.url().replace(/^https?:\/\/[^/]+/, ''));
    await vcsePage.getByText('Won: £1,250,000').waitFor();

    // The network's page in the VCSE directory, and where it edits what it offers.
    await vcsePage.goto('/partnerships/organisations');
    await vcsePage.getByText('Moorside Wellbeing Network').first().waitFor();
    await expectAccessible(vcsePage);
    await vcsePage.goto(`/partnerships/organisations/${network.id}/capabilities`);
    await vcsePage.getByLabel('In your own words').waitFor();
    await expectAccessible(vcsePage);

    // The console counts the partnership formed and what it won.
    const coordinator = await createCoordinator(t);
    const console = await world.newPerson();
    await signInAs(world, console.context, coordinator);
    await console.page.goto('/admin');
    const headline = console.page.getByRole('list', { name: 'Partnership figures' });
    await headline.getByText('£1,250,000').waitFor();
    await expectAccessible(console.page);
    await console.page.getByRole('link', { name: 'Partnerships by sector and region' }).click();
    await console.page.getByRole('heading', { name: 'Partnerships by sector' }).waitFor();
    await console.page.getByRole('cell', { name: '£1,250k' }).first().waitFor();
    await expectAccessible(console.page);
  });
});
