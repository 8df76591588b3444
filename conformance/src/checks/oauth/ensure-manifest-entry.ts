import { BADGE_CONNECT_VERSION, findV2p1Entry } from '../../actions/get-manifest.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

export const API_BASE_SUFFIX = '/ims/ob/v2p1';

/**
 * The manifest has a badgeConnectAPI entry with version v2p1 whose apiBase ends with /ims/ob/v2p1 (so not
 * with '/') and whose scopesOffered include every scope the plan needs.
 */
export function ensureManifestEntry(neededScopes: readonly string[]): Check<unknown> {
  return {
    id: 'ensure-manifest-entry',
    title: `manifest has a ${BADGE_CONNECT_VERSION} badgeConnectAPI entry usable by this plan`,
    run(manifest) {
      const found = findV2p1Entry(manifest);
      if (!found) {
        const entries = (manifest as { badgeConnectAPI?: unknown } | undefined)?.badgeConnectAPI;
        const versions = Array.isArray(entries) ? entries.map((e) => (e as { version?: unknown })?.version ?? null) : [];
        return fail(`no badgeConnectAPI entry has "version": "${BADGE_CONNECT_VERSION}"`, { versions });
      }
      const { entry, index } = found;
      const pointer = `/badgeConnectAPI/${index}`;
      const apiBase = entry.apiBase;
      if (typeof apiBase !== 'string' || !apiBase.endsWith(API_BASE_SUFFIX)) {
        return fail(`"apiBase" is ${JSON.stringify(apiBase)}, expected it to end with "${API_BASE_SUFFIX}" (and no "/")`, {
          pointer: `${pointer}/apiBase`,
          actual: apiBase ?? null,
        });
      }
      const offered = Array.isArray(entry.scopesOffered) ? entry.scopesOffered : [];
      const missing = neededScopes.filter((s) => !offered.includes(s));
      if (missing.length) {
        return fail(`"scopesOffered" lacks ${missing.join(', ')}`, { pointer: `${pointer}/scopesOffered`, missing, offered });
      }
      return pass(`entry ${index}: apiBase ${apiBase}, ${offered.length} scopes offered`, { pointer });
    },
  };
}
