import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

export interface RotationEvidence {
  /** Whether the refresh response carried a new refresh token different from the one used. */
  rotated: boolean;
  /** A second refresh with the old token, made after the first one. */
  reuse: HttpExchange;
}

/**
 * Refresh tokens rotate: each refresh issues a new refresh token and the used one is refused afterwards
 * with invalid_grant (RFC 6749 §10.4 rotation; the OAuth security BCP asks for it).
 */
export const ensureRefreshRotated: Check<RotationEvidence> = {
  id: 'ensure-refresh-rotated',
  title: 'refresh token is rotated and the old one refused',
  run({ rotated, reuse }) {
    const error = (reuse.json() as { error?: unknown } | undefined)?.error;
    if (reuse.status === 200) {
      return fail(`the used refresh token still works${rotated ? ' although a new one was issued' : ' (no new one was issued)'}`, { rotated });
    }
    if (reuse.status !== 400 || error !== 'invalid_grant') {
      return fail(`reuse answered ${reuse.status} ${JSON.stringify(error ?? null)}, expected 400 invalid_grant`, { actual: reuse.status });
    }
    return rotated ? pass('new refresh token issued; the old one is refused') : fail('no new refresh token issued, yet the old one is refused');
  },
};
