import { SCOPES } from './types.js';

const BADGE_CONNECT_SCOPES: string[] = [SCOPES.assertionRead, SCOPES.assertionCreate, SCOPES.profileRead, SCOPES.profileUpdate];

/**
 * The Badge Connect scopes a plan needs. The write plan reads back what it posts, so it needs the read
 * scopes too. Unknown plans (ad-hoc test plans) get every scope.
 */
export function scopesForPlan(planId: string): string[] {
  if (planId === 'obc-provider-read') return [SCOPES.assertionRead, SCOPES.profileRead];
  return [...BADGE_CONNECT_SCOPES];
}

/** `wanted` in its own order, keeping only what `offered` lists. */
export function offeredOnly(wanted: readonly string[], offered: readonly string[]): string[] {
  return wanted.filter((s) => offered.includes(s));
}

export function splitScope(value: unknown): string[] | undefined {
  return typeof value === 'string' ? value.split(' ').filter(Boolean) : undefined;
}

export function joinScope(scopes: readonly string[]): string {
  return scopes.join(' ');
}

export { BADGE_CONNECT_SCOPES };
