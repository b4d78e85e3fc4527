import { DataSource } from 'typeorm';
import { BrowserWorld, describeBrowser, startBrowserWorld, signInAs } from '../support/browser';
import { pdf, uploaded } from '../support/files';
import { api, startMentorship } from '../support/mentoring';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

describeBrowser('mentoring care journey', () => {
  let world: BrowserWorld;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    world = await startBrowserWorld({ env: { SMTP_URL: smtp.url, MAIL_POLL_MS: '100' } });
  });
  afterAll(async () => {
    await world?.close();
    await smtp?.close();
  });

  it('a mentee proposes a time, the mentor accepts, both get the invitation by mail, the session is logged from the meeting and the agreement confirmed by both', async () => {
    const { mentor, mentee, mentorshipId } = await startMentorship(world.t);
    const menteeSide = await world.newPerson();
    await signInAs(world, menteeSide.context, mentee.email);
    const menteePage = menteeSide.page;
    await menteePage.goto(`/mentoring/mentorships/${mentorshipId}`);
    await menteePage.getByRole('button', { name: 'Propose a session' }).click();
    const proposal = menteePage.getByRole('form', { name: 'Propose a session' });
    await proposal.getByLabel('Where').fill('https://meet.example/mutuals');
    await proposal.getByLabel('Agenda').fill('Our business case and the pensions question');
    await proposal.getByRole('button', { name: 'Propose session' }).click();
    const planned = menteePage.getByRole('list', { name: 'Planned sessions' });
    await planned.getByText(/waiting for .* to answer/i).waitFor();

    const mentorSide = await world.newPerson({ width: 360 });
    await signInAs(world, mentorSide.context, mentor.email);
    const mentorPage = mentorSide.page;
    await mentorPage.goto(`/mentoring/mentorships/${mentorshipId}`);
    await mentorPage
      .getByRole('list', { name: 'Planned sessions' })
      .getByText(/proposed this time/i)
      .waitFor();
    await mentorPage.getByRole('button', { name: 'Accept' }).click();
    await mentorPage.getByRole('link', { name: 'Add to calendar' }).waitFor();
    // Both get the invitation by mail, with the same calendar event.
    const invitations = await Promise.all(
      [mentor.email, mentee.email].map((to) =>
        smtp.waitFor(to, { filter: (m) => /^Mentoring session:/.test(m.subject) && m.calendar !== null }),
      ),
    );
    const uids = invitations.map((mail) => /^UID:(.+)$/m.exec(mail.calendar!)?.[1]?.trim());
    expect(uids[0]).toMatch(/@mutuals\.network$/);
    expect(uids[1]).toBe(uids[0]);
    expect(invitations[0].calendar).toMatch(/^METHOD:REQUEST/m);
    await mentorPage.screenshot({ path: 'test/.artifacts/mentoring-care-meeting.png', fullPage: true });

    // The meeting's time comes: both may now log it.
    await world.t.app
      .get(DataSource)
      .query(`UPDATE mentoring_meetings SET starts_at = now() - interval '70 minutes' WHERE mentorship_id = $1`, [mentorshipId]);
    await menteePage.reload();
    await menteePage.getByRole('button', { name: 'Log this session' }).click();
    const log = menteePage.getByRole('form', { name: 'Log this session' });
    await log.getByLabel('Notes').fill('Walked through the business case; agreed to ask the council about pensions.');
    await log.getByRole('button', { name: 'Log session' }).click();
    await menteePage
      .getByRole('list', { name: 'Logged sessions' })
      .getByText(/walked through the business case/i)
      .waitFor();

    const agreement = menteePage.getByRole('form', { name: 'Mentoring agreement' });
    await agreement.getByLabel('How often you meet').fill('Every three weeks');
    await agreement.getByLabel('How you meet').fill('Video calls, one visit to the library');
    await agreement.getByLabel('For how long').fill('Six months, reviewed at three');
    await agreement.getByLabel('What the mentee can expect of the mentor').fill('Honest challenge and contacts in the sector');
    await agreement.getByLabel('What the mentor can expect of the mentee').fill('Papers a week before each call');
    await agreement.getByLabel('Confidentiality').fill('What we discuss stays between us');
    await agreement.getByRole('button', { name: 'Save the agreement' }).click();
    await menteePage.getByText(/waiting for .* to confirm/i).waitFor();

    await mentorPage.reload();
    await mentorPage.getByText('Every three weeks').waitFor();
    await mentorPage.getByRole('button', { name: 'I confirm this agreement' }).click();
    await mentorPage.getByText('Confirmed by both').waitFor();

    // The mentor links a guide from the library to one of the pair's goals.
    const http = api(world.t);
    const file = await uploaded(world.t, mentor, 'resource', pdf('Pensions checklist'), 'pensions.pdf');
    await http
      .post('/resources', mentor, {
        title: 'Pensions admission checklist',
        summary: 'What to agree before transfer.',
        supportArea: 'hr-tupe-pensions',
        stage: 'business-case',
        fileId: file.id,
      })
      .expect(201);
    await http.post(`/mentoring/mentorships/${mentorshipId}/goals`, mentee, { title: 'Agree the pension approach' }).expect(201);
    await mentorPage.reload();
    await mentorPage.getByLabel('Link a resource to “Agree the pension approach”').selectOption({ label: 'Pensions admission checklist' });
    await mentorPage
      .getByRole('list', { name: 'Resources for “Agree the pension approach”' })
      .getByRole('link', { name: 'Pensions admission checklist' })
      .waitFor();
    await mentorPage.screenshot({ path: 'test/.artifacts/mentoring-care-agreement.png', fullPage: true });
  });
});
