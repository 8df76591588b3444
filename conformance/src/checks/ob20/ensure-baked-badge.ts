import type { BakedBadge } from '../../actions/ob20/baked-badge.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/** The image is baked as OB 2.0 Baking says (one uncompressed iTXt chunk; one namespaced SVG element). */
export const ensureBakedBadge: Check<BakedBadge> = {
  id: 'ensure-baked-badge',
  title: 'The badge image is baked as OB 2.0 specifies',
  run(baked) {
    const what = `baked ${baked.format.toUpperCase()} (${baked.found}, carrying ${baked.carried === 'json' ? 'assertion JSON' : baked.carried === 'jws' ? 'a compact JWS' : 'an assertion URL'})`;
    return baked.problems.length === 0
      ? pass(what)
      : fail(`${what}: ${baked.problems.join('; ')}`, { format: baked.format, problems: baked.problems });
  },
};
