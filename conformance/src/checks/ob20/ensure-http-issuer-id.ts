import { fail, pass, skip, type Check } from '../../engine/verdict.js';

/**
 * The issuer profile's id is an http(s) URL. OB 2.0 lets any IRI identify a profile, but most platforms
 * can only dereference http(s) ones, and 1EdTech's validators warn otherwise: a warning-level check.
 */
export const ensureHttpIssuerId: Check<{ issuerId: unknown; where: string }> = {
  id: 'ensure-http-issuer-id',
  title: 'The issuer id is an http(s) URL',
  run({ issuerId, where }) {
    if (typeof issuerId !== 'string') return skip(`${where}: no issuer id to judge`);
    return /^https?:\/\//i.test(issuerId)
      ? pass(`${where}: issuer id ${issuerId} is an http(s) URL`)
      : fail(`${where}: issuer id ${JSON.stringify(issuerId)} is not an http(s) URL, which most platforms cannot fetch`, { issuerId });
  },
};
