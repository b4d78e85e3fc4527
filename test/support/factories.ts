import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { UserView } from '@mutuals/contracts';
import { IdentityService, type AccountStatus, type Role } from '@mutuals/identity';
import { ProfilesService } from '@mutuals/profiles';
import type { TestApp } from './test-app';

export interface TestMember {
  id: string;
  email: string;
  handle: string;
  displayName: string;
  token: string;
  /** `Authorization: Bearer ...` for supertest's .set() */
  auth: { Authorization: string };
}

let counter = 0;

/** An account with a session, made through the services the API itself uses. */
export async function createMember(
  testApp: TestApp,
  options: { role?: Role; status?: AccountStatus; displayName?: string; password?: string } = {},
): Promise<TestMember> {
  counter += 1;
  const identity = testApp.app.get(IdentityService);
  const displayName = options.displayName ?? `Test Member ${counter} ${randomBytes(2).toString('hex')}`;
  const email = `member-${counter}-${randomBytes(4).toString('hex')}@test.example`;
  const user = await identity.createUser({
    email,
    password: options.password ?? 'correct horse battery',
    displayName,
    role: options.role ?? 'member',
    status: options.status ?? 'active',
  });
  const token = await identity.openSession(user.id);
  return { id: user.id, email, handle: user.handle, displayName, token, auth: { Authorization: `Bearer ${token}` } };
}

export const createCoordinator = (testApp: TestApp) => createMember(testApp, { role: 'coordinator' });

/** Profile fields set through the service the PATCH /me/profile route calls. */
export async function setProfile(testApp: TestApp, member: TestMember, profile: Parameters<ProfilesService['updateProfile']>[1]): Promise<void> {
  await testApp.app.get(ProfilesService).updateProfile(member.id, profile);
}

export async function createOrganisation(
  testApp: TestApp,
  member: TestMember,
  fields: Partial<{ name: string; kind: 'mutual' | 'aspiring' | 'vcse'; sector: string; stage: string; region: string }> = {},
): Promise<{ id: string }> {
  return testApp.app.get(ProfilesService).createOrganisation(member.id, {
    name: fields.name ?? `Test Organisation ${randomBytes(3).toString('hex')}`,
    kind: fields.kind ?? 'mutual',
    sector: fields.sector ?? 'adult-social-care',
    stage: fields.stage ?? 'trading',
    region: fields.region ?? 'north-west',
  });
}

/** Signs in over HTTP as a browser would, returning the cookies and the CSRF token to echo. */
export async function signInWithCookies(testApp: TestApp, email: string, password = 'correct horse battery') {
  const response = await request(testApp.url).post('/api/v1/auth/login').send({ email, password }).expect(200);
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const jar = cookies.map((c) => c.split(';')[0]).join('; ');
  const csrf = /csrf_token=([^;]+)/.exec(jar)?.[1] ?? '';
  return { cookie: jar, csrf, user: response.body.user as UserView };
}
