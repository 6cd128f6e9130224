// The console's session cookie (DESIGN.md §6): httpOnly so no script reads it, SameSite=Strict so
// no other site's page sends it, Secure whenever the server speaks HTTPS, and no Max-Age: it goes
// with the browser, and the server ends it after idle minutes anyway.
import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../domain/console/session';

export function sessionTokenOf(request: FastifyRequest): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim()) || null;
  }
  return null;
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}
