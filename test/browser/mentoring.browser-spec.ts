import { BrowserWorld, describeBrowser, startBrowserWorld, signInAs } from '../support/browser';
import { createMentee, createMentor } from '../support/mentoring';

describeBrowser('mentoring journey', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('a mentee requests a suggested mentor, the mentor accepts, and both log a session', async () => {
    const mentor = await createMentor(world.t, {
      displayName: 'Gwen Mentor',
      sectors: ['libraries'],
      region: 'wales',
      expertise: ['bid-writing', 'social-value'],
    });
    const mentee = await createMentee(world.t, {
      displayName: 'Idris Mentee',
      sectors: ['libraries'],
      region: 'wales',
      needs: ['bid-writing', 'social-value'],
    });

    const menteeSide = await world.newPerson();
    await signInAs(world, menteeSide.context, mentee.email);
    const menteePage = menteeSide.page;
    await menteePage.goto('/mentoring');
    const suggestion = menteePage.getByRole('listitem').filter({ has: menteePage.getByRole('heading', { name: 'Gwen Mentor' }) });
    await suggestion.getByRole('meter', { name: /match score for gwen mentor/i }).waitFor();
    await suggestion
      .getByText(/same sector/i)
      .first()
      .waitFor();
    await menteePage.screenshot({ path: 'test/.artifacts/mentoring-suggestions.png', fullPage: true });
    await suggestion.getByRole('button', { name: /request mentoring from gwen mentor/i }).click();
    await menteePage.getByLabel('Message').fill('We are a library team at options appraisal; could you help with our first bids?');
    await menteePage.getByLabel(/goals/i).fill('First tender submitted\nSocial value report drafted');
    await menteePage.getByRole('button', { name: 'Send request' }).click();
    await menteePage.getByText(/your request was sent to gwen mentor/i).waitFor();
    await menteePage.getByRole('tab', { name: 'Outgoing requests', selected: true }).waitFor();
    await menteePage.getByText('First tender submitted').waitFor();

    const mentorSide = await world.newPerson();
    await signInAs(world, mentorSide.context, mentor.email);
    const mentorPage = mentorSide.page;
    await mentorPage.goto('/mentoring?box=incoming');
    await mentorPage.getByText(/could you help with our first bids/).waitFor();
    await mentorPage.getByRole('button', { name: /accept idris mentee/i }).click();
    await mentorPage.getByRole('link', { name: 'View the mentorship' }).click();
    await mentorPage.waitForURL(/\/mentoring\/mentorships\//);
    await mentorPage.getByRole('heading', { name: 'Gwen Mentor mentoring Idris Mentee' }).waitFor();
    await mentorPage.getByRole('link', { name: 'Open chat' }).waitFor();

    await mentorPage.getByLabel('Notes').fill('Went through the tender portal and the social value questions.');
    await mentorPage.getByLabel(/next steps/i).fill('Idris drafts the method statement');
    await mentorPage.getByRole('button', { name: 'Log session' }).click();
    await mentorPage
      .getByRole('list', { name: 'Logged sessions' })
      .getByText(/tender portal/)
      .waitFor();

    await menteePage.goto('/mentoring?box=mentorships');
    await menteePage.getByRole('link', { name: /mentored by gwen mentor/i }).click();
    await menteePage
      .getByRole('list', { name: 'Logged sessions' })
      .getByText(/tender portal/)
      .waitFor();
    await menteePage.getByLabel('Notes').fill('Second call: reviewed my method statement draft.');
    await menteePage.getByLabel('Duration (minutes)').fill('45');
    await menteePage.getByRole('button', { name: 'Log session' }).click();
    await menteePage
      .getByRole('list', { name: 'Logged sessions' })
      .getByText(/method statement draft/)
      .waitFor();
    await menteePage.getByText(/2 sessions/).waitFor();
    await menteePage.screenshot({ path: 'test/.artifacts/mentorship.png', fullPage: true });

    await mentorPage.reload();
    await mentorPage
      .getByRole('list', { name: 'Logged sessions' })
      .getByText(/method statement draft/)
      .waitFor();
  });
});
