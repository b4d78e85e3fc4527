import type { Page } from 'playwright-core';
import request from 'supertest';
import { ForumsModerationService } from '@mutuals/forums';
import { createCoordinator, createMember, createOrganisation, setProfile, type TestMember } from '../support/factories';
import { BrowserWorld, describeBrowser, startBrowserWorld, signInAs } from '../support/browser';
import { api, createMentee, createMentor, requestMentoring } from '../support/mentoring';

// Issue 9: a coordinator's and a new member's first day, as a person meets them in the browser.
describeBrowser('first day journeys', () => {
  let world: BrowserWorld;
  let coordinator: TestMember;
  beforeAll(async () => {
    world = await startBrowserWorld();
    coordinator = await createCoordinator(world.t);
    // What a fresh install without demo data does on its first start.
    await world.t.app.get(ForumsModerationService).createDefaultCategoriesIfNone();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function personSignedInAs(member: TestMember, width?: number): Promise<Page> {
    const { context, page } = await world.newPerson({ width });
    await signInAs(world, context, member.email);
    return page;
  }

  it('a coordinator follows the first-run checklist: shapes the categories and rejects an applicant with a reason they see', async () => {
    const applicant = await createMember(world.t, { status: 'pending', displayName: 'Rowan Applicant' });
    const page = await personSignedInAs(coordinator);
    await page.goto('/admin');
    const checklist = page.getByRole('list').filter({ hasText: 'Set up the forum categories' });
    await checklist.getByText(/5 categories in use/).waitFor();
    await checklist.getByText('Set up the forum categories (done)').waitFor();
    await checklist.getByText(/1 application waiting/).waitFor();
    await checklist.getByText('Review applications (to do)').waitFor();

    await page.getByRole('link', { name: /create, edit, reorder or archive categories/i }).click();
    await page.getByLabel('Name').fill('Housing mutuals');
    await page.getByRole('button', { name: 'Create category' }).click();
    await page.getByText('Housing mutuals is created.').waitFor();
    await page.getByRole('button', { name: 'Move up Housing mutuals' }).click();
    await page.getByText('The new order is saved.').waitFor();
    await page.getByRole('button', { name: 'Archive Finance' }).click();
    await page.getByRole('heading', { name: 'Archive Finance?' }).waitFor();
    await page.getByRole('button', { name: 'Archive category' }).click();
    await page.getByText(/Finance is archived/).waitFor();
    await page.screenshot({ path: 'test/.artifacts/admin-categories.png', fullPage: true });

    const member = await personSignedInAs(await createMember(world.t));
    await member.goto('/forums');
    await member.getByRole('link', { name: 'Housing mutuals' }).waitFor();
    expect(await member.getByRole('link', { name: 'Finance', exact: true }).count()).toBe(0);

    await page.goto('/admin/members');
    await page.getByRole('button', { name: 'Reject Rowan Applicant' }).click();
    await page.getByRole('heading', { name: 'Reject the application of Rowan Applicant?' }).waitFor();
    await page.getByLabel('Reason').fill('The programme supports organisations based in England; yours is in Jersey.');
    await page.getByRole('button', { name: 'Reject application' }).click();
    await page.getByText(/Rowan Applicant will see why/).waitFor();

    const rejected = await world.newPerson();
    await rejected.page.goto('/signin');
    await rejected.page.getByLabel('Email').fill(applicant.email);
    await rejected.page.getByLabel('Password').fill('correct horse battery');
    await rejected.page.getByRole('button', { name: /sign in/i }).click();
    await rejected.page.getByText(/yours is in Jersey/).waitFor();
  });

  it('suspending asks first, and a suspended member can be reinstated', async () => {
    const member = await createMember(world.t, { displayName: 'Sami Suspended' });
    const page = await personSignedInAs(coordinator);
    await page.goto('/admin/members?status=active');
    await page.getByRole('button', { name: 'Suspend Sami Suspended' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Suspend Sami Suspended' }).click();
    await page.getByRole('button', { name: 'Suspend account' }).click();
    await page.getByText('Sami Suspended is suspended.').waitFor();
    await page.goto('/admin/members?status=suspended');
    await page.getByRole('button', { name: 'Reinstate Sami Suspended' }).click();
    await page.getByText('Sami Suspended is reinstated.').waitFor();
    await request(world.t.url).post('/api/v1/auth/login').send({ email: member.email, password: 'correct horse battery' }).expect(200);
  });

  it('tells a pending member who described their needs that suggestions come after approval', async () => {
    const pending = await createMember(world.t, { status: 'pending' });
    await setProfile(world.t, pending, {
      sectors: ['adult-social-care'],
      mentee: { seeks: true, needs: ['business-planning', 'legal-governance'], stage: 'exploring' },
    });
    const page = await personSignedInAs(pending, 360);
    await page.goto('/mentoring');
    await page.getByText('Suggestions appear once a coordinator approves your account.').waitFor();
    expect(await page.getByText(/add your sector, stage and needs/i).count()).toBe(0);
  });

  it('shows a full mentor as full instead of offering a request', async () => {
    const mentor = await createMentor(world.t, { displayName: 'Fola Full', capacity: 1 });
    const first = await createMentee(world.t);
    await api(world.t)
      .post(`/mentoring/requests/${await requestMentoring(world.t, first, mentor)}/accept`, mentor)
      .expect(200);
    const page = await personSignedInAs(await createMentee(world.t));
    await page.goto(`/members/${mentor.id}`);
    await page.getByText(/Fola Full mentors as many mentees as they offered/).waitFor();
    expect(await page.getByRole('link', { name: 'Request mentoring' }).count()).toBe(0);
  });

  it('opens the member page from an @mention in a forum post', async () => {
    const mentioned = await createMember(world.t, { displayName: 'Mina Mentioned' });
    const author = await createMember(world.t);
    const [category] = (await api(world.t).get('/forums/categories', author).expect(200)).body as { id: string }[];
    const thread = await api(world.t)
      .post('/forums/threads', author, {
        categoryId: category!.id,
        title: 'Who has done a TUPE transfer?',
        body: `Ask @${mentioned.handle}, she has.`,
      })
      .expect(201);
    const page = await personSignedInAs(await createMember(world.t));
    await page.goto(`/forums/threads/${thread.body.id}`);
    await page.getByRole('link', { name: `@${mentioned.handle}` }).click();
    await page.waitForURL(new RegExp(`/members/@${mentioned.handle}$`));
    await page.getByRole('heading', { name: 'Mina Mentioned', level: 1 }).waitFor();
  });

  it('confirms how many requests a round sends, and lists the round with who applied it', async () => {
    await createMentor(world.t, { displayName: 'Rhys Roundmentor', capacity: 3 });
    await createMentee(world.t, { displayName: 'Tegan Roundmentee' });
    const page = await personSignedInAs(coordinator);
    await page.goto('/admin/matching');
    await page.getByRole('button', { name: 'Run a round' }).click();
    await page.getByRole('button', { name: 'Apply round' }).click();
    const confirm = page.getByRole('heading', { name: /^Send \d+ mentoring requests?\?$/ });
    await confirm.waitFor();
    await page.getByRole('button', { name: /^Send \d+ requests?$/ }).click();
    await page.getByText(/^Sent \d+ requests?/).waitFor();
    const history = page.getByRole('table').filter({ hasText: 'Applied' }).last();
    await history
      .getByText(new RegExp(`by ${coordinator.displayName}`))
      .first()
      .waitFor();
    await history.getByText(/\d+ sent, 0 accepted/).waitFor();
  });

  it('lets a new member ask to join their organisation, and a member of it approve', async () => {
    const founder = await createMember(world.t, { displayName: 'Femi Founder' });
    await createOrganisation(world.t, founder, { name: 'Brackenfield Youth Partnership', kind: 'mutual', sector: 'youth-services' });
    const newcomer = await createMember(world.t, { status: 'pending', displayName: 'Noor Newcomer' });
    const page = await personSignedInAs(newcomer);
    await page.goto('/onboarding');
    await page.getByLabel('Find your organisation').fill('Bracken');
    await page.getByRole('button', { name: 'Ask to join Brackenfield Youth Partnership' }).click();
    await page.getByText(/You asked to join/).waitFor();

    const founderPage = await personSignedInAs(founder);
    await founderPage.goto('/profile#join-requests');
    await founderPage.getByRole('heading', { name: 'Requests to join your organisation' }).waitFor();
    await founderPage.getByRole('button', { name: 'Approve Noor Newcomer' }).click();
    await founderPage.getByText('Noor Newcomer is now a member of Brackenfield Youth Partnership.').waitFor();
    const me = await api(world.t).get('/me', newcomer).expect(200);
    expect(me.body.profile.organisation.name).toBe('Brackenfield Youth Partnership');
  });

  it('fills in a new organisation from the eligibility check instead of asking again', async () => {
    const newcomer = await createMember(world.t, { status: 'pending' });
    const { context, page } = await world.newPerson();
    await signInAs(world, context, newcomer.email);
    await page.goto('/eligibility');
    const answer = (question: RegExp, choice: string) =>
      page.getByRole('group', { name: question }).getByLabel(choice, { exact: true }).check();
    await answer(/deliver public services/i, 'Yes');
    await answer(/already left the public sector/i, 'Yes');
    await answer(/how much say do staff/i, 'Majority');
    await page.getByLabel('Which sector do you work in?').selectOption('sport-leisure');
    await page.getByLabel(/where is your organisation based/i).selectOption('england');
    await answer(/match funding/i, 'Yes');
    await page.getByRole('button', { name: 'Check eligibility' }).click();
    await page.getByRole('button', { name: 'Change your answers' }).waitFor();
    await page.goto('/onboarding');
    await page.getByText(/filled in from your eligibility check/).waitFor();
    expect(await page.getByLabel('Sector').inputValue()).toBe('sport-leisure');
    expect(await page.getByRole('radio', { name: /A public service mutual/ }).isChecked()).toBe(true);
  });

  it("lets a group's creator rename it and manage its members from the conversation page", async () => {
    const owner = await createMember(world.t, { displayName: 'Olu Owner' });
    const stays = await createMember(world.t, { displayName: 'Sian Stays' });
    const goes = await createMember(world.t, { displayName: 'Gil Goes' });
    await createMember(world.t, { displayName: 'Ada Added' });
    const group = await api(world.t)
      .post('/chat/conversations', owner, { kind: 'group', title: 'Bid team', memberIds: [stays.id, goes.id] })
      .expect(201);
    const page = await personSignedInAs(owner);
    await page.goto(`/chat/${group.body.id}`);
    await page.getByRole('button', { name: 'Group settings' }).click();
    await page.getByLabel('Group name').fill('Bid team: leisure tender');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('heading', { name: 'Bid team: leisure tender', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Remove Gil Goes' }).click();
    await page.getByText('Gil Goes has left the group.').waitFor();
    await page.getByLabel('Add a member').fill('Ada Add');
    await page.getByRole('button', { name: 'Add Ada Added' }).click();
    await page.getByText('Ada Added is now in the group.').waitFor();
    const view = await api(world.t).get(`/chat/conversations/${group.body.id}`, stays).expect(200);
    expect(view.body.title).toBe('Bid team: leisure tender');
    expect(view.body.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['Ada Added', 'Olu Owner', 'Sian Stays']);
  });
});
