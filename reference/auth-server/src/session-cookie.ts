import type { Request, Response } from 'express';
import { SESSION_COOKIE } from './defaults.js';
import { sha256 } from './crypto.js';

/** Reads one cookie from the Cookie header (no cookie-parser needed for a single name). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function setSessionCookie(res: Response, id: string, maxAgeSeconds: number, secure: boolean): void {
  const attributes = [`${SESSION_COOKIE}=${id}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (secure) attributes.push('Secure');
  res.append('Set-Cookie', attributes.join('; '));
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  const attributes = [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0'];
  if (secure) attributes.push('Secure');
  res.append('Set-Cookie', attributes.join('; '));
}

/**
 * CSRF token for the account page forms, derived from the secret session id: only a page rendered
 * for this session knows it, and nothing extra needs storing.
 */
export function sessionCsrf(sessionId: string): string {
  return sha256(`account-csrf:${sessionId}`);
}
