import request from 'supertest';
import { createMember, setProfile, type TestMember } from './factories';
import type { TestApp } from './test-app';

/** A member who offers mentoring: a trading adult social care mutual in the North West unless told. */
export async function createMentor(
  t: TestApp,
  offer: Partial<{
    capacity: number;
    expertise: string[];
    stageReached: string;
    sectors: string[];
    region: string;
    displayName: string;
  }> = {},
): Promise<TestMember> {
  const mentor = await createMember(t, { displayName: offer.displayName });
  await setProfile(t, mentor, {
    sectors: offer.sectors ?? ['adult-social-care'],
    region: offer.region ?? 'north-west',
    mentor: {
      offers: true,
      capacity: offer.capacity ?? 2,
      expertise: offer.expertise ?? ['business-planning', 'hr-tupe-pensions'],
      stageReached: offer.stageReached ?? 'trading',
    },
  });
  return mentor;
}

/** A member seeking mentoring: an adult social care team at options appraisal unless told. */
export async function createMentee(
  t: TestApp,
  seeking: Partial<{ needs: string[]; stage: string; sectors: string[]; region: string; displayName: string }> = {},
): Promise<TestMember> {
  const mentee = await createMember(t, { displayName: seeking.displayName });
  await setProfile(t, mentee, {
    sectors: seeking.sectors ?? ['adult-social-care'],
    region: seeking.region ?? 'north-west',
    mentee: {
      seeks: true,
      needs: seeking.needs ?? ['business-planning', 'hr-tupe-pensions', 'legal-governance'],
      stage: seeking.stage ?? 'options-appraisal',
    },
  });
  return mentee;
}

export const api = (t: TestApp) => ({
  get: (path: string, who: TestMember) => request(t.url).get(`/api/v1${path}`).set(who.auth),
  post: (path: string, who: TestMember, body: object = {}) => request(t.url).post(`/api/v1${path}`).set(who.auth).send(body),
  patch: (path: string, who: TestMember, body: object = {}) => request(t.url).patch(`/api/v1${path}`).set(who.auth).send(body),
  put: (path: string, who: TestMember, body: object = {}) => request(t.url).put(`/api/v1${path}`).set(who.auth).send(body),
  delete: (path: string, who: TestMember) => request(t.url).delete(`/api/v1${path}`).set(who.auth),
});

/** mentee asks mentor; returns the request id. */
export async function requestMentoring(
  t: TestApp,
  mentee: TestMember,
  mentor: TestMember,
  message = 'Could you help us with our business case?',
): Promise<string> {
  const response = await api(t).post('/mentoring/requests', mentee, { mentorId: mentor.id, message }).expect(201);
  return response.body.id as string;
}

/** A mentorship between a new mentor and a new mentee; returns everything a test needs. */
export async function startMentorship(t: TestApp) {
  const mentor = await createMentor(t);
  const mentee = await createMentee(t);
  const requestId = await requestMentoring(t, mentee, mentor);
  const response = await api(t).post(`/mentoring/requests/${requestId}/accept`, mentor).expect(200);
  return { mentor, mentee, requestId, mentorshipId: response.body.id as string };
}
