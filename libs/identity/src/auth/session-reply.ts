import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@mutuals/core';
import type { ClientInfo } from '../identity.service';
import { CSRF_COOKIE, SESSION_COOKIE } from './cookies';

export function clientOf(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' ? agent : null };
}

/** The web client's session: the token in an httpOnly cookie, and a CSRF secret the page can read and echo. */
export function setSessionCookies(reply: FastifyReply, token: string, config: AppConfig): void {
  const common = { path: '/', sameSite: 'lax' as const, secure: config.cookieSecure, maxAge: config.sessionTtlDays * 86_400 };
  reply
    .setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true })
    .setCookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
}
