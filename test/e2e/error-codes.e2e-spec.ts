import request from 'supertest';
import { createMember, type TestMember } from '../support/factories';
import { TestApp, startTestApp } from '../support/test-app';

const NOBODY = '00000000-0000-4000-8000-000000000000';

// Each area's refusals reach the wire as problem+json carrying the code of its error table.
describe('error codes on the wire', () => {
  let t: TestApp;
  let member: TestMember;
  let pending: TestMember;
  beforeAll(async () => {
    t = await startTestApp();
    member = await createMember(t);
    pending = await createMember(t, { status: 'pending' });
  });
  afterAll(() => t.close());

  const expectProblem = (response: request.Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code });
  };

  it('identity: not signed in, and awaiting approval', async () => {
    expectProblem(await request(t.url).get('/api/v1/me'), 401, 'notSignedIn');
    const response = await request(t.url)
      .post('/api/v1/mentoring/requests')
      .set(pending.auth)
      .send({ mentorId: member.id, message: 'Hello' });
    expectProblem(response, 403, 'awaitingApproval');
  });

  it('profiles: an organisation that does not exist', async () => {
    expectProblem(await request(t.url).get(`/api/v1/organisations/${NOBODY}`).set(member.auth), 404, 'organisationNotFound');
  });

  it('matching: asking oneself, and a mentorship nobody has', async () => {
    const response = await request(t.url).post('/api/v1/mentoring/requests').set(member.auth).send({ mentorId: member.id, message: 'Me?' });
    expectProblem(response, 400, 'cannotRequestSelf');
    expectProblem(await request(t.url).get(`/api/v1/mentoring/mentorships/${NOBODY}`).set(member.auth), 404, 'mentorshipNotFound');
  });

  it('forums: a thread that does not exist', async () => {
    expectProblem(await request(t.url).get(`/api/v1/forums/threads/${NOBODY}`).set(member.auth), 404, 'threadNotFound');
  });

  it('chat: a conversation the caller is not in', async () => {
    expectProblem(await request(t.url).get(`/api/v1/chat/conversations/${NOBODY}/messages`).set(member.auth), 404, 'conversationNotFound');
  });

  it('the framework: bad fields, a bad cursor, a bad id, a body that is not JSON', async () => {
    expectProblem(
      await request(t.url).post('/api/v1/mentoring/requests').set(member.auth).send({ mentorId: 'x' }),
      400,
      'validationFailed',
    );
    expectProblem(await request(t.url).get('/api/v1/members?cursor=not-a-cursor').set(member.auth), 400, 'invalidCursor');
    expectProblem(await request(t.url).get('/api/v1/organisations/not-a-uuid').set(member.auth), 400, 'validationFailed');
    const xml = await request(t.url).post('/api/v1/auth/login').set('Content-Type', 'application/xml').send('<login/>');
    expectProblem(xml, 415, 'unsupportedMediaType');
  });
});
